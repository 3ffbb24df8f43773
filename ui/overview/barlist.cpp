// SPDX-License-Identifier: MIT
#include "barlist.h"

#include "text/tooltiptext.h"

#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QVBoxLayout>

#include <algorithm>

namespace calens {

namespace {
constexpr int kBarHeight = 5;
constexpr int kPad = 3;
} // namespace

BarEntry::BarEntry(const QString& label, quint64 count, quint64 max, QWidget* parent)
    : QAbstractButton(parent)
    , m_label(label)
    , m_count(count)
    , m_max(std::max<quint64>(max, 1))
{
    setText(label);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(QStringLiteral("%1: %2").arg(label).arg(count));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize BarEntry::sizeHint() const
{
    return { 200, fontMetrics().height() + kBarHeight + 3 * kPad };
}

QSize BarEntry::minimumSizeHint() const
{
    // A narrow dock elides the label; the count and a sliver of bar always fit.
    return { fontMetrics().horizontalAdvance(QStringLiteral("Mmm… 0000")), sizeHint().height() };
}

void BarEntry::enterEvent(QEnterEvent* event)
{
    m_hover = true;
    update();
    QAbstractButton::enterEvent(event);
}

void BarEntry::leaveEvent(QEvent* event)
{
    m_hover = false;
    update();
    QAbstractButton::leaveEvent(event);
}

void BarEntry::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette& pal = palette();
    const QRect r = rect();
    if (m_hover || isDown()) {
        QColor wash = pal.color(QPalette::Highlight);
        wash.setAlpha(isDown() ? 90 : 45);
        p.fillRect(r, wash);
    }
    const QFontMetrics fm = fontMetrics();
    const QString number = QString::number(m_count);
    const int numberWidth = fm.horizontalAdvance(number);
    const QRect text(r.left() + kPad, r.top() + kPad, r.width() - 2 * kPad, fm.height());
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(text.adjusted(0, 0, -numberWidth - 2 * kPad, 0), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(m_label, Qt::ElideRight, text.width() - numberWidth - 2 * kPad));
    p.drawText(text, Qt::AlignRight | Qt::AlignVCenter, number);
    // The track in the text colour, faint; the bar in the highlight colour: both follow the palette.
    QColor track = pal.color(QPalette::WindowText);
    track.setAlpha(35);
    const QRect bar(r.left() + kPad, text.bottom() + kPad, r.width() - 2 * kPad, kBarHeight);
    p.fillRect(bar, track);
    p.fillRect(QRect(bar.topLeft(), QSize(std::max(2, int(bar.width() * double(m_count) / double(m_max))), kBarHeight)),
        pal.color(QPalette::Highlight));
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = r.adjusted(1, 1, -1, -1);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &p, this);
    }
}

BarList::BarList(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
}

void BarList::setItems(const std::vector<Item>& items)
{
    for (BarEntry* e : m_entries) delete e;
    m_entries.clear();
    quint64 max = 0;
    for (const Item& i : items) max = std::max(max, i.count);
    for (size_t i = 0; i < items.size(); ++i) {
        auto* e = new BarEntry(items[i].label, items[i].count, max, this);
        e->setToolTip(text::plainToolTip(items[i].toolTip)); // names are data: shown, never rendered
        e->setObjectName(QStringLiteral("barEntry%1").arg(i));
        connect(e, &QAbstractButton::clicked, this, [this, i] { emit activated(int(i)); });
        m_layout->addWidget(e);
        m_entries.push_back(e);
    }
}

} // namespace calens
