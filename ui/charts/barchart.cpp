// SPDX-License-Identifier: MIT
#include "barchart.h"

#include "theme.h"

#include <QMouseEvent>
#include <QPainter>

namespace calens {

BarChart::BarChart(const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
{
    setObjectName(title);
    setAccessibleName(title);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

int BarChart::rowHeight() const
{
    return fontMetrics().height() + 6;
}
int BarChart::top() const
{
    return fontMetrics().height() + 10;
}

QSize BarChart::sizeHint() const
{
    return { 360, top() + std::max<int>(1, int(m_bars.size())) * rowHeight() + 8 };
}

QSize BarChart::minimumSizeHint() const
{
    return { 180, sizeHint().height() };
}

void BarChart::setBars(const std::vector<Bar>& bars)
{
    m_bars = bars;
    m_hover = -1;
    updateGeometry();
    update();
}

int BarChart::barAt(QPoint pos) const
{
    const int i = (pos.y() - top()) / rowHeight();
    return pos.y() >= top() && i >= 0 && i < int(m_bars.size()) ? i : -1;
}

void BarChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(4, 2, width() - 8, top() - 4), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(font());
    if (m_bars.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(4, top(), width() - 8, rowHeight()), Qt::AlignLeft | Qt::AlignVCenter, tr("nothing to show"));
        return;
    }
    uint64_t max = 1;
    for (const Bar& b : m_bars) max = std::max(max, b.count);
    // The label is the point: in a narrow pane the bars give up width first (down to a quarter).
    const int countWidth = fontMetrics().horizontalAdvance(QString::number(max)) + 8;
    const int labelWidth = std::max(width() * 58 / 100, width() - countWidth - std::max(60, width() / 4) - 12);
    const int barSpace = std::max(10, width() - labelWidth - countWidth - 12);
    for (int i = 0; i < int(m_bars.size()); ++i) {
        const Bar& b = m_bars[size_t(i)];
        const int y = top() + i * rowHeight();
        if (i == m_hover) p.fillRect(QRect(0, y, width(), rowHeight()), pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(4, y, labelWidth - 8, rowHeight()), Qt::AlignLeft | Qt::AlignVCenter,
            fontMetrics().elidedText(b.label, Qt::ElideRight, labelWidth - 8)); // "CA002: Require compl…"
        const int w = std::max(2, int(double(b.count) / double(max) * barSpace));
        const QColor bar = statusColor(Status::Neutral, pal);
        p.fillRect(QRect(labelWidth, y + 3, w, rowHeight() - 6),
            i == m_hover ? (isDark(pal) ? bar.lighter(130) : bar.darker(140)) : bar);
        p.drawText(QRect(labelWidth + w + 4, y, countWidth, rowHeight()), Qt::AlignLeft | Qt::AlignVCenter,
            QString::number(b.count));
    }
}

void BarChart::mouseMoveEvent(QMouseEvent* event)
{
    const int i = barAt(event->position().toPoint());
    if (i == m_hover) return;
    m_hover = i;
    setCursor(i >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(i >= 0 ? QStringLiteral("%1 — %2\n%3")
                            .arg(m_bars[size_t(i)].label)
                            .arg(m_bars[size_t(i)].count)
                            .arg(tr("Click to filter by it"))
                      : QString());
    update();
}

void BarChart::leaveEvent(QEvent*)
{
    m_hover = -1;
    update();
}

void BarChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) clickBar(barAt(event->position().toPoint()));
}

void BarChart::clickBar(int index)
{
    if (index < 0 || index >= int(m_bars.size()) || m_bars[size_t(index)].filterTerm.isEmpty()) return;
    emit filterRequested(m_bars[size_t(index)].filterTerm);
}

} // namespace calens
