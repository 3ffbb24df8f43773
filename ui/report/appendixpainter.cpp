// SPDX-License-Identifier: MIT
#include "appendixpainter.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace calens {

namespace {

QFont makeFont(const QString& family, qreal size, bool bold)
{
    QFont f(family);
    f.setPointSizeF(size);
    f.setBold(bold);
    return f;
}

} // namespace

AppendixPainter::AppendixPainter(const ReportTable& table, QPaintDevice* device, QSizeF body)
    : m_table(table)
    , m_device(device)
    , m_body(body)
    , m_font(makeFont(QStringLiteral("DejaVu Sans Condensed"), 6.5, false))
    , m_headerFont(makeFont(QStringLiteral("DejaVu Sans Condensed"), 6.5, true))
    , m_titleFont(makeFont(QStringLiteral("DejaVu Sans"), 12, true))
{
    const QFontMetricsF fm(m_font, device), hm(m_headerFont, device);
    const qreal pt = device->logicalDpiX() / 72.0;
    m_pad = 3 * pt;
    const qsizetype columns = table.headers.size();
    m_widths.assign(size_t(columns), 0);
    for (qsizetype c = 0; c < columns; ++c) m_widths[size_t(c)] = hm.horizontalAdvance(table.headers[c]);
    // A sample is enough to size the columns; the rest is elided if wider.
    const size_t step = std::max<size_t>(1, table.rows.size() / 400);
    for (size_t r = 0; r < table.rows.size(); r += step)
        for (qsizetype c = 0; c < columns && c < table.rows[r].size(); ++c)
            m_widths[size_t(c)] = std::max(m_widths[size_t(c)], fm.horizontalAdvance(table.rows[r][c]));
    for (qreal& w : m_widths) w += 2 * m_pad;
    const qreal total = std::accumulate(m_widths.begin(), m_widths.end(), qreal(0));
    if (total > body.width() && columns >= 4) {
        // Squeeze identity, application and IP (columns 1-3); time and ids keep their width.
        const qreal fixed = total - m_widths[1] - m_widths[2] - m_widths[3];
        const qreal room = std::max<qreal>(body.width() - fixed, body.width() * 0.2);
        const qreal squeeze = room / (m_widths[1] + m_widths[2] + m_widths[3]);
        for (size_t c = 1; c <= 3; ++c) m_widths[c] *= squeeze;
    } else if (total < body.width() && columns > 0) {
        const qreal extra = (body.width() - total) / qreal(columns);
        for (qreal& w : m_widths) w += extra;
    }
    m_rowH = fm.height() + 2 * pt;
    m_titleH = QFontMetricsF(m_titleFont, device).height() * 1.8;
    m_perPage = std::max(1, int((body.height() - m_titleH) / m_rowH) - 1);
}

int AppendixPainter::pageCount() const
{
    return m_table.rows.empty() ? 0 : int((m_table.rows.size() + size_t(m_perPage) - 1) / size_t(m_perPage));
}

void AppendixPainter::paintPage(QPainter& p, QPointF at, int page) const
{
    const QColor line(0xd0, 0xd7, 0xde), zebra(0xf6, 0xf8, 0xfa), header(0xea, 0xee, 0xf2);
    const qreal width = std::accumulate(m_widths.begin(), m_widths.end(), qreal(0));
    p.setFont(m_titleFont);
    p.setPen(QColor(0x0b, 0x3d, 0x91));
    const QString title = page == 0 ? QStringLiteral("Appendix: affected sign-ins (%1)").arg(m_table.rows.size())
                                    : QStringLiteral("Appendix: affected sign-ins (continued)");
    p.drawText(QRectF(at.x(), at.y(), width, m_titleH), Qt::AlignLeft | Qt::AlignTop, title);

    auto paintRow = [&](qreal y, const QStringList& cells, const QFont& f, const QColor* fill) {
        if (fill) p.fillRect(QRectF(at.x(), y, width, m_rowH), *fill);
        p.setFont(f);
        p.setPen(QColor(0x1f, 0x23, 0x28));
        const QFontMetricsF fm(f, m_device);
        qreal x = at.x();
        for (size_t c = 0; c < m_widths.size(); ++c) {
            const QString text = cells.value(qsizetype(c));
            const qreal room = m_widths[c] - 2 * m_pad;
            const QString shown = c >= 1 && c <= 3 ? fm.elidedText(text, Qt::ElideRight, room) : text;
            p.drawText(QRectF(x + m_pad, y, room, m_rowH), Qt::AlignLeft | Qt::AlignVCenter, shown);
            x += m_widths[c];
        }
        p.setPen(QPen(line, 0));
        p.drawLine(QPointF(at.x(), y + m_rowH), QPointF(at.x() + width, y + m_rowH));
    };
    qreal y = at.y() + m_titleH;
    paintRow(y, m_table.headers, m_headerFont, &header);
    const size_t first = size_t(page) * size_t(m_perPage);
    const size_t last = std::min(m_table.rows.size(), first + size_t(m_perPage));
    for (size_t r = first; r < last; ++r) {
        y += m_rowH;
        paintRow(y, m_table.rows[r], m_font, (r - first) % 2 ? &zebra : nullptr);
    }
}

} // namespace calens
