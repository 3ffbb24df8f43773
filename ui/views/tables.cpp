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

} // namespace calens
