// SPDX-License-Identifier: MIT
#include "reportcommand.h"
#include "inputloader.h"
#include "terminal.h"

#include "export/outputpaths.h"
#include "export/outputset.h"
#include "report/reportbuilder.h"
#include "report/reportjson.h"
#include "ui/report/reporthtmlexport.h"
#include "ui/report/reportpdf.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QGuiApplication>

#include <cstdio>

using namespace calens;

namespace {

void fail(const QString& message)
{
    printError("report", message);
}

} // namespace

int runReport(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("calens"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CALENS_VERSION));
    QStringList args = QGuiApplication::arguments();
    args.removeFirst(); // the program
    return runReport(args);
}

int runReport(const QStringList& args)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        fail(QStringLiteral("internal error: rendering needs a QGuiApplication"));
        return 2;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the incident report of Conditional Access blocks."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("files (.gz too) or folders"), QStringLiteral("PATH..."));
    const QCommandLineOption output({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("the PDF to write"), QStringLiteral("OUT.pdf"));
    const QCommandLineOption correlation(QStringLiteral("correlation-id"),
        QStringLiteral("report on the incident of this sign-in (default: every block)"), QStringLiteral("ID"));
    const QCommandLineOption redact(QStringLiteral("redact"),
        QStringLiteral("replace user names, UPNs, IP addresses, device names and ids and object ids by "
                       "stable pseudonyms"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("the report title"), QStringLiteral("TEXT"));
    const QCommandLineOption html(
        QStringLiteral("html"), QStringLiteral("also write HTML"), QStringLiteral("OUT.html"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("also write JSON"), QStringLiteral("OUT.json"));
    const QCommandLineOption pageSize(
        QStringLiteral("page-size"), QStringLiteral("a4 or letter (default: from the locale)"), QStringLiteral("SIZE"));
    const QCommandLineOption pdfa(QStringLiteral("pdfa"), QStringLiteral("write PDF/A-1b for archiving"));
    const QCommandLineOption policies(
        QStringLiteral("policies"), QStringLiteral("Conditional Access policies (Graph JSON)"), QStringLiteral("FILE"));
    const QCommandLineOption locations(
        QStringLiteral("named-locations"), QStringLiteral("named locations (Graph JSON)"), QStringLiteral("FILE"));
    parser.addOptions({ output, correlation, redact, title, html, json, pageSize, pdfa, policies, locations });
    if (!parser.parse(args)) {
        fail(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(parser, QStringLiteral("report"));
        return 0;
    }
    QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty() && paths.first() == QLatin1String("report")) paths.removeFirst();
    if (paths.isEmpty() || !parser.isSet(output)) {
        fail(QStringLiteral("name the inputs and the PDF to write (-o OUT.pdf)"));
        return 2;
    }
    ReportOptions options;
    if (parser.isSet(pageSize)) {
        const QString size = parser.value(pageSize).toLower();
        if (size != QLatin1String("a4") && size != QLatin1String("letter")) {
            fail(QStringLiteral("--page-size %1: expected a4 or letter").arg(parser.value(pageSize)));
            return 2;
        }
        options.pageSize = QPageSize(size == QLatin1String("a4") ? QPageSize::A4 : QPageSize::Letter);
    }
    options.pdfA = parser.isSet(pdfa);

    // Refused before anything is read or written: a device or FIFO as an output, two outputs on one file, an
    // output that is an input. Checked again against the files actually read (inside input folders).
    std::vector<exporter::OutputPath> outputs { { QStringLiteral("-o"), parser.value(output) } };
    if (parser.isSet(html)) outputs.push_back({ QStringLiteral("--html"), parser.value(html) });
    if (parser.isSet(json)) outputs.push_back({ QStringLiteral("--json"), parser.value(json) });
    QString refused = exporter::checkOutputPaths(outputs, paths + parser.values(policies) + parser.values(locations));
    if (!refused.isEmpty()) {
        fail(refused);
        return 2;
    }
    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(policies), parser.values(locations))) return rc;
    QStringList read;
    for (const InputReport& r : job.reports())
        if (!r.error.startsWith(QLatin1String("passed over"))) read << r.path;
    refused = exporter::checkOutputPaths(outputs, read);
    if (!refused.isEmpty()) {
        fail(refused);
        return 2;
    }
    ReportRequest request;
    request.title = parser.value(title);
    request.correlationId = parser.value(correlation);
    request.redact = parser.isSet(redact);
    QString error;
    const std::optional<ReportModel> model = buildReport(dataset, request, &error);
    if (!model) {
        fail(QStringLiteral("%1 (in %2)").arg(error, paths.join(QStringLiteral(", "))));
        return 1;
    }
    // The set is written together: every file in full beside its target first, then all renamed into place.
    exporter::OutputSet set;
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    if (!renderPdf(*model, &pdf, options, &error)) {
        fail(QStringLiteral("%1: %2").arg(parser.value(output), error));
        return 2;
    }
    if (!set.add(parser.value(output), pdf.data(), &error)
        || (parser.isSet(html) && !set.add(parser.value(html), reportHtmlDocument(*model).toUtf8(), &error))
        || (parser.isSet(json) && !set.add(parser.value(json), reportJsonText(*model), &error))) {
        fail(error + QStringLiteral("; no file was written"));
        return 2;
    }
    if (!set.publish(&error)) {
        fail(error);
        return 2;
    }
    printLine(QStringLiteral("calens report: %1 blocked sign-ins in %2 incidents -> %3")
                  .arg(QString::number(qulonglong(model->signIns)), QString::number(model->overview.rows.size()),
                      parser.value(output)));
    return 0;
}
