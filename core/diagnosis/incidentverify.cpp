// SPDX-License-Identifier: MIT
// Did the fix work? Every identity of an incident, judged by its latest sign-in after the fix.
#include "incidents.h"

#include "facts.h"
#include "ingest/timestamp.h"

#include <algorithm>
#include <unordered_map>

namespace calens {

namespace {

struct Seen
{
    uint64_t successes = 0, failures = 0;
    int64_t latestMs = INT64_MIN;
    uint32_t latestRow = UINT32_MAX;
    bool blocked = false; // at the latest sign-in
};

bool blockedFrom(const Incident& inc, const IncidentIdentity& who, const SignInRef& s)
{
    for (uint32_t a : who.apps) {
        const IncidentApp& app = inc.apps[a];
        if (qs(s.str(SF::AppId)) == app.appId || qs(s.str(SF::ResourceId)) == app.resourceId) return true;
    }
    return false;
}

QString names(const Incident& inc, const std::vector<Seen>& seen)
{
    QStringList out;
    size_t more = 0;
    for (size_t i = 0; i < seen.size(); ++i) {
        if (seen[i].latestMs == INT64_MIN || !seen[i].blocked) continue;
        if (out.size() < 3)
            out << inc.identities[i].name;
        else
            ++more;
    }
    if (more) out << QStringLiteral("%1 more").arg(more);
    return out.join(QStringLiteral(", "));
}

QString singleText(const Incident& inc, const Verification& v, int64_t sinceMs)
{
    const IncidentIdentity& who = inc.identities.front();
    const QString to = who.apps.empty() ? QString() : inc.apps[who.apps.front()].resourceName;
    const QString what = QStringLiteral("%1 to %2").arg(who.name, to);
    const QString since = qs(formatIso(std::max(sinceMs, who.lastMs)));
    switch (v.state) {
    case Verification::State::Fixed:
        return QStringLiteral("Fixed: the latest sign-in of %1 after %2 succeeded (%3 succeeded, %4 blocked since).")
            .arg(what, since)
            .arg(v.successes)
            .arg(v.failures);
    case Verification::State::StillFailing:
        return QStringLiteral(
            "Not fixed: the latest sign-in of %1 after %2 was still blocked (%3 blocked, %4 succeeded since).")
            .arg(what, since)
            .arg(v.failures)
            .arg(v.successes);
    case Verification::State::NoSignInYet:
        break;
    }
    return QStringLiteral("Not verified yet: no sign-in of %1 after %2 in the data. Trigger the refresh or job, then "
                          "load the new logs.")
        .arg(what, since);
}

QString groupText(const Incident& inc, const Verification& v, const std::vector<Seen>& seen, int64_t sinceMs)
{
    const QString since = sinceMs == INT64_MIN ? QStringLiteral("after their last block")
                                               : QStringLiteral("after %1").arg(qs(formatIso(sinceMs)));
    const size_t all = inc.identities.size();
    switch (v.state) {
    case Verification::State::Fixed:
        if (v.identitiesUnseen == 0)
            return QStringLiteral("Fixed: the latest sign-in of each of the %1 identities %2 succeeded (%3 succeeded, "
                                  "%4 blocked since).")
                .arg(all)
                .arg(since)
                .arg(v.successes)
                .arg(v.failures);
        return QStringLiteral("Fixed so far: the latest sign-ins of %1 of the %2 identities %3 succeeded; %4 have not "
                              "signed in since.")
            .arg(v.identitiesFixed)
            .arg(all)
            .arg(since)
            .arg(v.identitiesUnseen);
    case Verification::State::StillFailing:
        return QStringLiteral("Not fixed: %1 of the %2 identities were still blocked at their latest sign-in %3 (%4); "
                              "%5 succeeded, %6 have not signed in since.")
            .arg(v.identitiesFailing)
            .arg(all)
            .arg(since, names(inc, seen))
            .arg(v.identitiesFixed)
            .arg(v.identitiesUnseen);
    case Verification::State::NoSignInYet:
        break;
    }
    return QStringLiteral("Not verified yet: none of the %1 identities signed in %2. Trigger the refreshes or jobs, "
                          "then load the new logs.")
        .arg(all)
        .arg(since);
}

} // namespace

Verification verifyIncident(const Dataset& later, const Incident& inc, int64_t sinceMs)
{
    Verification v;
    std::unordered_map<std::string, size_t> byId;
    int64_t earliest = INT64_MAX; // no sign-in before every identity's threshold counts
    for (size_t i = 0; i < inc.identities.size(); ++i) {
        const IncidentIdentity& who = inc.identities[i];
        if (!who.id.isEmpty()) byId.emplace(who.id.toStdString(), i);
        earliest = std::min(earliest, std::max(sinceMs, who.lastMs));
    }
    std::vector<Seen> seen(inc.identities.size());
    for (uint32_t row = 0; row < later.signInCount() && !byId.empty(); ++row) {
        const SignInRef s = later.signIn(row);
        if (s.createdMs() == INT64_MIN || s.createdMs() <= earliest || !s.hasErrorCode()) continue;
        const bool workload = s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
        const auto it = byId.find(std::string(workload ? s.str(SF::ServicePrincipalId) : s.str(SF::UserId)));
        if (it == byId.end()) continue;
        const IncidentIdentity& who = inc.identities[it->second];
        if (s.createdMs() <= std::max(sinceMs, who.lastMs) || !blockedFrom(inc, who, s)) continue;
        const bool blocked = isConditionalAccessBlock(s.errorCode()) || s.caStatus() == CaStatus::Failure;
        if (!blocked && s.errorCode() != 0) continue; // another failure says nothing about the policy
        Seen& mine = seen[it->second];
        ++(blocked ? mine.failures : mine.successes);
        if (s.createdMs() > mine.latestMs) {
            mine.latestMs = s.createdMs();
            mine.latestRow = row;
            mine.blocked = blocked;
        }
    }
    int64_t latest = INT64_MIN;
    for (const Seen& mine : seen) {
        v.successes += mine.successes;
        v.failures += mine.failures;
        if (mine.latestMs == INT64_MIN) {
            ++v.identitiesUnseen;
            continue;
        }
        ++(mine.blocked ? v.identitiesFailing : v.identitiesFixed);
        if (mine.latestMs > latest) {
            latest = mine.latestMs;
            v.latestRow = mine.latestRow;
        }
    }
    v.state = v.identitiesFailing ? Verification::State::StillFailing
        : v.identitiesFixed       ? Verification::State::Fixed
                                  : Verification::State::NoSignInYet;
    v.text = inc.identities.size() == 1 ? singleText(inc, v, sinceMs) : groupText(inc, v, seen, sinceMs);
    return v;
}

} // namespace calens
