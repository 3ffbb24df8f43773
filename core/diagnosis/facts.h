// SPDX-License-Identifier: MIT
#pragma once

#include "answer.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "whatif/whatifevaluator.h"

#include <memory>
#include <optional>
#include <string_view>

namespace calens {

// The evidence rules: each named fact answers one flowchart question about a sign-in (and, for the
// policy questions, one of its failing policies), quoting the record fields it read. Whether a condition of a
// policy matches the sign-in is never decided here: the What-If evaluator is the one place that knows
// Conditional Access semantics, and the facts ask it.
class FactSheet
{
public:
    // `evaluator` is shared by the caller when it diagnoses many sign-ins; without one the sheet makes its own.
    FactSheet(const Dataset& dataset, uint32_t row, const whatif::WhatIfEvaluator* evaluator = nullptr);

    // `policy` is the evaluation under consideration for policy-level facts (nullptr otherwise).
    Fact get(std::string_view name, const PolicyEval* policy) const;
    static bool knows(std::string_view name); // whether `name` is a fact this sheet can answer

    const SignInRef& signIn() const { return m_signIn; }
    const Dataset& dataset() const { return m_d; }
    const CaPolicy* definition(const PolicyEval& e) const; // the tenant's policy, when loaded
    QString principalKind() const; // "user" | "servicePrincipal" | "managedIdentity"
    QString principalId() const;
    QString principalName() const;
    bool isWorkload() const;
    std::vector<const PolicyEval*> failing() const; // enforced failures, in log order
    std::vector<const PolicyEval*> reportOnlyFailing() const;
    QStringList controlsOf(const PolicyEval& e) const; // policy enum names plus custom control names
    bool isMicrosoftManaged(const PolicyEval& e) const;

    // Whether the sign-in came from a trusted location (any trusted named location), as Conditional Access
    // decides membership of a named location. Not the question a policy asks: see the location facts.
    Fact ipTrust(const PolicyEval* policy) const;

    const whatif::WhatIfEvaluator& whatIf() const;
    const whatif::WhatIfInput& input() const; // the sign-in as the What-If sees it

private:
    using Rule = Fact (FactSheet::*)(const PolicyEval*) const;
    static const std::vector<std::pair<std::string_view, Rule>>& rules();

    // signinfacts.cpp: about the sign-in as a whole.
    Fact caErrorCode(const PolicyEval*) const;
    Fact hasPolicyDetail(const PolicyEval*) const;
    Fact hasFailingPolicy(const PolicyEval*) const;
    Fact principalRunsJob(const PolicyEval*) const;
    Fact interactiveUser(const PolicyEval*) const;
    Fact cannotAnswerPrompt(const PolicyEval*) const;
    Fact principalIsExternal(const PolicyEval*) const;
    Fact securityDefaultsApplied(const PolicyEval*) const;
    Fact azureMandatoryMfa(const PolicyEval*) const;
    Fact mfaRequiredCode(const PolicyEval*) const;
    Fact sessionProtocolTracked(const PolicyEval*) const;
    Fact signInFrequencyExpired(const PolicyEval*) const;

    // policyfacts.cpp: about one failing policy, its grant and session controls and its scope.
    Fact policyRiskBased(const PolicyEval*) const;
    Fact policyLocationBased(const PolicyEval*) const;
    Fact policyDeviceBased(const PolicyEval*) const;
    Fact policyGrantBlock(const PolicyEval*) const;
    Fact policyRequiresDevice(const PolicyEval*) const;
    Fact policyRequiresMfa(const PolicyEval*) const;
    Fact policyRequiresStrongerAuth(const PolicyEval*) const;
    Fact policyRequiresApprovedApp(const PolicyEval*) const;
    Fact policyRequiresTermsOfUse(const PolicyEval*) const;
    Fact policyRequiresPasswordChange(const PolicyEval*) const;
    Fact policyMicrosoftManaged(const PolicyEval*) const;
    Fact policyDefinitionLoaded(const PolicyEval*) const;
    Fact policyTargetsAuthContext(const PolicyEval*) const;
    Fact policyMatchedByRole(const PolicyEval*) const;
    Fact policyBlocksLegacyClient(const PolicyEval*) const;
    Fact policyMatchesAuthFlow(const PolicyEval*) const;
    Fact policyBlocksUnknownPlatform(const PolicyEval*) const;
    Fact tokenProtectionUnmet(const PolicyEval*) const;
    Fact deviceSatisfies(const PolicyEval*) const;
    Fact principalOutOfScope(const PolicyEval*) const;

    // locationfacts.cpp: the location condition of one failing policy.
    Fact ipInPolicyExcludedLocations(const PolicyEval*) const;
    Fact policyLocationUsesGps(const PolicyEval*) const;
    Fact caeStrictLocationMismatch(const PolicyEval*) const;
    Fact policyUsesCompliantNetwork(const PolicyEval*) const;
    Fact ipv6AgainstIpv4Ranges(const PolicyEval*) const;

    Fact conditionBits(const PolicyEval& e, uint32_t bits, const char* what) const;
    Fact grantFact(const PolicyEval& e, uint16_t bits, const char* what) const;
    // The What-If's answer for one condition of the failing policy's current definition, or nullopt when the
    // definition was not loaded.
    std::optional<whatif::ConditionResult> ask(const PolicyEval& e, std::string_view condition) const;

    const Dataset& m_d;
    SignInRef m_signIn;
    const whatif::WhatIfEvaluator* m_evaluator;
    mutable std::unique_ptr<whatif::WhatIfEvaluator> m_ownEvaluator;
    mutable std::optional<whatif::WhatIfInput> m_input;
};

QString qs(std::string_view s);
QString quoted(std::string_view s); // "value" or (empty), for evidence lines

} // namespace calens
