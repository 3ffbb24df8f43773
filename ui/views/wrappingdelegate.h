// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace calens {

// Rows as tall as their wrapped text in a tree view: QTreeView measures rows without a column width (so
// word wrap never adds a line and long values elide); this delegate measures at the column's width. The
// view calls doItemsLayout() when a column's width changes.
class WrappingDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingDelegate(QTreeView* view);
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QTreeView* m_view;
};

} // namespace calens
