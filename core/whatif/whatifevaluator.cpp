// SPDX-License-Identifier: MIT
#include "whatifevaluator.h"

#include "conditions.h"

#include "model/dataset.h"
#include "model/enums.h"
#include "model/signinref.h"

#include <algorithm>
#include <unordered_map>

namespace calens::whatif {

const char* outcomeName(PolicyVerdict::Outcome o)
{
    switch (o) {
    case PolicyVerdict::Outcome::Applies:
        return "applies";
    case PolicyVerdict::Outcome::DoesNotApply:
        return "doesNotApply";
    case PolicyVerdict::Outcome::NotEnoughInformation:
        return "notEnoughInformation";
    }
    return "notEnoughInformation";
}

WhatIfEvaluator::WhatIfEvaluator(const std::vector<CaPolicy>& policies,
    const std::vector<NamedLocation>& namedLocations, const std::vector<ServicePrincipal>& servicePrincipals)
    : m_policies(policies)
    , m_locations(namedLocations)
    , m_sps(servicePrincipals)
{
    m_extras.reserve(policies.size());
    for (const CaPolicy& p : policies) m_extras.push_back(PolicyExtras::fromJson(p.json));
    m_dir.namedLocations = &m_locations;
    m_dir.servicePrincipals = &m_sps;
}

WhatIfEvaluator::WhatIfEvaluator(const Dataset& dataset)
    : WhatIfEvaluator(dataset.policies(), dataset.namedLocations(), dataset.servicePrincipals())
{
    m_dir.tenantId = tenantOf(dataset);
}

std::string tenantOf(const Dataset& dataset)
{
    // A sample is enough: every sign-in of a tenant's own log names that tenant as the resource tenant.
    std::unordered_map<StrId, size_t> counts;
    const size_t n = std::min<size_t>(dataset.signInCount(), 20000);
    for (uint32_t row = 0; row < n; ++row)
        if (const StrId id = dataset.signIn(row).strId(SF::ResourceTenantId); !dataset.text(id).empty()) ++counts[id];
    StrId best = 0;
    size_t most = 0;
    for (const auto& [id, count] : counts)
        if (count > most || (count == most && dataset.text(id) < dataset.text(best))) {
            best = id;
            most = count;
        }
    return most ? std::string(dataset.text(best)) : std::string();
}

const PolicyExtras& WhatIfEvaluator::extrasOf(const CaPolicy& p, PolicyExtras& scratch) const
{
    if (&p >= m_policies.data() && &p < m_policies.data() + m_policies.size())
        return m_extras[size_t(&p - m_policies.data())];
    scratch = PolicyExtras::fromJson(p.json);
    return scratch;
}

std::vector<PolicyVerdict> WhatIfEvaluator::evaluate(const WhatIfInput& input) const
{
    std::vector<PolicyVerdict> out;
    out.reserve(m_policies.size());
    for (const CaPolicy& p : m_policies) out.push_back(evaluate(p, input));
    return out;
}

namespace {

void controls(const CaPolicy& p, const PolicyExtras& x, PolicyVerdict& v)
{
    v.grantControls = x.builtInControls;
    if (!p.authStrengthId.empty() || !p.authStrengthName.empty())
        v.grantControls.emplace_back("authenticationStrength");
    if (!p.termsOfUse.empty()) v.grantControls.emplace_back("termsOfUse");
    for (const std::string& c : p.customAuthenticationFactors) v.grantControls.push_back(c);
    if (!v.grantControls.empty()) v.operatorText = p.grantOperator.empty() ? "AND" : p.grantOperator;
    for (int b = 0; b < Session::Count; ++b)
        if (p.session & (1u << b)) v.sessionControls.emplace_back(sessionName(b));
}

bool hasTargets(const CaPolicy& p)
{
    const bool identities = !p.includeUsers.empty() || !p.includeGroups.empty() || !p.includeRoles.empty()
        || (!p.includeGuestTypes.empty() && !equalsIgnoreCase(p.includeGuestTypes, "none"))
        || !p.includeServicePrincipals.empty();
    const bool resources
        = !p.includeApplications.empty() || !p.includeUserActions.empty() || !p.includeAuthContexts.empty();
    return identities && resources;
}

} // namespace

PolicyVerdict WhatIfEvaluator::evaluate(const CaPolicy& p, const WhatIfInput& in) const
{
    PolicyVerdict v;
    v.id = p.id;
    v.displayName = p.displayName;
    v.state = p.stateText.empty() ? std::string(stateName(p.state)) : p.stateText;
    v.reportOnly = p.state == PolicyState::ReportOnly;
    PolicyExtras scratch;
    const PolicyExtras& x = extrasOf(p, scratch);
    controls(p, x, v);

    if (p.state == PolicyState::Disabled) {
        v.outcome = PolicyVerdict::Outcome::DoesNotApply;
        v.reasons = { "policyNotEnabled" };
        v.details = { "policyNotEnabled: the policy is off" };
        return v;
    }
    if (!hasTargets(p)) {
        v.outcome = PolicyVerdict::Outcome::DoesNotApply;
        v.reasons = { "emptyPolicy" };
        v.details = { "emptyPolicy: the policy names no identities or no resources" };
        return v;
    }
    if (p.state == PolicyState::Unknown)
        v.details.push_back("state: '" + p.stateText + "' is not a state CA Lens knows; evaluated as if enabled");

    const Directory& dir = m_dir;
    const bool workload = in.identity == WhatIfInput::Identity::ServicePrincipal
        || in.identity == WhatIfInput::Identity::ManagedIdentity;
    std::vector<ConditionResult> results;
    if (in.identity == WhatIfInput::Identity::Unknown)
        results.push_back(
            { ConditionResult::State::Unknown, p.includeServicePrincipals.empty() ? "users" : "workloadIdentities",
                "identity: the input names no user or service principal" });
    else if (workload)
        results.push_back(evaluateWorkloadIdentities(p, x, in, dir));
    else
        results.push_back(evaluateUsers(p, x, in));
    results.push_back(evaluateApplications(p, x, in, dir));
    results.push_back(evaluatePlatforms(p, in));
    results.push_back(evaluateDevices(p, x, in));
    results.push_back(evaluateClientApps(p, in));
    results.push_back(evaluateLocations(p, in, dir));
    if (workload) {
        results.push_back(evaluateServicePrincipalRisk(p, in));
    } else {
        results.push_back(evaluateSignInRisk(p, in));
        results.push_back(evaluateUserRisk(p, in));
        results.push_back(evaluateInsiderRisk(p, in));
    }
    results.push_back(evaluateAuthenticationFlows(p, in));

    std::vector<std::string> matched, failed;
    bool invalid = false;
    for (const ConditionResult& c : results) {
        if (c.state == ConditionResult::State::NotConfigured) continue;
        if (!c.detail.empty()) v.details.push_back(c.detail);
        switch (c.state) {
        case ConditionResult::State::Match:
            matched.push_back(c.reason);
            break;
        case ConditionResult::State::NoMatch:
            failed.push_back(c.reason);
            break;
        case ConditionResult::State::Invalid:
            invalid = true;
            [[fallthrough]];
        case ConditionResult::State::Unknown:
            v.notEnoughInformation.push_back(c.reason);
            break;
        case ConditionResult::State::NotConfigured:
            break;
        }
    }
    if (!failed.empty()) {
        v.outcome = PolicyVerdict::Outcome::DoesNotApply;
        v.reasons = failed;
    } else if (!v.notEnoughInformation.empty()) {
        v.outcome = PolicyVerdict::Outcome::NotEnoughInformation;
        v.reasons = { "notEnoughInformation" };
        if (invalid) v.reasons.emplace_back("invalidCondition");
    } else {
        v.outcome = PolicyVerdict::Outcome::Applies;
        v.reasons = matched;
    }
    return v;
}

ConditionResult WhatIfEvaluator::condition(const CaPolicy& p, std::string_view reason, const WhatIfInput& in) const
{
    PolicyExtras scratch;
    const PolicyExtras& x = extrasOf(p, scratch);
    if (reason == "users") return evaluateUsers(p, x, in);
    if (reason == "workloadIdentities") return evaluateWorkloadIdentities(p, x, in, m_dir);
    if (reason == "application") return evaluateApplications(p, x, in, m_dir);
    if (reason == "devicePlatform") return evaluatePlatforms(p, in);
    if (reason == "devices") return evaluateDevices(p, x, in);
    if (reason == "clientApps") return evaluateClientApps(p, in);
    if (reason == "location") return evaluateLocations(p, in, m_dir);
    if (reason == "signInRisk") return evaluateSignInRisk(p, in);
    if (reason == "userRisk") return evaluateUserRisk(p, in);
    if (reason == "servicePrincipalRisk") return evaluateServicePrincipalRisk(p, in);
    if (reason == "insiderRisk") return evaluateInsiderRisk(p, in);
    if (reason == "authenticationFlow") return evaluateAuthenticationFlows(p, in);
    return { ConditionResult::State::Unknown, std::string(reason), "no such condition" };
}

} // namespace calens::whatif
