// SPDX-License-Identifier: MIT
#pragma once

#include "report/reportmodel.h"

#include <QString>

namespace calens {

// The report as one self-contained HTML page (stylesheet inlined, charts as inline SVG drawn by the same
// painter as the PDF's). Written atomically; on failure the old file stays and `error` says why.
QString reportHtmlDocument(const ReportModel& model);
bool writeReportHtml(const ReportModel& model, const QString& path, QString* error);

} // namespace calens
