// SPDX-License-Identifier: MIT
#pragma once

#include "report/reportmodel.h"

#include <QFont>
#include <QSizeF>

#include <vector>

class QPaintDevice;
class QPainter;

namespace calens {

// The appendix table of affected sign-ins, painted directly rather than through QTextDocument: ten thousand
// rows would take QTextDocument's table layout seconds. Fixed row height, the header row repeated on every
// page, cells that do not fit elided (ids never are: their column is sized to them).
class AppendixPainter
{
public:
    AppendixPainter(const ReportTable& table, QPaintDevice* device, QSizeF body);
    int pageCount() const;
    void paintPage(QPainter& painter, QPointF topLeft, int page) const;

private:
    const ReportTable& m_table;
    QPaintDevice* m_device;
    QSizeF m_body;
    QFont m_font, m_headerFont, m_titleFont;
    std::vector<qreal> m_widths;
    qreal m_rowH = 0, m_titleH = 0, m_pad = 0;
    int m_perPage = 1;
};

} // namespace calens
