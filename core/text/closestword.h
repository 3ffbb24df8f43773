// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace calens::text {

// The candidate a mistyped word most likely meant: a candidate the word starts, else the one the fewest edits
// away (case-insensitive), at most `maxEdits`; empty when none is that close.
QString closestWord(const QString& word, const QStringList& candidates, int maxEdits = 2);

} // namespace calens::text
