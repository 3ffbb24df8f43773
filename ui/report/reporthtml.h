// SPDX-License-Identifier: MIT
#pragma once

#include "report/reportmodel.h"

#include <QString>

#include <functional>

namespace calens {

// The report model as HTML for QTextDocument (the PDF) and for browsers (the HTML export). Every value is
// escaped here, nowhere else. Charts are left to the caller: `chart(index, widthPt, heightPt)` returns the
// markup of chart `index` (an image placeholder the PDF renderer paints, or inline SVG).
class ReportHtml
{
public:
    using ChartMarkup = std::function<QString(size_t index, int widthPt, int heightPt)>;

    ReportHtml(const ReportModel& model, ChartMarkup chart);
    QString body(bool withAppendix) const; // the content, without <html>/<head>
    QString document(bool withAppendix) const; // a standalone page with the stylesheet inlined

    static QString styleSheet(); // resources/report/report.css

private:
    QString cover() const;
    QString summary() const;
    QString overview() const;
    QString charts() const;
    QString incident(const ReportIncident& incident) const;
    QString fixes(const ReportIncident& incident) const;
    QString fixList(const ReportIncident& incident) const;
    QString appendix() const;

    const ReportModel& m_model;
    ChartMarkup m_chart;
};

} // namespace calens
