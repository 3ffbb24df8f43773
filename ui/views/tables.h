// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

#include <functional>

namespace calens {

// The read-only table every view uses: whole rows, fixed row heights (a resize-to-contents vertical
// header costs seconds on big models), stretched last column.
QTableView* makeTable(const QString& objectName, const QString& accessibleName);
// Each column as wide as what it shows, up to capChars(column) average characters (0: never cut) but never
// narrower than its header. A longer value elides; the models give it in full as the tooltip.
void fitColumns(QTableView* table, const std::function<int(int column)>& capChars);

} // namespace calens
