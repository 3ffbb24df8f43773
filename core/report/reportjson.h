// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include <nlohmann/json.hpp>

namespace calens {

// The report model as JSON (`calens report --json`): the same facts as the PDF, for tickets and scripts.
nlohmann::ordered_json toJson(const ReportModel& model);

// The same as the text written (indented, a final newline).
QByteArray reportJsonText(const ReportModel& model);

// Writes it atomically (exporter::OutputFile): on failure the old file stays and `error` says why.
bool writeReportJson(const ReportModel& model, const QString& path, QString* error);

} // namespace calens
