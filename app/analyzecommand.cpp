// SPDX-License-Identifier: MIT
#include "commands.h"
#include "inputloader.h"
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
    J out;
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
    out["inputs"] = inputs;
    out["signIns"] = s.signIns;
    out["duplicatesDropped"] = job.duplicatesDropped();
    J types;
    for (int t = 0; t < 5; ++t) types[std::string(name(SignInType(t)))] = s.types[size_t(t)];
    out["signInTypes"] = types;
    J codes = J::object();
    for (auto [code, count] : s.errorCodes) codes[std::to_string(code)] = count;
    out["errorCodes"] = codes;
    out["blocked53003"] = s.blocked53003;
    out["blockedByConditionalAccess"] = s.blockedByCa; // error:ca, the Incidents view and the report
    J ca;
    for (int c = 0; c < 4; ++c) ca[std::string(name(CaStatus(c)))] = s.caStatus[size_t(c)];
    out["conditionalAccessStatus"] = ca;
    J policies = J::array();
    for (const auto& p : s.policies) {
        J results;
        for (int r = 0; r < 9; ++r) results[std::string(name(PolicyResult(r)))] = p.results[size_t(r)];
        policies.push_back(J { { "id", p.id }, { "displayName", p.displayName }, { "results", results } });
    }
    out["policies"] = policies;
    J unmet;
    for (size_t i = 0; i < s.unmetControls.size(); ++i) unmet[unmetControlName(i)] = s.unmetControls[i];
    out["unmetControls"] = unmet;
    J range;
    range["first"] = s.first == INT64_MAX ? J(nullptr) : J(formatIso(s.first));
    range["last"] = s.last == INT64_MIN ? J(nullptr) : J(formatIso(s.last));
    out["timeRange"] = range;
    out["signInsWithoutPolicyDetail"] = s.withoutPolicyDetail;
    return out;
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
    QString line = QStringLiteral("%1 sign-ins").arg(count(s.signIns));
    if (s.first != INT64_MAX)
        line += QStringLiteral(" from %1 to %2")
                    .arg(QString::fromStdString(formatIso(s.first)), QString::fromStdString(formatIso(s.last)));
    printLine(line);
    printLine(
        QStringLiteral("  interactive %1, non-interactive %2, service principal %3, managed identity %4, unknown %5")
            .arg(count(s.types[0]), count(s.types[1]), count(s.types[2]), count(s.types[3]), count(s.types[4])));
    printLine(QStringLiteral("  ") + blockedByCaText(s));
    if (s.blocked53003) {
        line = QStringLiteral("  controls the blocking policies asked for:");
        for (size_t i = 0; i < s.unmetControls.size(); ++i)
            if (s.unmetControls[i])
                line += QStringLiteral(" %1 %2").arg(QLatin1String(unmetControlName(i)), count(s.unmetControls[i]));
        printLine(line);
    }
    std::vector<const Summary::PolicyCounts*> failing;
    for (const auto& p : s.policies)
        if (p.results[size_t(PolicyResult::Failure)] || p.results[size_t(PolicyResult::ReportOnlyFailure)])
            failing.push_back(&p);
    if (!failing.empty()) {
        printLine(QString());
        printLine(QStringLiteral("Policies with failures (enforced / report-only):"));
        for (const auto* p : failing)
            printLine(QStringLiteral("  %1 / %2  %3")
                          .arg(count(p->results[size_t(PolicyResult::Failure)]), 6)
                          .arg(count(p->results[size_t(PolicyResult::ReportOnlyFailure)]), 6)
                          .arg(QString::fromStdString(p->displayName)));
    }
    if (s.withoutPolicyDetail && s.signIns) {
        printLine(QString());
        printLine(QStringLiteral("%1 sign-ins carry no per-policy detail (CSV download, or read without Conditional "
                                 "Access permission).")
                      .arg(count(s.withoutPolicyDetail)));
    }
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
