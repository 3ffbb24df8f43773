// SPDX-License-Identifier: MIT
#include "tables.h"

#include <QHeaderView>

namespace calens {

QTableView* makeTable(const QString& objectName, const QString& accessibleName)
{
    auto* t = new QTableView;
    t->setObjectName(objectName);
    t->setAccessibleName(accessibleName);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

void fitColumns(QTableView* table, const std::function<int(int column)>& capChars)
{
    const auto* view = static_cast<const QAbstractItemView*>(table); // sizeHintForColumn is public there
    const int chars = table->fontMetrics().averageCharWidth();
    for (int c = 0; c < table->model()->columnCount(); ++c) {
        const int header = table->horizontalHeader()->sectionSizeHint(c);
        const int natural = std::max(header, view->sizeHintForColumn(c));
        const int cap = capChars(c);
        // A header is never cut: a clipped column title says nothing, not even in a tooltip.
        table->setColumnWidth(c, cap > 0 ? std::min(natural, std::max(header, cap * chars)) : natural);
    }
}

} // namespace calens
