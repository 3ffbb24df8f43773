// SPDX-License-Identifier: MIT
#include "reporthtmlexport.h"

#include "export/outputfile.h"
#include "report/layoutlimits.h"

#include "chartpainter.h"
#include "reporthtml.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>

namespace calens {

namespace {

QString svgChart(const ReportChart& chart, int widthPt, int heightPt)
{
    QBuffer buffer;
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(72); // one unit per point
    svg.setSize(QSize(widthPt, heightPt));
    svg.setViewBox(QRect(0, 0, widthPt, heightPt));
    svg.setTitle(chart.title);
    QPainter painter(&svg);
    paintChart(painter, QRectF(0, 0, widthPt, heightPt), chart);
    painter.end();
    QString text = QString::fromUtf8(buffer.data());
    const qsizetype start = text.indexOf(QLatin1String("<svg"));
    return start >= 0 ? text.mid(start) : text; // drop the XML declaration: the SVG is inline
}

} // namespace

QString reportHtmlDocument(const ReportModel& whole)
{
    const ReportModel model = limitedForLayout(whole); // a browser lays it out too: bounded per string and list
    const ReportHtml html(model, [&model](size_t index, int w, int h) {
        return index < model.charts.size() ? svgChart(model.charts[index], w, h) : QString();
    });
    return html.document(true);
}

bool writeReportHtml(const ReportModel& model, const QString& path, QString* error)
{
    return exporter::writeFileAtomically(path, reportHtmlDocument(model).toUtf8(), error);
}

} // namespace calens
