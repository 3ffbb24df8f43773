// SPDX-License-Identifier: MIT
#include "incidents.h"

#include "diagnoser.h"
#include "facts.h"
#include "ingest/timestamp.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace calens {

namespace {

uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h * 0xFF51AFD7ED558CCDull;
}

// What a diagnosis depends on, as ids: sign-ins with the same key get the same answer.
uint64_t situationKey(const SignInRef& s)
{
    uint64_t h = 1469598103934665603ull;
    for (SF f : { SF::UserId, SF::ServicePrincipalId, SF::AppId, SF::ResourceId, SF::IpAddress, SF::TrustType })
        h = mix(h, s.strId(f));
    h = mix(h,
        uint64_t(s.type()) | uint64_t(s.isCompliant()) << 8 | uint64_t(s.riskDuringSignIn()) << 16
            | uint64_t(s.policyDetail()) << 24 | uint64_t(s.networkTypes()) << 32);
    h = mix(h, uint64_t(uint32_t(s.errorCode())));
    for (const PolicyEval& e : s.evals())
        if (e.result == PolicyResult::Failure || e.result == PolicyResult::ReportOnlyFailure)
            h = mix(h, uint64_t(e.policy) << 8 | uint64_t(e.result));
    return h;
}

QString name(const SignInRef& s, SF display, SF id)
{
    return qs(s.str(display).empty() ? s.str(id) : s.str(display));
}

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

} // namespace

IncidentLead incidentLead(const Diagnosis& diag)
{
    IncidentLead st;
    st.cause = diag.cause;
    st.confidence = diag.confidence;
    const QString lead = diag.causes.front().policyId;
    for (const auto& p : diag.blockingPolicies)
        if (p.id == lead || lead.isEmpty()) {
            st.policyId = p.id;
            st.policyName = p.displayName;
            st.unmet = p.unmetControls;
            break;
        }
    return st;
}

std::string incidentKey(const Dataset& d, uint32_t row, const IncidentLead& st)
{
    const SignInRef s = d.signIn(row);
    return st.cause + '\x1f' + st.policyId.toStdString() + '\x1f' + FactSheet(d, row).principalId().toStdString()
        + '\x1f' + std::string(s.str(SF::AppId)) + '\x1f' + std::string(s.str(SF::ResourceId)) + '\x1f'
        + st.unmet.join(QLatin1Char(',')).toStdString();
}

bool isConditionalAccessBlock(int code)
{
    switch (code) {
    case 53000:
    case 53001:
    case 53002:
    case 53003:
    case 53009:
    case 530032:
        return true;
    default:
        return false;
    }
}

std::vector<Incident> clusterIncidents(const Dataset& d, const std::atomic<bool>* cancel)
{
    std::vector<uint32_t> all(d.signInCount());
    for (uint32_t row = 0; row < d.signInCount(); ++row) all[row] = row;
    return clusterIncidents(d, all, cancel);
}

std::vector<Incident> clusterIncidents(
    const Dataset& d, const std::vector<uint32_t>& rows, const std::atomic<bool>* cancel)
{
    const Diagnoser diagnoser(d);
    std::unordered_map<uint64_t, IncidentLead> situations;
    std::unordered_map<std::string, size_t> index; // incident key -> position
    std::vector<Incident> incidents;
    size_t seen = 0;
    for (const uint32_t row : rows) {
        if ((seen++ & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed)) return {};
        const SignInRef s = d.signIn(row);
        if (!s.hasErrorCode() || !isConditionalAccessBlock(s.errorCode())) continue;
        auto [it, fresh] = situations.try_emplace(situationKey(s));
        if (fresh) it->second = incidentLead(diagnoser.diagnose(row, {}, Diagnoser::Detail::NoFixes));
        const IncidentLead& st = it->second;
        const FactSheet sheet(d, row);
        const QString principal = sheet.principalId();
        const std::string key = incidentKey(d, row, st);
        auto [pos, added] = index.try_emplace(key, incidents.size());
        if (added) {
            Incident inc;
            inc.cause = st.cause;
            inc.confidence = st.confidence;
            inc.policyId = st.policyId;
            inc.policyName = st.policyName;
            inc.unmetControls = st.unmet;
            inc.principalKind = sheet.principalKind();
            inc.principalId = principal;
            inc.principalName = sheet.principalName();
            inc.appId = qs(s.str(SF::AppId));
            inc.appName = name(s, SF::AppDisplayName, SF::AppId);
            inc.resourceId = qs(s.str(SF::ResourceId));
            inc.resourceName = name(s, SF::ResourceDisplayName, SF::ResourceId);
            inc.firstRow = row;
            inc.firstMs = inc.lastMs = s.createdMs();
            incidents.push_back(std::move(inc));
        }
        Incident& inc = incidents[pos->second];
        ++inc.count;
        inc.rows.push_back(row);
        if (s.createdMs() < inc.firstMs || inc.firstMs == INT64_MIN) {
            inc.firstMs = s.createdMs();
            inc.firstRow = row;
        }
        inc.lastMs = std::max(inc.lastMs, s.createdMs());
    }
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
        return a.count != b.count ? a.count > b.count : a.firstMs < b.firstMs;
    });
    return incidents;
}

namespace {

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
Audited auditedChanges(const Dataset& d, const Incident& inc, int64_t fromMs, int64_t toMs)
{
    Audited out;
    QStringList own, locations, others;
    int otherCount = 0;
    for (const DirectoryChange& c : d.changes()) {
        if (c.whenMs == INT64_MIN || c.whenMs <= fromMs || c.whenMs > toMs) continue;
        out.targets.insert(c.targetId);
        const QString line = describeChange(c);
        if (qs(c.targetId) == inc.policyId)
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

} // namespace

void explainChanges(const Dataset& d, std::vector<Incident>& incidents)
{
    // One pass finds, for each incident, the latest success of the same principal and app before it began.
    std::unordered_map<std::string, std::vector<size_t>> byKey;
    for (size_t i = 0; i < incidents.size(); ++i)
        byKey[QString(incidents[i].principalId + QLatin1Char('|') + incidents[i].appId).toStdString()].push_back(i);
    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        const SignInRef s = d.signIn(row);
        if (!s.hasErrorCode() || s.errorCode() != 0) continue;
        const bool workload = s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
        const std::string key = std::string(workload ? s.str(SF::ServicePrincipalId) : s.str(SF::UserId)) + '|'
            + std::string(s.str(SF::AppId));
        const auto it = byKey.find(key);
        if (it == byKey.end()) continue;
        for (size_t i : it->second) {
            Incident& inc = incidents[i];
            if (s.createdMs() >= inc.firstMs) continue;
            if (inc.lastSuccessRow == UINT32_MAX || d.signIn(inc.lastSuccessRow).createdMs() < s.createdMs())
                inc.lastSuccessRow = row;
        }
    }
    for (Incident& inc : incidents) {
        inc.changes.clear();
        const SignInRef f = d.signIn(inc.firstRow);
        if (inc.lastSuccessRow == UINT32_MAX) {
            inc.changes << QStringLiteral(
                "No earlier successful sign-in of %1 to %2 is in the data: it may never have worked, "
                "or the logs start after it stopped.")
                               .arg(inc.principalName, inc.appName);
            // Without a last success, the audit log of the days before the first failure still tells.
            inc.changes << auditedChanges(d, inc, f.createdMs() - kAuditLookBackMs, f.createdMs()).lines;
            continue;
        }
        const SignInRef ok = d.signIn(inc.lastSuccessRow);
        inc.changes << QStringLiteral("Last success at %1, first failure at %2.")
                           .arg(qs(formatIso(ok.createdMs())), qs(formatIso(f.createdMs())));
        if (ok.str(SF::IpAddress) != f.str(SF::IpAddress)) {
            const Fact before = FactSheet(d, inc.lastSuccessRow).ipTrust(nullptr),
                       after = FactSheet(d, inc.firstRow).ipTrust(nullptr);
            auto trust = [](const Fact& t) {
                return t.answer == Answer::Yes ? QStringLiteral("trusted")
                    : t.answer == Answer::No   ? QStringLiteral("not trusted")
                                               : QStringLiteral("trust unknown");
            };
            inc.changes << QStringLiteral("The IP address changed from %1 (%2) to %3 (%4).")
                               .arg(qs(ok.str(SF::IpAddress)), trust(before), qs(f.str(SF::IpAddress)), trust(after));
        }
        if (ok.isCompliant() == Tristate::True && f.isCompliant() != Tristate::True)
            inc.changes << QStringLiteral("The device was compliant at the last success and is not now.");
        if (ok.str(SF::DeviceName) != f.str(SF::DeviceName) && !f.str(SF::DeviceName).empty())
            inc.changes << QStringLiteral("Another device: %1 instead of %2.")
                               .arg(qs(f.str(SF::DeviceName)), qs(ok.str(SF::DeviceName)));
        if (riskRank(f.riskDuringSignIn()) > riskRank(ok.riskDuringSignIn()))
            inc.changes << QStringLiteral("The sign-in risk rose from %1 to %2.")
                               .arg(qs(name(ok.riskDuringSignIn())), qs(name(f.riskDuringSignIn())));
        if (riskRank(f.riskAggregated()) > riskRank(ok.riskAggregated()))
            inc.changes << QStringLiteral("The user risk rose from %1 to %2.")
                               .arg(qs(name(ok.riskAggregated())), qs(name(f.riskAggregated())));
        if (ok.str(SF::ClientAppUsed) != f.str(SF::ClientAppUsed))
            inc.changes << QStringLiteral("The client app changed from %1 to %2.")
                               .arg(qs(ok.str(SF::ClientAppUsed)), qs(f.str(SF::ClientAppUsed)));
        if (ok.type() != f.type())
            inc.changes << QStringLiteral("The sign-in type changed from %1 to %2.")
                               .arg(qs(name(ok.type())), qs(name(f.type())));
        for (const PolicyEval& e : f.evals()) {
            if (qs(f.policyId(e)) != inc.policyId) continue;
            QString before = QStringLiteral("absent");
            for (const PolicyEval& o : ok.evals())
                if (o.policy == e.policy || ok.policyId(o) == f.policyId(e)) before = qs(ok.resultText(o));
            if (before != QLatin1String("success") && before != QLatin1String("failure"))
                inc.changes << QStringLiteral(
                    "'%1' was %2 at the last success and failed now: its scope or conditions now cover this sign-in.")
                                   .arg(inc.policyName, before);
        }
        const Audited audited = auditedChanges(d, inc, ok.createdMs(), f.createdMs());
        inc.changes << audited.lines;
        for (const CaPolicy& p : d.policies())
            if (p.modifiedMs != INT64_MIN && p.modifiedMs > ok.createdMs() && p.modifiedMs <= f.createdMs()
                && !audited.targets.count(p.id))
                inc.changes << QStringLiteral(
                    "Policy '%1' was modified at %2, between the last success and the first failure.")
                                   .arg(qs(p.displayName), qs(formatIso(p.modifiedMs)));
        for (const NamedLocation& n : d.namedLocations())
            if (n.modifiedMs != INT64_MIN && n.modifiedMs > ok.createdMs() && n.modifiedMs <= f.createdMs()
                && !audited.targets.count(n.id))
                inc.changes << QStringLiteral(
                    "Named location '%1' was modified at %2, between the last success and the first failure.")
                                   .arg(qs(n.displayName), qs(formatIso(n.modifiedMs)));
    }
}

Verification verifyIncident(const Dataset& later, const Incident& inc, int64_t sinceMs)
{
    Verification v;
    int64_t latest = INT64_MIN;
    for (uint32_t row = 0; row < later.signInCount(); ++row) {
        const SignInRef s = later.signIn(row);
        if (s.createdMs() == INT64_MIN || s.createdMs() <= sinceMs || !s.hasErrorCode()) continue;
        const bool workload = s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
        if (qs(workload ? s.str(SF::ServicePrincipalId) : s.str(SF::UserId)) != inc.principalId) continue;
        if (qs(s.str(SF::AppId)) != inc.appId && qs(s.str(SF::ResourceId)) != inc.resourceId) continue;
        const bool blocked = isConditionalAccessBlock(s.errorCode()) || s.caStatus() == CaStatus::Failure;
        if (blocked)
            ++v.failures;
        else if (s.errorCode() == 0)
            ++v.successes;
        else
            continue;
        if (s.createdMs() > latest) {
            latest = s.createdMs();
            v.latestRow = row;
            v.state = blocked ? Verification::State::StillFailing : Verification::State::Fixed;
        }
    }
    const QString who = QStringLiteral("%1 to %2").arg(inc.principalName, inc.resourceName);
    const QString since = qs(formatIso(sinceMs));
    switch (v.state) {
    case Verification::State::Fixed:
        v.text = QStringLiteral("Fixed: the latest sign-in of %1 after %2 succeeded (%3 succeeded, %4 blocked since).")
                     .arg(who, since)
                     .arg(v.successes)
                     .arg(v.failures);
        break;
    case Verification::State::StillFailing:
        v.text = QStringLiteral(
            "Not fixed: the latest sign-in of %1 after %2 was still blocked (%3 blocked, %4 succeeded since).")
                     .arg(who, since)
                     .arg(v.failures)
                     .arg(v.successes);
        break;
    case Verification::State::NoSignInYet:
        v.text = QStringLiteral(
            "Not verified yet: no sign-in of %1 after %2 in the data. Trigger the refresh or job, then load "
            "the new logs.")
                     .arg(who, since);
        break;
    }
    return v;
}

} // namespace calens
