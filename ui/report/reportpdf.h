// SPDX-License-Identifier: MIT
#pragma once

#include "reportoptions.h"

#include "report/reportmodel.h"

class QIODevice;

namespace calens {

// Renders the report as PDF: cover, summary with vector charts, incidents, then the appendix in landscape;
// header and footer with "Page N of M" on every page; title, author, subject and creator in the metadata;
// fonts embedded, text selectable. Writing to a path goes through exporter::OutputFile: a failure or a
// cancel leaves an existing file untouched, and a device or FIFO is never replaced. Thread-safe to call from a worker
// thread (QThread, QtConcurrent) once a QGuiApplication exists: it uses only QTextDocument, QPainter and QPdfWriter,
// which Qt allows off the GUI thread, and nothing shared. Returns false with `error` set on failure.
bool renderPdf(const ReportModel& model, const QString& path, const ReportOptions& options, QString* error);
bool renderPdf(const ReportModel& model, QIODevice* device, const ReportOptions& options, QString* error);

} // namespace calens
