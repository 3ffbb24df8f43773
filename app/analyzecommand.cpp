// SPDX-License-Identifier: MIT
#include "commands.h"
#include "inputloader.h"
#include "summaryoutput.h"
#include "terminal.h"

#include "ingest/timestamp.h"
#include "query/summary.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

using namespace calens;

namespace {

std::string utf8(const QString& s)
{
    return s.toStdString();
}

nlohmann::ordered_json toJson(const Summary& s, const IngestJob& job)
{
    using J = nlohmann::ordered_json;
    J inputs = J::array();
    for (const InputReport& r : job.reports()) {
        J in;
        in["path"] = utf8(r.path);
        in["format"] = std::string(formatName(r.format));
        in["records"] = r.records;
        in["skipped"] = r.skipped;
        J warnings = J::array();
        for (const QString& w : r.warnings) warnings.push_back(utf8(w));
        if (!r.error.isEmpty()) warnings.push_back(utf8(r.path + QStringLiteral(": ") + r.error));
        in["warnings"] = warnings;
        in["duplicates"] = r.duplicates;
        if (r.directoryObjects) in["directoryObjects"] = r.directoryObjects;
        in["truncated"] = r.truncated;
        inputs.push_back(in);
    }
    return summaryJson(s, std::move(inputs), job.duplicatesDropped());
}

QString count(uint64_t n)
{
    return QString::number(qulonglong(n));
}

void printHuman(const Summary& s, const IngestJob& job)
{
    for (const InputReport& r : job.reports()) {
        QString line
            = QStringLiteral("%1: %2, %3 records")
                  .arg(r.path, QString::fromLatin1(formatName(r.format).data(), qsizetype(formatName(r.format).size())),
                      count(r.records));
        if (r.skipped) line += QStringLiteral(", %1 skipped").arg(count(r.skipped));
        if (r.duplicates) line += QStringLiteral(", %1 already loaded").arg(count(r.duplicates));
        printLine(line);
        for (const QString& w : r.warnings) printLine(QStringLiteral("  warning: ") + w);
        if (!r.error.isEmpty() && !r.error.startsWith(QLatin1String("passed over")))
            printLine(QStringLiteral("  ") + r.error);
    }
    printLine(QString());
    printSummary(s);
}

} // namespace

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise sign-in exports: types, error codes, 53003 blocks, "
                                                    "policy results and the controls that were not met."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("files (.gz too) or folders"), QStringLiteral("PATH..."));
    QCommandLineOption policies(
        QStringLiteral("policies"), QStringLiteral("Conditional Access policies (Graph JSON)"), QStringLiteral("FILE"));
    QCommandLineOption locations(
        QStringLiteral("named-locations"), QStringLiteral("named locations (Graph JSON)"), QStringLiteral("FILE"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print one JSON object"));
    parser.addOptions({ policies, locations, json });
    if (!parser.parse(args)) {
        printError("analyze", parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(parser, QStringLiteral("analyze"));
        return 0;
    }
    // parse() takes args[0] ("analyze") as the program name.
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        printError("analyze", QStringLiteral("no input: name at least one file or folder"));
        return 2;
    }
    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(policies), parser.values(locations))) return rc;
    const Summary summary = summarize(dataset);
    if (parser.isSet(json))
        printJson(toJson(summary, job));
    else
        printHuman(summary, job);
    return 0;
}
