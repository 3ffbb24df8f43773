// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace calens {

// The read-only table every view uses: whole rows, fixed row heights (a resize-to-contents vertical
// header costs seconds on big models), stretched last column.
QTableView* makeTable(const QString& objectName, const QString& accessibleName);

} // namespace calens
