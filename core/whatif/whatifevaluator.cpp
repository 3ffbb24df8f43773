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

std::span<const ConditionKind> conditionsFor(WhatIfInput::Identity identity)
{
    using K = ConditionKind;
    static constexpr ConditionKind kUser[] = { K::Identity, K::Application, K::Platform, K::Devices, K::ClientApps,
        K::Location, K::SignInRisk, K::UserRisk, K::InsiderRisk, K::AuthenticationFlow };
    static constexpr ConditionKind kWorkload[] = { K::Identity, K::Application, K::Platform, K::Devices, K::ClientApps,
        K::Location, K::ServicePrincipalRisk, K::AuthenticationFlow };
    const bool workload
        = identity == WhatIfInput::Identity::ServicePrincipal || identity == WhatIfInput::Identity::ManagedIdentity;
    return workload ? std::span<const ConditionKind>(kWorkload) : std::span<const ConditionKind>(kUser);
}

std::optional<std::string> WhatIfEvaluator::decidedBeforeConditions(const CaPolicy& p) const
{
    if (p.state == PolicyState::Disabled) return std::string("policyNotEnabled");
    if (!hasTargets(p)) return std::string("emptyPolicy");
    return std::nullopt;
}

ConditionResult WhatIfEvaluator::condition(const CaPolicy& p, ConditionKind kind, const WhatIfInput& in) const
{
    PolicyExtras scratch;
    const PolicyExtras& x = extrasOf(p, scratch);
    const bool workload = in.identity == WhatIfInput::Identity::ServicePrincipal
        || in.identity == WhatIfInput::Identity::ManagedIdentity;
    switch (kind) {
    case ConditionKind::Identity:
        if (in.identity == WhatIfInput::Identity::Unknown)
            return { ConditionResult::State::Unknown,
                p.includeServicePrincipals.empty() ? "users" : "workloadIdentities",
                "identity: the input names no user or service principal" };
        return workload ? evaluateWorkloadIdentities(p, x, in, m_dir) : evaluateUsers(p, x, in);
    case ConditionKind::Application:
        return evaluateApplications(p, x, in, m_dir);
    case ConditionKind::Platform:
        return evaluatePlatforms(p, in);
    case ConditionKind::Devices:
        return evaluateDevices(p, x, in);
    case ConditionKind::ClientApps:
        return evaluateClientApps(p, in);
    case ConditionKind::Location:
        return evaluateLocations(p, in, m_dir);
    case ConditionKind::SignInRisk:
        return evaluateSignInRisk(p, in);
    case ConditionKind::UserRisk:
        return evaluateUserRisk(p, in);
    case ConditionKind::InsiderRisk:
        return evaluateInsiderRisk(p, in);
    case ConditionKind::ServicePrincipalRisk:
        return evaluateServicePrincipalRisk(p, in);
    case ConditionKind::AuthenticationFlow:
    case ConditionKind::Count:
        break;
    }
    return evaluateAuthenticationFlows(p, in);
}

// "Conditional Access policies only apply when all conditions are satisfied or not configured"
// (troubleshoot-conditional-access.md): one condition that does not match decides; else one the input cannot
// decide leaves it open.
PolicyVerdict::Outcome WhatIfEvaluator::combine(std::span<const ConditionResult::State> states)
{
    bool unknown = false;
    for (ConditionResult::State s : states) {
        if (s == ConditionResult::State::NoMatch) return PolicyVerdict::Outcome::DoesNotApply;
        unknown |= s == ConditionResult::State::Unknown || s == ConditionResult::State::Invalid;
    }
    return unknown ? PolicyVerdict::Outcome::NotEnoughInformation : PolicyVerdict::Outcome::Applies;
}

PolicyVerdict WhatIfEvaluator::evaluate(const CaPolicy& p, const WhatIfInput& in) const
{
    PolicyVerdict v;
    v.id = p.id;
    v.displayName = p.displayName;
    v.state = p.stateText.empty() ? std::string(stateName(p.state)) : p.stateText;
    v.reportOnly = p.state == PolicyState::ReportOnly;
    PolicyExtras scratch;
    controls(p, extrasOf(p, scratch), v);

    if (const auto before = decidedBeforeConditions(p)) {
        v.outcome = PolicyVerdict::Outcome::DoesNotApply;
        v.reasons = { *before };
        v.details = { *before == "policyNotEnabled" ? "policyNotEnabled: the policy is off"
                                                    : "emptyPolicy: the policy names no identities or no resources" };
        return v;
    }
    if (p.state == PolicyState::Unknown)
        v.details.push_back("state: '" + p.stateText + "' is not a state CA Lens knows; evaluated as if enabled");

    std::vector<ConditionResult> results;
    std::vector<ConditionResult::State> states;
    for (ConditionKind k : conditionsFor(in.identity)) {
        results.push_back(condition(p, k, in));
        states.push_back(results.back().state);
    }
    v.outcome = combine(states);

    std::vector<std::string> matched, failed;
    bool invalid = false;
    for (const ConditionResult& c : results) {
        if (c.state == ConditionResult::State::NotConfigured) continue;
        if (!c.detail.empty()) v.details.push_back(c.detail);
        switch (c.state) {
        case ConditionResult::State::Match:
            matched.emplace_back(c.reason);
            break;
        case ConditionResult::State::NoMatch:
            failed.emplace_back(c.reason);
            break;
        case ConditionResult::State::Invalid:
            invalid = true;
            [[fallthrough]];
        case ConditionResult::State::Unknown:
            v.notEnoughInformation.emplace_back(c.reason);
            break;
        case ConditionResult::State::NotConfigured:
            break;
        }
    }
    switch (v.outcome) {
    case PolicyVerdict::Outcome::DoesNotApply:
        v.reasons = failed;
        break;
    case PolicyVerdict::Outcome::NotEnoughInformation:
        v.reasons = { "notEnoughInformation" };
        if (invalid) v.reasons.emplace_back("invalidCondition");
        break;
    case PolicyVerdict::Outcome::Applies:
        v.reasons = matched;
        break;
    }
    return v;
}

ConditionResult WhatIfEvaluator::condition(const CaPolicy& p, std::string_view reason, const WhatIfInput& in) const
{
    using K = ConditionKind;
    struct Name
    {
        std::string_view reason;
        ConditionKind kind;
    };
    static constexpr Name kNames[] = { { "users", K::Identity }, { "workloadIdentities", K::Identity },
        { "application", K::Application }, { "devicePlatform", K::Platform }, { "devices", K::Devices },
        { "clientApps", K::ClientApps }, { "location", K::Location }, { "signInRisk", K::SignInRisk },
        { "userRisk", K::UserRisk }, { "servicePrincipalRisk", K::ServicePrincipalRisk },
        { "insiderRisk", K::InsiderRisk }, { "authenticationFlow", K::AuthenticationFlow } };
    for (const Name& n : kNames)
        if (n.reason == reason) return condition(p, n.kind, in);
    return { ConditionResult::State::Unknown, "unknown", "no such condition" };
}

} // namespace calens::whatif
