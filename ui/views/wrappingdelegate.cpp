// SPDX-License-Identifier: MIT
#include "wrappingdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QTreeView>

namespace calens {

WrappingDelegate::WrappingDelegate(QTreeView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    int width = m_view->header()->sectionSize(index.column());
    if (index.column() == 0)
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) width -= m_view->indentation();
    opt.rect = QRect(0, 0, std::max(1, width), 1 << 16); // the style wraps only in a valid rect
    opt.features |= QStyleOptionViewItem::WrapText;
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    return style->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), opt.widget);
}

} // namespace calens
