// SPDX-License-Identifier: MIT
#include "laquery.h"

#include "ingest/timestamp.h"
#include "kqlprelude.h"
#include "text/quoting.h"

#include <array>

namespace calens::la {

namespace {

using T = KqlType;

const std::vector<TableColumn>& columnsFor(QueryKind kind)
{
    static const std::vector<TableColumn> totals = columnsNamed(
        { "TimeGenerated", "Type", "ResultType", "ConditionalAccessStatus", "ConditionalAccessPolicies" });
    static const std::vector<TableColumn> policies = columnsNamed({ "TimeGenerated", "ConditionalAccessPolicies" });
    static const std::vector<TableColumn> unmet = columnsNamed({ "ResultType", "ConditionalAccessPolicies" });
    static const std::vector<TableColumn> apps = columnsNamed({ "ResultType", "AppId", "AppDisplayName" });
    static const std::vector<TableColumn> identities
        = columnsNamed({ "ResultType", "UserPrincipalName", "ServicePrincipalName" });
    static const std::vector<TableColumn> timeline = columnsNamed({ "TimeGenerated", "ResultType" });
    static const std::vector<TableColumn> situations = columnsNamed({ "TimeGenerated", "Type", "ResultType", "UserId",
        "ServicePrincipalId", "AppId", "ResourceIdentity", "IPAddress", "DeviceDetail", "RiskLevelDuringSignIn",
        "ConditionalAccessPolicies", "NetworkLocationDetails", "CorrelationId" });
    switch (kind) {
    case QueryKind::Totals:
        return totals;
    case QueryKind::Policies:
        return policies;
    case QueryKind::UnmetControls:
        return unmet;
    case QueryKind::TopApps:
        return apps;
    case QueryKind::TopIdentities:
        return identities;
    case QueryKind::Timeline:
        return timeline;
    case QueryKind::SituationCounts:
        return situations;
    case QueryKind::SituationSamples:
    case QueryKind::LastSuccess:
    case QueryKind::Detail:
        break;
    }
    return detailColumns();
}

QString iso(int64_t ms)
{
    return QString::fromStdString(formatIso(ms));
}

// `| where Situation in ("…", "…")`, the ids quoted as any value from a response is.
QString whereSituationIn(const std::vector<QString>& ids)
{
    QStringList quoted;
    for (const QString& id : ids) quoted << text::kqlLiteral(id);
    return QStringLiteral("| where Situation in (%1)\n").arg(quoted.join(QStringLiteral(", ")));
}

QString targetsTable(const std::vector<SuccessTarget>& targets)
{
    QStringList rows;
    for (const SuccessTarget& t : targets)
        rows << QStringLiteral("    %1, %2, %3")
                    .arg(text::kqlLiteral(t.principalId), text::kqlLiteral(t.appId), datetimeLiteral(t.beforeMs));
    return QStringLiteral("let CaLensTargets = datatable(Principal:string, AppId:string, Before:datetime) [\n")
        + rows.join(QStringLiteral(",\n")) + QStringLiteral("];\n");
}

QString shardFilter(const LaQuery& q, const char* key)
{
    if (q.shards <= 1) return {};
    return QStringLiteral("| where hash(%1, %2) == %3\n").arg(QLatin1String(key)).arg(q.shards).arg(q.shard);
}

} // namespace

std::span<const int> blockCodes()
{
    static constexpr std::array<int, 6> codes { 53000, 53001, 53002, 53003, 53009, 530032 };
    return codes;
}

QString kindName(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Totals:
        return QStringLiteral("sign-in totals");
    case QueryKind::Policies:
        return QStringLiteral("policy results");
    case QueryKind::UnmetControls:
        return QStringLiteral("unmet controls");
    case QueryKind::TopApps:
        return QStringLiteral("blocked sign-ins by app");
    case QueryKind::TopIdentities:
        return QStringLiteral("blocked sign-ins by identity");
    case QueryKind::Timeline:
        return QStringLiteral("sign-ins over time");
    case QueryKind::SituationCounts:
        return QStringLiteral("blocked sign-ins by situation");
    case QueryKind::SituationSamples:
        return QStringLiteral("sample sign-ins of situations");
    case QueryKind::LastSuccess:
        return QStringLiteral("last successful sign-ins");
    case QueryKind::Detail:
        return QStringLiteral("sign-ins of an incident");
    }
    return {};
}

QString LaQuery::text(std::span<const SignInTable> tables) const
{
    QString q;
    if (kind == QueryKind::LastSuccess) q += targetsTable(targets);
    q += signInUnion(window, columnsFor(kind), tables);
    q += QStringLiteral("CaLensSignIns\n");
    switch (kind) {
    case QueryKind::Totals:
        q += QStringLiteral("| summarize SignIns = count(), First = min(TimeGenerated), Last = max(TimeGenerated),\n"
                            "    WithoutPolicyDetail = countif(isnull(array_length(ConditionalAccessPolicies)))\n"
                            "    by Type, ResultType, ConditionalAccessStatus");
        break;
    case QueryKind::Policies:
        q += QStringLiteral("| mv-expand Policy = ConditionalAccessPolicies\n"
                            "| extend PolicyId = tostring(Policy.id), Result = tostring(Policy.result), "
                            "DisplayName = tostring(Policy.displayName)\n"
                            "| where isnotempty(PolicyId)\n"
                            "| summarize Count = count(), arg_min(TimeGenerated, DisplayName) by PolicyId, Result");
        break;
    case QueryKind::UnmetControls:
        q += QStringLiteral(
            "| where toint(ResultType) == 53003\n"
            "| mv-expand Policy = ConditionalAccessPolicies\n"
            "| where tostring(Policy.result) =~ \"failure\"\n"
            "| summarize Count = count() by Controls = tostring(array_sort_asc(Policy.enforcedGrantControls)),\n"
            "    Strength = isnotempty(tostring(Policy.authenticationStrength.authenticationStrengthId))\n"
            "        or isnotempty(tostring(Policy.authenticationStrength.id))\n"
            "        or isnotempty(tostring(Policy.authenticationStrength.displayName))");
        break;
    case QueryKind::TopApps:
        q += whereBlocked() + QStringLiteral("| extend App = iff(isempty(AppDisplayName), AppId, AppDisplayName)\n")
            + shardFilter(*this, "App")
            + QStringLiteral("| summarize Count = count() by App\n| top %1 by Count desc").arg(top);
        break;
    case QueryKind::TopIdentities:
        q += whereBlocked()
            + QStringLiteral(
                "| extend Who = iff(isempty(UserPrincipalName), ServicePrincipalName, UserPrincipalName)\n")
            + shardFilter(*this, "Who")
            + QStringLiteral("| summarize Count = count() by Who\n| top %1 by Count desc").arg(top);
        break;
    case QueryKind::Timeline: {
        QStringList codes;
        for (int c : blockCodes()) codes << QString::number(c);
        q += QStringLiteral("| summarize Total = count(), Blocked = countif(toint(ResultType) in (%1))\n"
                            "    by Bin = bin_at(TimeGenerated, %2ms, datetime(1970-01-01T00:00:00Z))")
                 .arg(codes.join(QStringLiteral(", ")))
                 .arg(binMs);
        break;
    }
    case QueryKind::SituationCounts:
        q += whereBlocked() + situationStages()
            + QStringLiteral("| summarize Count = count(), First = min(TimeGenerated), Last = max(TimeGenerated),\n"
                             "    arg_min(TimeGenerated, CorrelationId) by Situation\n"
                             "| project Situation, Count, First, Last, SampleCorrelationId = CorrelationId");
        break;
    case QueryKind::SituationSamples:
        q += whereBlocked() + situationStages() + whereSituationIn(situations)
            + QStringLiteral("| summarize arg_min(TimeGenerated, *) by Situation");
        break;
    case QueryKind::Detail:
        q += whereBlocked() + situationStages() + whereSituationIn(situations);
        q.chop(1);
        break;
    case QueryKind::LastSuccess:
        q += QStringLiteral(
            "| where ResultType == \"0\"\n"
            "| extend Principal = iff(Type in (\"AADServicePrincipalSignInLogs\", \"AADManagedIdentitySignInLogs\"),\n"
            "    ServicePrincipalId, UserId)\n"
            "| join kind=inner CaLensTargets on Principal, AppId\n"
            "| where TimeGenerated < Before\n"
            "| summarize arg_max(TimeGenerated, *) by Principal, AppId, Before\n"
            "| project-away Principal1, AppId1");
        break;
    }
    return q;
}

std::vector<ResultColumn> LaQuery::resultColumns() const
{
    auto c = [](const char* name, KqlType type) { return ResultColumn { QString::fromLatin1(name), type }; };
    auto withDetail = [](std::vector<ResultColumn> lead) {
        for (const TableColumn& d : detailColumns()) {
            const QString name = QString::fromLatin1(d.name.data(), qsizetype(d.name.size()));
            bool known = false;
            for (const ResultColumn& l : lead) known = known || l.name == name;
            if (!known) lead.push_back({ name, d.type });
        }
        return lead;
    };
    switch (kind) {
    case QueryKind::Totals:
        return { c("Type", T::String), c("ResultType", T::String), c("ConditionalAccessStatus", T::String),
            c("SignIns", T::Long), c("First", T::DateTime), c("Last", T::DateTime), c("WithoutPolicyDetail", T::Long) };
    case QueryKind::Policies:
        return { c("PolicyId", T::String), c("Result", T::String), c("Count", T::Long), c("TimeGenerated", T::DateTime),
            c("DisplayName", T::String) };
    case QueryKind::UnmetControls:
        return { c("Controls", T::String), c("Strength", T::Bool), c("Count", T::Long) };
    case QueryKind::TopApps:
        return { c("App", T::String), c("Count", T::Long) };
    case QueryKind::TopIdentities:
        return { c("Who", T::String), c("Count", T::Long) };
    case QueryKind::Timeline:
        return { c("Bin", T::DateTime), c("Total", T::Long), c("Blocked", T::Long) };
    case QueryKind::SituationCounts:
        return { c("Situation", T::String), c("Count", T::Long), c("First", T::DateTime), c("Last", T::DateTime),
            c("SampleCorrelationId", T::String) };
    case QueryKind::SituationSamples:
    case QueryKind::Detail:
        return withDetail({ c("Situation", T::String) });
    case QueryKind::LastSuccess:
        return withDetail({ c("Principal", T::String), c("Before", T::DateTime) });
    }
    return {};
}

QString LaQuery::describe() const
{
    QString d = kindName(kind) + QStringLiteral(", %1 to %2").arg(iso(window.fromMs), iso(window.toMs));
    if (shards > 1) d += QStringLiteral(", shard %1 of %2").arg(shard + 1).arg(shards);
    if (!situations.empty()) d += QStringLiteral(", %1 situation(s)").arg(situations.size());
    if (!targets.empty()) d += QStringLiteral(", %1 identity and app pair(s)").arg(targets.size());
    return d;
}

bool LaQuery::canSplit() const
{
    if (kind == QueryKind::TopApps || kind == QueryKind::TopIdentities) return shards < 1024;
    if (kind == QueryKind::SituationSamples) return situations.size() > 1;
    if (kind == QueryKind::LastSuccess) return targets.size() > 1;
    return window.toMs - window.fromMs >= 2000; // below two seconds a cut no longer helps
}

std::vector<LaQuery> LaQuery::split() const
{
    if (!canSplit()) return {};
    LaQuery a = *this, b = *this;
    if (kind == QueryKind::TopApps || kind == QueryKind::TopIdentities) {
        // hash % 2n is k or k + n exactly when hash % n is k: the two shards cover this one's keys.
        a.shards = b.shards = shards * 2;
        b.shard = shard + shards;
        return { a, b };
    }
    // One row per situation or per identity and app, however long the window: halve the list instead.
    if (kind == QueryKind::SituationSamples) {
        const auto half = ptrdiff_t(situations.size() / 2);
        a.situations.assign(situations.begin(), situations.begin() + half);
        b.situations.assign(situations.begin() + half, situations.end());
        return { a, b };
    }
    if (kind == QueryKind::LastSuccess) {
        const auto half = ptrdiff_t(targets.size() / 2);
        a.targets.assign(targets.begin(), targets.begin() + half);
        b.targets.assign(targets.begin() + half, targets.end());
        return { a, b };
    }
    // A cut on a whole second keeps the literals short and readable.
    int64_t mid = window.fromMs + (window.toMs - window.fromMs) / 2;
    mid -= ((mid % 1000) + 1000) % 1000;
    if (mid <= window.fromMs) mid = window.fromMs + 1000;
    a.window.toMs = b.window.fromMs = mid;
    return { a, b };
}

} // namespace calens::la
