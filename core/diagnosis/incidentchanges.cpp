// SPDX-License-Identifier: MIT
// "What changed": per identity of an incident, between its last success and its first block.
#include "incidents.h"

#include "facts.h"
#include "ingest/timestamp.h"

#include <set>
#include <unordered_map>

namespace calens {

namespace {

int riskRank(RiskLevel r)
{
    switch (r) {
    case RiskLevel::Low:
        return 1;
    case RiskLevel::Medium:
        return 2;
    case RiskLevel::High:
        return 3;
    default:
        return 0;
    }
}

constexpr int64_t kAuditLookBackMs = 14LL * 86400000;
constexpr int kMaxOtherChanges = 3;

struct Audited
{
    QStringList lines;
    std::set<std::string> targets; // policies and locations an audit record explains
};

QString describeChange(const DirectoryChange& c)
{
    QString line = QStringLiteral("%1 '%2' at %3 by %4")
                       .arg(qs(c.activity.empty() ? std::string("Changed") : c.activity), qs(c.targetName),
                           qs(formatIso(c.whenMs)), c.actor.empty() ? QStringLiteral("an unknown actor") : qs(c.actor));
    if (!c.result.empty() && c.result != "success") line += QStringLiteral(" (result: %1)").arg(qs(c.result));
    if (!c.details.empty()) {
        QStringList details;
        for (const std::string& detail : c.details) details << qs(detail);
        line += QStringLiteral(": ") + details.join(QStringLiteral("; "));
    }
    return line + QLatin1Char('.');
}

// Audited policy and named-location changes in (fromMs, toMs]: the blocking policy's own first, then
// named locations (they decide trust), then a few others, newest last.
Audited auditedChanges(const Dataset& d, const QString& policyId, int64_t fromMs, int64_t toMs)
{
    Audited out;
    QStringList own, locations, others;
    int otherCount = 0;
    for (const DirectoryChange& c : d.changes()) {
        if (c.whenMs == INT64_MIN || c.whenMs <= fromMs || c.whenMs > toMs) continue;
        out.targets.insert(c.targetId);
        const QString line = describeChange(c);
        if (qs(c.targetId) == policyId)
            own << line;
        else if (QString::fromStdString(c.activity).contains(QLatin1String("named location"), Qt::CaseInsensitive))
            locations << line;
        else if (++otherCount <= kMaxOtherChanges)
            others << line;
    }
    if (otherCount > kMaxOtherChanges)
        others << QStringLiteral("%1 more policy change(s) in the same time are in the audit log.")
                      .arg(otherCount - kMaxOtherChanges);
    out.lines << own << locations << others;
    return out;
}

QString appName(const SignInRef& s)
{
    return qs(s.str(SF::AppDisplayName).empty() ? s.str(SF::AppId) : s.str(SF::AppDisplayName));
}

// The story of one identity: its last success to the app of its first block, and what differs at that block.
QStringList explain(const Dataset& d, const Incident& inc, const IncidentIdentity& who)
{
    QStringList out;
    const SignInRef f = d.signIn(who.firstRow);
    if (who.lastSuccessRow == UINT32_MAX) {
        out << QStringLiteral("No earlier successful sign-in of %1 to %2 is in the data: it may never have worked, "
                              "or the logs start after it stopped.")
                   .arg(who.name, appName(f));
        // Without a last success, the audit log of the days before the first failure still tells.
        out << auditedChanges(d, inc.policyId, f.createdMs() - kAuditLookBackMs, f.createdMs()).lines;
        return out;
    }
    const SignInRef ok = d.signIn(who.lastSuccessRow);
    out << QStringLiteral("Last success at %1, first failure at %2.")
               .arg(qs(formatIso(ok.createdMs())), qs(formatIso(f.createdMs())));
    if (ok.str(SF::IpAddress) != f.str(SF::IpAddress)) {
        const Fact before = FactSheet(d, who.lastSuccessRow).ipTrust(nullptr),
                   after = FactSheet(d, who.firstRow).ipTrust(nullptr);
        auto trust = [](const Fact& t) {
            return t.answer == Answer::Yes ? QStringLiteral("trusted")
                : t.answer == Answer::No   ? QStringLiteral("not trusted")
                                           : QStringLiteral("trust unknown");
        };
        out << QStringLiteral("The IP address changed from %1 (%2) to %3 (%4).")
                   .arg(qs(ok.str(SF::IpAddress)), trust(before), qs(f.str(SF::IpAddress)), trust(after));
    }
    if (ok.isCompliant() == Tristate::True && f.isCompliant() != Tristate::True)
        out << QStringLiteral("The device was compliant at the last success and is not now.");
    if (ok.str(SF::DeviceName) != f.str(SF::DeviceName) && !f.str(SF::DeviceName).empty())
        out << QStringLiteral("Another device: %1 instead of %2.")
                   .arg(qs(f.str(SF::DeviceName)), qs(ok.str(SF::DeviceName)));
    if (riskRank(f.riskDuringSignIn()) > riskRank(ok.riskDuringSignIn()))
        out << QStringLiteral("The sign-in risk rose from %1 to %2.")
                   .arg(qs(name(ok.riskDuringSignIn())), qs(name(f.riskDuringSignIn())));
    if (riskRank(f.riskAggregated()) > riskRank(ok.riskAggregated()))
        out << QStringLiteral("The user risk rose from %1 to %2.")
                   .arg(qs(name(ok.riskAggregated())), qs(name(f.riskAggregated())));
    if (ok.str(SF::ClientAppUsed) != f.str(SF::ClientAppUsed))
        out << QStringLiteral("The client app changed from %1 to %2.")
                   .arg(qs(ok.str(SF::ClientAppUsed)), qs(f.str(SF::ClientAppUsed)));
    if (ok.type() != f.type())
        out << QStringLiteral("The sign-in type changed from %1 to %2.").arg(qs(name(ok.type())), qs(name(f.type())));
    for (const PolicyEval& e : f.evals()) {
        if (qs(f.policyId(e)) != inc.policyId) continue;
        QString before = QStringLiteral("absent");
        for (const PolicyEval& o : ok.evals())
            if (o.policy == e.policy || ok.policyId(o) == f.policyId(e)) before = qs(ok.resultText(o));
        if (before != QLatin1String("success") && before != QLatin1String("failure"))
            out << QStringLiteral(
                "'%1' was %2 at the last success and failed now: its scope or conditions now cover this sign-in.")
                       .arg(inc.policyName, before);
    }
    const Audited audited = auditedChanges(d, inc.policyId, ok.createdMs(), f.createdMs());
    out << audited.lines;
    for (const CaPolicy& p : d.policies())
        if (p.modifiedMs != INT64_MIN && p.modifiedMs > ok.createdMs() && p.modifiedMs <= f.createdMs()
            && !audited.targets.count(p.id))
            out << QStringLiteral("Policy '%1' was modified at %2, between the last success and the first failure.")
                       .arg(qs(p.displayName), qs(formatIso(p.modifiedMs)));
    for (const NamedLocation& n : d.namedLocations())
        if (n.modifiedMs != INT64_MIN && n.modifiedMs > ok.createdMs() && n.modifiedMs <= f.createdMs()
            && !audited.targets.count(n.id))
            out << QStringLiteral(
                "Named location '%1' was modified at %2, between the last success and the first failure.")
                       .arg(qs(n.displayName), qs(formatIso(n.modifiedMs)));
    return out;
}

} // namespace

void explainChanges(const Dataset& d, std::vector<Incident>& incidents)
{
    // One pass finds, for each identity, its latest success to the app of its first block, before that block.
    std::unordered_map<std::string, std::vector<IncidentIdentity*>> byKey;
    for (Incident& inc : incidents)
        for (IncidentIdentity& who : inc.identities) {
            who.lastSuccessRow = UINT32_MAX;
            if (who.id.isEmpty()) continue; // known by name only: its successes cannot be told apart
            byKey[who.id.toStdString() + '|' + std::string(d.signIn(who.firstRow).str(SF::AppId))].push_back(&who);
        }
    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        const SignInRef s = d.signIn(row);
        if (!s.hasErrorCode() || s.errorCode() != 0) continue;
        const bool workload = s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
        const std::string key = std::string(workload ? s.str(SF::ServicePrincipalId) : s.str(SF::UserId)) + '|'
            + std::string(s.str(SF::AppId));
        const auto it = byKey.find(key);
        if (it == byKey.end()) continue;
        for (IncidentIdentity* who : it->second) {
            if (s.createdMs() >= who->firstMs) continue;
            if (who->lastSuccessRow == UINT32_MAX || d.signIn(who->lastSuccessRow).createdMs() < s.createdMs())
                who->lastSuccessRow = row;
        }
    }
    for (Incident& inc : incidents)
        for (IncidentIdentity& who : inc.identities) who.changes = explain(d, inc, who);
}

} // namespace calens
