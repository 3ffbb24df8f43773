// SPDX-License-Identifier: MIT
#include "incidents.h"

#include "diagnoser.h"
#include "facts.h"
#include "ingest/timestamp.h"

#include <algorithm>
#include <unordered_map>

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

// Where an incident's identities and apps are, by key, while it is being built.
struct Members
{
    std::unordered_map<std::string, size_t> identities, apps;
};

QString name(const SignInRef& s, SF display, SF id)
{
    return qs(s.str(display).empty() ? s.str(id) : s.str(display));
}

void widen(int64_t t, uint32_t row, int64_t& firstMs, int64_t& lastMs, uint32_t& firstRow)
{
    if (firstMs == INT64_MIN || t < firstMs) {
        firstMs = t;
        firstRow = row;
    }
    lastMs = std::max(lastMs, t);
}

// One blocked sign-in joins the incident, under its identity and its app.
void add(Incident& inc, Members& m, const Dataset& d, uint32_t row)
{
    const SignInRef s = d.signIn(row);
    const FactSheet sheet(d, row);
    QString id = sheet.principalId();
    const QString kind = sheet.principalKind();
    const std::string identityKey
        = kind.toStdString() + '\x1f' + (id.isEmpty() ? sheet.principalName() : id).toStdString();
    // An app is what the admin sees in the portal: its id (its resource is the one it first asked for).
    const std::string appKey
        = s.str(SF::AppId).empty() ? '\x1f' + std::string(s.str(SF::ResourceId)) : std::string(s.str(SF::AppId));
    const int64_t t = s.createdMs();
    if (inc.count == 0) inc.firstRow = row;
    ++inc.count;
    inc.rows.push_back(row);
    widen(t, row, inc.firstMs, inc.lastMs, inc.firstRow);

    auto [appPos, newApp] = m.apps.try_emplace(appKey, inc.apps.size());
    if (newApp) {
        IncidentApp app;
        app.appId = qs(s.str(SF::AppId));
        app.appName = name(s, SF::AppDisplayName, SF::AppId);
        app.resourceId = qs(s.str(SF::ResourceId));
        app.resourceName = name(s, SF::ResourceDisplayName, SF::ResourceId);
        inc.apps.push_back(std::move(app));
    }
    ++inc.apps[appPos->second].count;

    auto [whoPos, newIdentity] = m.identities.try_emplace(identityKey, inc.identities.size());
    if (newIdentity) {
        IncidentIdentity who;
        who.kind = kind;
        who.id = std::move(id);
        who.name = sheet.principalName();
        who.firstRow = row;
        inc.identities.push_back(std::move(who));
    }
    IncidentIdentity& who = inc.identities[whoPos->second];
    ++who.count;
    who.rows.push_back(row);
    widen(t, row, who.firstMs, who.lastMs, who.firstRow);
    const auto app = uint32_t(appPos->second);
    auto known = std::find(who.apps.begin(), who.apps.end(), app);
    if (known == who.apps.end()) known = who.apps.insert(who.apps.end(), app);
    if (who.firstRow == row) std::rotate(who.apps.begin(), known, known + 1); // its first block's app leads
}

// Identities and apps biggest first (then earliest), the identities' app positions following the apps.
void finish(Incident& inc)
{
    std::vector<uint32_t> order(inc.apps.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(
        order.begin(), order.end(), [&inc](uint32_t a, uint32_t b) { return inc.apps[a].count > inc.apps[b].count; });
    std::vector<uint32_t> moved(order.size());
    std::vector<IncidentApp> apps;
    apps.reserve(order.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
        moved[order[i]] = i;
        apps.push_back(std::move(inc.apps[order[i]]));
    }
    inc.apps = std::move(apps);
    for (IncidentIdentity& who : inc.identities)
        for (uint32_t& a : who.apps) a = moved[a];
    std::stable_sort(inc.identities.begin(), inc.identities.end(),
        [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.firstMs < b.firstMs; });
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

std::string incidentKey(const Dataset&, uint32_t, const IncidentLead& st)
{
    return st.cause + '\x1f' + st.policyId.toStdString(); // one root cause: the cause and the blocking policy
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
    std::unordered_map<std::string, size_t> index; // incidentKey (cause + policy) -> position
    std::vector<Incident> incidents;
    std::vector<Members> members; // beside incidents, until they are sorted
    size_t seen = 0;
    for (const uint32_t row : rows) {
        if ((seen++ & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed)) return {};
        const SignInRef s = d.signIn(row);
        if (!s.hasErrorCode() || !isConditionalAccessBlock(s.errorCode())) continue;
        auto [it, fresh] = situations.try_emplace(situationKey(s));
        if (fresh) it->second = incidentLead(diagnoser.diagnose(row, {}, Diagnoser::Detail::NoFixes));
        const IncidentLead& st = it->second;
        auto [pos, added] = index.try_emplace(incidentKey(d, row, st), incidents.size());
        if (added) {
            Incident inc;
            inc.cause = st.cause;
            inc.confidence = st.confidence;
            inc.policyId = st.policyId;
            inc.policyName = st.policyName;
            incidents.push_back(std::move(inc));
            members.emplace_back();
        }
        Incident& inc = incidents[pos->second];
        if (fresh) {
            inc.confidence = std::min(inc.confidence, st.confidence);
            for (const QString& c : st.unmet)
                if (!inc.unmetControls.contains(c)) inc.unmetControls << c;
        }
        add(inc, members[pos->second], d, row);
    }
    for (size_t i = 0; i < incidents.size(); ++i) finish(incidents[i]);
    std::stable_sort(incidents.begin(), incidents.end(), [](const Incident& a, const Incident& b) {
        return a.count != b.count ? a.count > b.count : a.firstMs < b.firstMs;
    });
    return incidents;
}

const IncidentIdentity* identityOf(const Incident& inc, uint32_t row)
{
    for (const IncidentIdentity& who : inc.identities)
        if (std::find(who.rows.begin(), who.rows.end(), row) != who.rows.end()) return &who;
    return nullptr;
}

const IncidentIdentity& firstIdentity(const Incident& inc)
{
    static const IncidentIdentity none;
    const IncidentIdentity* who = identityOf(inc, inc.firstRow);
    return who ? *who : inc.identities.empty() ? none : inc.identities.front();
}

Incident signInIncident(const Dataset& d, uint32_t row)
{
    Incident inc;
    Members m;
    add(inc, m, d, row);
    finish(inc);
    return inc;
}

} // namespace calens
