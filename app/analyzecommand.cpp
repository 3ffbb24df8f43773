// SPDX-License-Identifier: MIT
#include "commands.h"
#include "inputloader.h"

#include "ingest/timestamp.h"
#include "query/summary.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

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

void printHuman(const Summary& s, const IngestJob& job)
{
    for (const InputReport& r : job.reports()) {
        std::printf("%s: %s, %llu records", r.path.toLocal8Bit().constData(), formatName(r.format).data(),
            (unsigned long long)r.records);
        if (r.skipped) std::printf(", %llu skipped", (unsigned long long)r.skipped);
        if (r.duplicates) std::printf(", %llu already loaded", (unsigned long long)r.duplicates);
        std::printf("\n");
        for (const QString& w : r.warnings) std::printf("  warning: %s\n", w.toLocal8Bit().constData());
        if (!r.error.isEmpty() && !r.error.startsWith(QLatin1String("passed over")))
            std::printf("  %s\n", r.error.toLocal8Bit().constData());
    }
    std::printf("\n%llu sign-ins", (unsigned long long)s.signIns);
    if (s.first != INT64_MAX) std::printf(" from %s to %s", formatIso(s.first).c_str(), formatIso(s.last).c_str());
    std::printf(
        "\n  interactive %llu, non-interactive %llu, service principal %llu, managed identity %llu, unknown %llu\n",
        (unsigned long long)s.types[0], (unsigned long long)s.types[1], (unsigned long long)s.types[2],
        (unsigned long long)s.types[3], (unsigned long long)s.types[4]);
    std::printf("  %s\n", blockedByCaText(s).toLocal8Bit().constData());
    if (s.blocked53003) {
        std::printf("  controls the blocking policies asked for:");
        for (size_t i = 0; i < s.unmetControls.size(); ++i)
            if (s.unmetControls[i])
                std::printf(" %s %llu", unmetControlName(i), (unsigned long long)s.unmetControls[i]);
        std::printf("\n");
    }
    std::vector<const Summary::PolicyCounts*> failing;
    for (const auto& p : s.policies)
        if (p.results[size_t(PolicyResult::Failure)] || p.results[size_t(PolicyResult::ReportOnlyFailure)])
            failing.push_back(&p);
    if (!failing.empty()) {
        std::printf("\nPolicies with failures (enforced / report-only):\n");
        for (const auto* p : failing)
            std::printf("  %6llu / %6llu  %s\n", (unsigned long long)p->results[size_t(PolicyResult::Failure)],
                (unsigned long long)p->results[size_t(PolicyResult::ReportOnlyFailure)], p->displayName.c_str());
    }
    if (s.withoutPolicyDetail && s.signIns)
        std::printf("\n%llu sign-ins carry no per-policy detail (CSV download, or read without Conditional Access "
                    "permission).\n",
            (unsigned long long)s.withoutPolicyDetail);
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
        std::fprintf(stderr, "calens analyze: %s\n", parser.errorText().toLocal8Bit().constData());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    // parse() takes args[0] ("analyze") as the program name.
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        std::fprintf(stderr, "calens analyze: no input: name at least one file or folder\n");
        return 2;
    }
    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(policies), parser.values(locations))) return rc;
    const Summary summary = summarize(dataset);
    if (parser.isSet(json))
        std::cout << toJson(summary, job).dump(2) << std::endl;
    else
        printHuman(summary, job);
    return 0;
}
