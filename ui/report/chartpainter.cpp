// SPDX-License-Identifier: MIT
#include "chartpainter.h"

#include "query/axisplan.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace calens {

namespace {

const QColor kBar(0x2f, 0x6f, 0xc4);
const QColor kText(0x1f, 0x23, 0x28);
const QColor kMuted(0x57, 0x60, 0x6a);
const QColor kGrid(0xd0, 0xd7, 0xde);

QFont font(qreal pointSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

QString number(double v)
{
    return QString::number(v, 'f', 0);
}

void paintBars(QPainter& p, QRectF r, const ReportChart& c, qreal pt)
{
    const QFont labelFont = font(7.5);
    p.setFont(labelFont);
    const QFontMetricsF fm(labelFont, p.device());
    const size_t n = c.values.size();
    if (n == 0) return;
    const qreal rowH = std::min(r.height() / qreal(n), fm.height() * 1.6);
    const qreal labelW = r.width() * 0.42;
    qreal valueW = 0;
    for (double v : c.values) valueW = std::max(valueW, fm.horizontalAdvance(number(v)));
    valueW += 8 * pt; // the gap before the number, and room so it is never clipped
    const qreal barX = r.left() + labelW + 6 * pt;
    const qreal barW = std::max<qreal>(1, r.right() - valueW - barX);
    const QColor kOther(0xa0, 0xa8, 0xb0);
    const double max = *std::max_element(c.values.begin(), c.values.end());
    for (size_t i = 0; i < n; ++i) {
        const qreal y = r.top() + qreal(i) * rowH;
        p.setPen(kText);
        const QString label = fm.elidedText(c.labels.value(qsizetype(i)), Qt::ElideMiddle, labelW);
        p.drawText(QRectF(r.left(), y, labelW, rowH), Qt::AlignRight | Qt::AlignVCenter, label);
        const qreal w = max > 0 ? barW * c.values[i] / max : 0;
        // The summed tail ("12 others") is grey so it does not read as one big item.
        const bool tail = i + 1 == n && c.labels.value(qsizetype(i)).endsWith(QLatin1String(" others"));
        p.fillRect(QRectF(barX, y + rowH * 0.18, std::max<qreal>(w, pt * 0.5), rowH * 0.64), tail ? kOther : kBar);
        p.setPen(kMuted);
        p.drawText(QRectF(barX + w + 3 * pt, y, valueW, rowH), Qt::AlignLeft | Qt::AlignVCenter, number(c.values[i]));
    }
}

void paintTimeline(QPainter& p, QRectF r, const ReportChart& c, qreal pt)
{
    const QFont axisFont = font(6.5);
    p.setFont(axisFont);
    const QFontMetricsF fm(axisFont, p.device());
    const size_t n = c.values.size();
    if (n == 0) return;
    // Gridlines on whole counts only (the same axis as the window's chart).
    const CountAxis axis = countAxis(uint64_t(std::max(0.0, *std::max_element(c.values.begin(), c.values.end()))), 4);
    const double max = double(axis.top);
    const int intervals = axis.ticks() - 1;
    const qreal axisW = fm.horizontalAdvance(number(max)) + 4 * pt;
    const QRectF plot(r.left() + axisW, r.top() + fm.height() / 2, r.width() - axisW,
        r.height() - fm.height() * 2.2 - fm.height() / 2);
    p.setPen(QPen(kGrid, 0.5 * pt));
    for (int t = 0; t <= intervals; ++t) {
        const qreal y = plot.bottom() - plot.height() * t / intervals;
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(kMuted);
        p.drawText(QRectF(r.left(), y - fm.height() / 2, axisW - 3 * pt, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, number(double(axis.step) * t));
        p.setPen(QPen(kGrid, 0.5 * pt));
    }
    const qreal slot = plot.width() / qreal(n);
    for (size_t i = 0; i < n; ++i) {
        const qreal h = plot.height() * c.values[i] / max;
        if (h > 0)
            p.fillRect(QRectF(plot.left() + slot * qreal(i) + slot * 0.12, plot.bottom() - h, slot * 0.76, h), kBar);
    }
    // Label as many bucket starts as fit without overlapping.
    const qreal labelW = fm.horizontalAdvance(QStringLiteral("2026-10-14 06:00")) + 8 * pt;
    const size_t every = std::max<size_t>(1, size_t(std::ceil(labelW / slot)));
    p.setPen(kMuted);
    for (size_t i = 0; i < n; i += every) {
        const qreal x = plot.left() + slot * qreal(i);
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 2 * pt));
        QString label = c.labels.value(qsizetype(i));
        if (label.endsWith(QLatin1String(" 00:00"))) label.chop(6);
        if (x + fm.horizontalAdvance(label) > plot.right() + axisW) break;
        p.drawText(QPointF(x, plot.bottom() + 2 * pt + fm.ascent() + pt), label);
    }
}

} // namespace

void paintChart(QPainter& p, const QRectF& rect, const ReportChart& c)
{
    p.save();
    const qreal pt = p.device() ? p.device()->logicalDpiX() / 72.0 : 1.0;
    const QFont titleFont = font(8.5, true);
    const QFontMetricsF tm(titleFont, p.device());
    p.setFont(titleFont);
    p.setPen(kText);
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        tm.elidedText(c.title, Qt::ElideRight, rect.width()));
    const QRectF body = rect.adjusted(0, tm.height() + 3 * pt, 0, 0);
    if (c.kind == ReportChart::Kind::Timeline)
        paintTimeline(p, body, c, pt);
    else
        paintBars(p, body, c, pt);
    p.restore();
}

} // namespace calens
