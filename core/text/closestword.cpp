// SPDX-License-Identifier: MIT
#include "closestword.h"

#include <algorithm>
#include <vector>

namespace calens::text {

namespace {

int editDistance(const QString& a, const QString& b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j) row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min(
                { up + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1) });
            diagonal = up;
        }
    }
    return row.back();
}

} // namespace

QString closestWord(const QString& word, const QStringList& candidates, int maxEdits)
{
    if (word.isEmpty() || word.size() > 64) return {}; // not a mistyped word; and the table stays small
    QString best;
    int bestDistance = maxEdits + 1;
    for (const QString& c : candidates) {
        const int d = c.startsWith(word, Qt::CaseInsensitive) ? 1 : editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace calens::text
