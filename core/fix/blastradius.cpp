// SPDX-License-Identifier: MIT
#include "blastradius.h"

#include "ingest/directoryparser.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "whatif/whatifevaluator.h"

#include <algorithm>
#include <map>
#include <set>

namespace calens::fix {

namespace {

using whatif::PolicyVerdict;

std::string str(std::string_view v)
{
    return std::string(v);
}

// The directory the What-If sees: the loaded one with the changed object (before or after) in place.
struct Directory
{
    std::vector<CaPolicy> policies;
    std::vector<NamedLocation> locations;
};

Directory withObject(const Dataset& d, const Change& change, const nlohmann::json& object)
{
    Directory dir { d.policies(), d.namedLocations() };
    const std::string id = change.targetId.toStdString();
    if (change.target() == Change::Target::Policy) {
        auto parsed = parseCaPolicy(object.dump(), nullptr);
        if (!parsed) return dir;
        auto it = std::find_if(dir.policies.begin(), dir.policies.end(), [&](const CaPolicy& p) { return p.id == id; });
        if (it != dir.policies.end())
            *it = std::move(*parsed);
        else
            dir.policies.push_back(std::move(*parsed));
    } else {
        auto parsed = parseNamedLocation(object.dump(), nullptr);
        if (!parsed) return dir;
        auto it = std::find_if(
            dir.locations.begin(), dir.locations.end(), [&](const NamedLocation& n) { return n.id == id; });
        if (it != dir.locations.end())
            *it = std::move(*parsed);
        else
            dir.locations.push_back(std::move(*parsed));
    }
    return dir;
}

// Policies whose evaluation the change can move: the changed policy, or every policy that names the changed
// location, or trusts it through "All trusted locations".
std::vector<size_t> affected(const Directory& dir, const Change& change, bool trustedLocation)
{
    std::vector<size_t> out;
    const std::string id = change.targetId.toStdString();
    for (size_t i = 0; i < dir.policies.size(); ++i) {
        const CaPolicy& p = dir.policies[i];
        if (change.target() == Change::Target::Policy) {
            if (p.id == id) out.push_back(i);
            continue;
        }
        auto names = [&](const std::vector<std::string>& list) {
            return std::any_of(list.begin(), list.end(), [&](const std::string& l) {
                return l == id
                    || (trustedLocation
                        && QString::fromStdString(l).compare(QLatin1String("AllTrusted"), Qt::CaseInsensitive) == 0);
            });
        };
        if (names(p.includeLocations) || names(p.excludeLocations)) out.push_back(i);
    }
    return out;
}

bool catches(const PolicyVerdict& v)
{
    return v.outcome != PolicyVerdict::Outcome::DoesNotApply; // applies, or may (not enough information)
}

std::string loggedResult(const SignInRef& s, const std::string& policyId)
{
    for (const PolicyEval& e : s.evals())
        if (s.policyId(e) == policyId) return str(s.resultText(e));
    return "notInLog";
}

} // namespace

BlastRadius blastRadius(const Dataset& d, const Change& change, const nlohmann::json& before,
    const nlohmann::json& after, const std::vector<uint32_t>& diagnosed)
{
    BlastRadius out;
    const Directory was = withObject(d, change, before), will = withObject(d, change, after);
    const bool trusted = change.target() == Change::Target::NamedLocation && after.value("isTrusted", false);
    const std::vector<size_t> policies = affected(will, change, trusted);
    for (size_t i : policies) out.affectedPolicies << QString::fromStdString(will.policies[i].displayName);
    const whatif::WhatIfEvaluator beforeEval(was.policies, was.locations, d.servicePrincipals());
    const whatif::WhatIfEvaluator afterEval(will.policies, will.locations, d.servicePrincipals());
    const std::set<uint32_t> diagnosedSet(diagnosed.begin(), diagnosed.end());
    std::map<std::string, std::set<std::string>> freedIpsByIdentity;

    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        const SignInRef s = d.signIn(row);
        const whatif::WhatIfInput in = whatif::fromSignIn(s);
        const bool isDiagnosed = diagnosedSet.count(row) > 0;
        std::vector<std::string> stillBlocking;
        for (size_t i : policies) {
            const PolicyVerdict b = beforeEval.evaluate(was.policies[i], in);
            const PolicyVerdict a = afterEval.evaluate(will.policies[i], in);
            if (catches(b) == catches(a)) continue;
            const std::string identity = str(
                s.str(SF::UserPrincipalName).empty() ? s.str(SF::ServicePrincipalName) : s.str(SF::UserPrincipalName));
            if (isDiagnosed) continue; // judged below from its log
            out.collateral.push_back({ str(s.str(SF::Id)), will.policies[i].id, will.policies[i].displayName,
                loggedResult(s, will.policies[i].id), catches(a) ? "applies" : "notApplied", identity,
                str(s.str(SF::IpAddress)) });
            if (!catches(a)) freedIpsByIdentity[identity].insert(str(s.str(SF::IpAddress)));
        }
        if (!isDiagnosed) continue;
        // A diagnosed sign-in is fixed when every enforced policy that failed it no longer catches it.
        for (const PolicyEval& e : s.evals()) {
            if (e.result != PolicyResult::Failure) continue;
            const std::string id = str(s.policyId(e));
            const auto it = std::find_if(
                will.policies.begin(), will.policies.end(), [&](const CaPolicy& p) { return p.id == id; });
            const bool moved = it != will.policies.end()
                && std::find(policies.begin(), policies.end(), size_t(it - will.policies.begin())) != policies.end();
            if (!moved || catches(afterEval.evaluate(*it, in))) stillBlocking.push_back(str(s.policyName(e)));
        }
        if (stillBlocking.empty()) {
            out.fixed.push_back(str(s.str(SF::Id)));
        } else {
            out.notFixed.push_back(str(s.str(SF::Id)));
            QStringList names;
            for (const auto& n : stillBlocking) names << QStringLiteral("'%1'").arg(QString::fromStdString(n));
            out.notFixedWhy << QStringLiteral("%1 is still blocked by %2")
                                   .arg(QString::fromStdString(str(s.str(SF::Id))), names.join(QStringLiteral(", ")));
        }
    }
    if (out.fixed.empty() && out.notFixed.empty())
        out.summary << QStringLiteral(
            "None of the diagnosed sign-ins is in the loaded data: the effect on them is unknown.");
    else if (out.notFixed.empty())
        out.summary << QStringLiteral("The change lets the %1 diagnosed sign-in(s) through.").arg(out.fixed.size());
    else
        out.summary << QStringLiteral("The change does NOT fix %1 of the %2 diagnosed sign-in(s): %3")
                           .arg(out.notFixed.size())
                           .arg(out.fixed.size() + out.notFixed.size())
                           .arg(out.notFixedWhy.value(0));
    for (const auto& freed : freedIpsByIdentity) {
        const std::string& identity = freed.first;
        const auto& ips = freed.second;
        const auto n = std::count_if(
            out.collateral.begin(), out.collateral.end(), [&identity](const BlastRadius::Collateral& c) {
                return c.identity == identity && c.after == "notApplied";
            });
        out.summary << QStringLiteral("It also lets through %1 other sign-in(s) of %2 from %3 IP address(es).")
                           .arg(n)
                           .arg(
                               QString::fromStdString(identity.empty() ? std::string("an unnamed identity") : identity))
                           .arg(ips.size());
    }
    const auto caught = std::count_if(out.collateral.begin(), out.collateral.end(),
        [](const BlastRadius::Collateral& c) { return c.after == "applies"; });
    if (caught)
        out.summary
            << QStringLiteral("It makes policies apply to %1 sign-in(s) they did not apply to before.").arg(caught);
    return out;
}

} // namespace calens::fix
