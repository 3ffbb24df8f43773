// SPDX-License-Identifier: MIT
#include "laoutput.h"
#include "graphlogin.h"
#include "summaryoutput.h"
#include "terminal.h"

#include "diagnosis/words.h"
#include "ingest/timestamp.h"

using namespace calens;
using namespace calens::la;
using J = nlohmann::ordered_json;

namespace {

std::string utf8(const QString& s)
{
    return s.toStdString();
}

J time(int64_t ms)
{
    return ms == INT64_MIN || ms == INT64_MAX ? J(nullptr) : J(formatIso(ms));
}

QString when(int64_t ms)
{
    return QString::fromStdString(formatIso(ms));
}

QString where(const LaTarget& t)
{
    return t.service == LaTarget::Service::LogAnalytics
        ? QStringLiteral("Log Analytics workspace %1").arg(t.workspaceId)
        : QStringLiteral("Azure Data Explorer %1, database %2").arg(t.apiRoot.toString(), t.database);
}

J source(const LaJob& job, const TimeWindow& w)
{
    const LaTarget& t = job.target();
    J s;
    s["service"] = t.service == LaTarget::Service::LogAnalytics ? "logAnalytics" : "dataExplorer";
    if (t.service == LaTarget::Service::LogAnalytics)
        s["workspace"] = utf8(t.workspaceId);
    else {
        s["cluster"] = utf8(t.apiRoot.toString());
        s["database"] = utf8(t.database);
    }
    s["since"] = formatIso(w.fromMs);
    s["until"] = formatIso(w.toMs);
    return s;
}

QString splitLine(const SplitNote& n)
{
    return QStringLiteral("split: %1 (%2 to %3) %4, because %5")
        .arg(kindName(n.kind), when(n.window.fromMs), when(n.window.toMs), n.how, n.reason);
}

J splits(const LaJob& job)
{
    J out = J::array();
    for (const SplitNote& n : job.runner()->splits())
        out.push_back({ { "query", utf8(kindName(n.kind)) }, { "from", formatIso(n.window.fromMs) },
            { "to", formatIso(n.window.toMs) }, { "split", utf8(n.how) }, { "reason", utf8(n.reason) } });
    return out;
}

J queries(const LaJob& job)
{
    return { { "requests", job.runner()->requests() }, { "retries", job.runner()->retries() },
        { "splits", job.runner()->splits().size() }, { "maxInFlight", job.runner()->maxInFlight() } };
}

J members(const std::vector<RemoteIncident::Member>& list)
{
    J out = J::array();
    for (const auto& m : list) {
        J j;
        if (!m.kind.isEmpty()) j["kind"] = utf8(m.kind);
        j["id"] = utf8(m.id);
        j["name"] = utf8(m.name);
        j["count"] = m.count;
        out.push_back(j);
    }
    return out;
}

J incidentJson(const RemoteIncident& inc, size_t number)
{
    J j;
    j["number"] = number;
    j["cause"] = inc.cause;
    j["confidence"] = inc.confidence;
    j["policy"] = { { "id", utf8(inc.policyId) }, { "displayName", utf8(inc.policyName) } };
    J unmet = J::array();
    for (const QString& c : inc.unmetControls) unmet.push_back(utf8(c));
    j["unmetControls"] = unmet;
    j["principal"]
        = { { "kind", utf8(inc.principalKind) }, { "id", utf8(inc.principalId) }, { "name", utf8(inc.principalName) } };
    j["app"] = { { "id", utf8(inc.appId) }, { "name", utf8(inc.appName) } };
    j["resource"] = { { "id", utf8(inc.resourceId) }, { "name", utf8(inc.resourceName) } };
    j["count"] = inc.count;
    j["firstSeen"] = time(inc.firstMs);
    j["lastSeen"] = time(inc.lastMs);
    j["sampleCorrelationId"] = utf8(inc.sampleCorrelationId);
    j["situations"] = inc.situations.size();
    j["identities"] = members(inc.identities);
    j["apps"] = members(inc.apps);
    j["lastSuccess"] = inc.lastSuccessMs == INT64_MIN
        ? J(nullptr)
        : J { { "time", formatIso(inc.lastSuccessMs) }, { "correlationId", utf8(inc.lastSuccessCorrelationId) } };
    return j;
}

QString incidentLine(const RemoteIncident& inc, size_t number)
{
    QString who = inc.principalName.isEmpty() ? inc.principalId : inc.principalName;
    if (inc.identities.size() > 1) who += QStringLiteral(" and %1 more").arg(inc.identities.size() - 1);
    QString app = inc.appName;
    if (inc.apps.size() > 1) app += QStringLiteral(" and %1 more app(s)").arg(inc.apps.size() - 1);
    const QString policy = inc.policyName.isEmpty() ? QStringLiteral("the log names no failing policy")
                                                    : QStringLiteral("policy '%1'").arg(inc.policyName);
    return QStringLiteral("%1. %2 blocked, %3 to %4: %5; %6; %7 to %8")
        .arg(number)
        .arg(inc.count)
        .arg(when(inc.firstMs), when(inc.lastMs), causeInWords(inc.cause), policy, who, app);
}

void printSplits(const LaJob& job)
{
    for (const SplitNote& n : job.runner()->splits()) printLine(QStringLiteral("  ") + splitLine(n));
}

} // namespace

void LaOutput::printSummary(bool json) const
{
    const LaSummary s = job.pipeline().summary();
    if (json) {
        J in;
        in["path"] = utf8(where(job.target()));
        in["format"] = job.target().service == LaTarget::Service::LogAnalytics ? "log-analytics" : "data-explorer";
        in["records"] = s.summary.signIns;
        in["skipped"] = 0;
        J warnings = J::array();
        for (const SplitNote& n : job.runner()->splits()) warnings.push_back(utf8(splitLine(n)));
        in["warnings"] = warnings;
        in["duplicates"] = 0;
        in["truncated"] = false;
        J out = summaryJson(s.summary, J::array({ in }), 0);
        out["source"] = source(job, window);
        for (const auto& [key, bars] :
            { std::pair { "blockedByApp", &s.apps }, std::pair { "blockedByIdentity", &s.identities } }) {
            J list = J::array();
            for (const Bar& b : *bars) list.push_back({ { "name", utf8(b.label) }, { "count", b.count } });
            out[key] = list;
        }
        J bins = J::array();
        for (const TimeBucket& b : s.timeline)
            bins.push_back({ { "start", formatIso(b.startMs) }, { "total", b.total }, { "blocked", b.blocked } });
        out["timeline"] = { { "binMs", s.binMs }, { "bins", bins } };
        out["splits"] = splits(job);
        out["queries"] = queries(job);
        printJson(out);
        return;
    }
    printLine(QStringLiteral("%1: %2 to %3, %4 queries, %5 split")
                  .arg(where(job.target()), when(window.fromMs), when(window.toMs))
                  .arg(job.runner()->requests())
                  .arg(job.runner()->splits().size()));
    printSplits(job);
    printLine(QString());
    ::printSummary(s.summary);
    for (const auto& [title, bars] :
        { std::pair { "Blocked by app:", &s.apps }, std::pair { "Blocked by identity:", &s.identities } }) {
        if (bars->empty()) continue;
        printLine(QString());
        printLine(QString::fromLatin1(title));
        for (size_t i = 0; i < bars->size() && i < 10; ++i)
            printLine(QStringLiteral("  %1  %2").arg((*bars)[i].count, 8).arg((*bars)[i].label));
    }
}

void LaOutput::printIncidents(bool json) const
{
    const auto& list = job.pipeline().incidents();
    const uint64_t unsampled = job.pipeline().incidentAssembler().unsampled();
    if (json) {
        J out;
        out["source"] = source(job, window);
        J items = J::array();
        for (size_t i = 0; i < list.size(); ++i) items.push_back(incidentJson(list[i], i + 1));
        out["incidents"] = items;
        out["situations"] = job.pipeline().incidentAssembler().situationCount();
        out["blockedWithoutSample"] = unsampled;
        out["splits"] = splits(job);
        out["queries"] = queries(job);
        printJson(out);
        return;
    }
    uint64_t blocked = 0;
    for (const RemoteIncident& inc : list) blocked += inc.count;
    printLine(QStringLiteral("%1: %2 to %3: %4 incident(s) of %5 sign-ins blocked by Conditional Access")
                  .arg(where(job.target()), when(window.fromMs), when(window.toMs))
                  .arg(list.size())
                  .arg(blocked));
    printSplits(job);
    if (unsampled)
        printLine(
            QStringLiteral("  warning: %1 blocked sign-in(s) were counted but no sample came back; they are in no "
                           "incident")
                .arg(unsampled));
    for (size_t i = 0; i < list.size(); ++i) {
        const RemoteIncident& inc = list[i];
        printLine(incidentLine(inc, i + 1));
        printLine(QStringLiteral("   sample correlation ID %1; last success before it: %2")
                      .arg(inc.sampleCorrelationId,
                          inc.lastSuccessMs == INT64_MIN ? QStringLiteral("none in this time range")
                                                         : when(inc.lastSuccessMs)));
    }
    if (!list.empty()) printLine(QStringLiteral("Fetch an incident's sign-ins with: fetch --incident N -o FILE.json"));
}

void LaOutput::printFetch(bool json, uint64_t rows) const
{
    const RemoteIncident& inc = job.pipeline().incidents()[size_t(incident - 1)];
    if (json) {
        J out;
        out["source"] = source(job, window);
        out["output"] = utf8(outPath);
        out["signIns"] = rows;
        out["incident"] = incidentJson(inc, size_t(incident));
        out["splits"] = splits(job);
        out["queries"] = queries(job);
        printJson(out);
        return;
    }
    printLine(QStringLiteral("Wrote %1 sign-ins of incident %2 to %3").arg(rows).arg(incident).arg(outPath));
    printLine(incidentLine(inc, size_t(incident)));
    printSplits(job);
    printLine(QStringLiteral("Diagnose it with: calens diagnose %1 --correlation-id %2")
                  .arg(shellQuoted(outPath), inc.sampleCorrelationId));
}
