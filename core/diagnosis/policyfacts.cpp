// SPDX-License-Identifier: MIT
// Facts about one failing policy: its grant and session controls from the log (or its definition), and its scope,
// which the What-If evaluator decides.
#include "facts.h"

#include "model/builtinroles.h"
#include "whatif/conditions.h"

#include <algorithm>

namespace calens {

namespace {

constexpr std::string_view kMfaStrength
    = "00000000-0000-0000-0000-000000000002"; // built-in "Multifactor authentication"
constexpr uint32_t bit(int i)
{
    return 1u << i;
}
constexpr uint32_t kRiskBits = bit(5) | bit(6) | bit(14) | bit(16); // signIn, user, servicePrincipal, insider risk
constexpr uint32_t kLocationBits = bit(3) | bit(10) | bit(11); // location, IPs seen by Entra / the resource
constexpr uint32_t kDeviceBits = bit(8); // deviceState (device filters report as deviceState too)
constexpr int kClientTypeBit = 4, kPlatformBit = 2, kFlowsBit = 15, kUsersBit = 1, kApplicationBit = 0;

// Built-in roles by name; a custom role by its id (its name is not in the data).
QString roleNames(const std::vector<std::string>& templateIds)
{
    QStringList names;
    for (const std::string& id : templateIds) {
        const QString name = builtInRoleName(id);
        names << (name.isEmpty() ? QStringLiteral("role %1").arg(qs(id)) : name);
    }
    return names.join(QStringLiteral(", "));
}

QString conditionLine(const whatif::ConditionResult& c)
{
    return QStringLiteral("What-If on the current definition: %1").arg(qs(c.detail));
}

bool ruleSatisfied(const SignInRef& s, const PolicyEval& e, int condition, uint8_t rule)
{
    for (const RuleView& r : s.includeRules(e))
        if (r.condition == condition && r.rule == rule) return true;
    return false;
}

} // namespace

Fact FactSheet::policyRiskBased(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const QString risk = QStringLiteral("riskLevelDuringSignIn is %1, riskLevelAggregated is %2, riskState is %3")
                             .arg(qs(name(m_signIn.riskDuringSignIn())), qs(name(m_signIn.riskAggregated())),
                                 qs(name(m_signIn.riskState())));
    if (e.conditionsSatisfied & kRiskBits) {
        Fact f = conditionBits(e, kRiskBits, "risk condition");
        f.evidence << risk;
        return f;
    }
    if (const CaPolicy* def = definition(e)) {
        const bool configured = !def->signInRiskLevels.empty() || !def->userRiskLevels.empty()
            || !def->servicePrincipalRiskLevels.empty() || !def->insiderRiskLevels.empty();
        if (!configured)
            return { Answer::No, { QStringLiteral("the definition of '%1' has no risk condition").arg(policy) } };
        // A policy applies only when every configured condition holds: it failed, so its risk condition held then.
        Fact f { Answer::Yes,
            { QStringLiteral("the definition of '%1' has a risk condition, and the policy applied").arg(policy),
                risk } };
        for (const char* c : { "signInRisk", "userRisk", "servicePrincipalRisk", "insiderRisk" })
            if (auto r = ask(e, c); r && r->state != whatif::ConditionResult::State::NotConfigured)
                f.evidence << conditionLine(*r);
        return f;
    }
    return conditionBits(e, kRiskBits, "risk condition");
}

Fact FactSheet::policyLocationBased(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    if (e.conditionsSatisfied & kLocationBits) return conditionBits(e, kLocationBits, "location condition");
    if (const CaPolicy* def = definition(e)) {
        const QString policy = qs(m_signIn.policyName(e));
        if (def->includeLocations.empty())
            return { Answer::No, { QStringLiteral("the definition of '%1' has no location condition").arg(policy) } };
        return { Answer::Yes, { QStringLiteral("the definition of '%1' has a location condition").arg(policy) } };
    }
    return conditionBits(e, kLocationBits, "location condition");
}

Fact FactSheet::policyDeviceBased(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    if (e.conditionsSatisfied & kDeviceBits) return conditionBits(e, kDeviceBits, "device condition");
    if (const CaPolicy* def = definition(e)) {
        const QString policy = qs(m_signIn.policyName(e));
        if (def->deviceFilterRule.empty())
            return { Answer::No, { QStringLiteral("the definition of '%1' has no device condition").arg(policy) } };
        Fact f { Answer::Yes, { QStringLiteral("the definition of '%1' has a device filter").arg(policy) } };
        if (auto r = ask(e, "devices")) f.evidence << conditionLine(*r);
        return f;
    }
    return conditionBits(e, kDeviceBits, "device condition");
}

Fact FactSheet::policyGrantBlock(const PolicyEval* p) const
{
    return grantFact(*p, Grant::Block, "Block access");
}

Fact FactSheet::policyRequiresDevice(const PolicyEval* p) const
{
    return grantFact(*p, Grant::CompliantDevice | Grant::DomainJoinedDevice, "a compliant or hybrid-joined device");
}

Fact FactSheet::policyRequiresApprovedApp(const PolicyEval* p) const
{
    return grantFact(*p, Grant::ApprovedApplication | Grant::CompliantApplication,
        "an approved client app or app protection policy");
}

Fact FactSheet::policyRequiresPasswordChange(const PolicyEval* p) const
{
    return grantFact(*p, Grant::PasswordChange, "a password change");
}

Fact FactSheet::policyRequiresMfa(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    if (e.grant & Grant::Mfa) return grantFact(e, Grant::Mfa, "multifactor authentication");
    if ((e.grant & Grant::AuthenticationStrength) && m_signIn.authStrengthId(e) == kMfaStrength)
        return { Answer::Yes,
            { QStringLiteral("'%1' requires the built-in authentication strength \"Multifactor authentication\"")
                    .arg(qs(m_signIn.policyName(e))) } };
    return grantFact(e, Grant::Mfa, "multifactor authentication");
}

Fact FactSheet::policyRequiresStrongerAuth(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    if (!(e.grant & Grant::AuthenticationStrength) || m_signIn.authStrengthId(e) == kMfaStrength)
        return { Answer::No, { QStringLiteral("'%1' asks for no authentication strength beyond MFA").arg(policy) } };
    Fact f { Answer::Yes,
        { QStringLiteral("'%1' requires the authentication strength %2")
                .arg(policy,
                    quoted(m_signIn.authStrengthName(e).empty() ? m_signIn.authStrengthId(e)
                                                                : m_signIn.authStrengthName(e))) } };
    if (e.authStrengthResult != AuthStrengthResult::NotSet)
        f.evidence << QStringLiteral("authenticationStrengthResult is %1").arg(qs(name(e.authStrengthResult)));
    return f;
}

Fact FactSheet::policyRequiresTermsOfUse(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    if (e.grant & Grant::TermsOfUse) return grantFact(e, Grant::TermsOfUse, "terms of use");
    // Entra names the agreement by its display name in enforcedGrantControls, while the definition lists agreement
    // ids: a name the definition's custom controls do not explain is the agreement.
    const CaPolicy* def = definition(e);
    if (def && !def->termsOfUse.empty()) {
        QStringList agreements;
        for (std::string_view c : m_signIn.customGrants(e))
            if (std::none_of(def->customAuthenticationFactors.begin(), def->customAuthenticationFactors.end(),
                    [c](const std::string& f) { return equalsIgnoreCase(f, c); }))
                agreements << quoted(c);
        const QString policy = qs(m_signIn.policyName(e));
        Fact f { Answer::Yes,
            { QStringLiteral("the definition of '%1' requires accepting %2 terms of use agreement(s)")
                    .arg(policy)
                    .arg(def->termsOfUse.size()) } };
        if (!agreements.isEmpty())
            f.evidence << QStringLiteral("the log names the agreement %1 among the enforced grant controls")
                              .arg(agreements.join(QStringLiteral(", ")));
        return f;
    }
    return grantFact(e, Grant::TermsOfUse, "terms of use");
}

Fact FactSheet::policyMicrosoftManaged(const PolicyEval* p) const
{
    const QString policy = qs(m_signIn.policyName(*p));
    if (isMicrosoftManaged(*p))
        return { Answer::Yes,
            { QStringLiteral("'%1' is a Microsoft-managed policy: it can be turned off or given exclusions, not "
                             "renamed or deleted; duplicate it for other changes")
                    .arg(policy) } };
    return { Answer::No, { QStringLiteral("'%1' is one of the tenant's own policies").arg(policy) } };
}

Fact FactSheet::policyDefinitionLoaded(const PolicyEval* p) const
{
    const QString policy = qs(m_signIn.policyName(*p));
    if (definition(*p)) return { Answer::Yes, { QStringLiteral("the definition of '%1' is loaded").arg(policy) } };
    return { Answer::No,
        { QStringLiteral("the definition of '%1' was not loaded (add --policies), so what it excludes today is not "
                         "known")
                .arg(policy) } };
}

Fact FactSheet::policyTargetsAuthContext(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const std::string_view refs = m_signIn.str(SF::AuthContextRefs);
    Fact f { Answer::No, {} };
    if (ruleSatisfied(m_signIn, e, kApplicationBit, 4 /* acr */)) {
        f.answer = Answer::Yes;
        f.evidence << QStringLiteral("'%1' matched on an authentication context (rule acr)").arg(policy);
    } else if (const CaPolicy* def = definition(e); def && !def->includeAuthContexts.empty()) {
        f.answer = Answer::Yes;
        QStringList ids;
        for (const std::string& c : def->includeAuthContexts) ids << qs(c);
        f.evidence << QStringLiteral("the definition of '%1' targets the authentication context(s) %2")
                          .arg(policy, ids.join(QStringLiteral(", ")));
    } else if (def) {
        f.evidence
            << QStringLiteral("the definition of '%1' targets resources, not an authentication context").arg(policy);
    } else if (e.conditionsSatisfied == 0) {
        f.answer = Answer::Unknown;
        f.evidence << QStringLiteral("neither the log nor a loaded definition says what '%1' targets").arg(policy);
    } else {
        f.evidence << QStringLiteral("'%1' did not match on an authentication context").arg(policy);
    }
    if (!refs.empty())
        f.evidence << QStringLiteral("the sign-in names authentication context(s) %1 (a PIM role activation or a "
                                     "protected action asks for one)")
                          .arg(quoted(refs));
    return f;
}

Fact FactSheet::policyMatchedByRole(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    if (isWorkload())
        return { Answer::No, { QStringLiteral("a workload identity holds no directory role a user policy targets") } };
    if (ruleSatisfied(m_signIn, e, kUsersBit, 9 /* roleId */))
        return { Answer::Yes,
            { QStringLiteral("'%1' matched %2 by a directory role (rule roleId)").arg(policy, principalName()) } };
    const CaPolicy* def = definition(e);
    if (!def) {
        if (e.conditionsSatisfied != 0 && !m_signIn.includeRules(e).empty())
            return {
                Answer::No,
                { QStringLiteral("'%1' matched %2 by another rule than a directory role").arg(policy, principalName()) }
            };
        return { Answer::Unknown,
            { QStringLiteral("the log does not say how '%1' matched %2, and its definition was not loaded")
                    .arg(policy, principalName()) } };
    }
    if (def->includeRoles.empty())
        return { Answer::No, { QStringLiteral("'%1' targets no directory roles").arg(policy) } };
    const bool onlyRoles = def->includeUsers.empty() && def->includeGroups.empty() && def->includeGuestTypes.empty();
    if (onlyRoles)
        return { Answer::Yes,
            { QStringLiteral("'%1' includes only directory roles (%2) and applied: %3 holds one of them")
                    .arg(policy, roleNames(def->includeRoles), principalName()) } };
    return { Answer::Unknown,
        { QStringLiteral("'%1' includes directory roles and other users; the log does not say which matched")
                .arg(policy) } };
}

Fact FactSheet::policyBlocksLegacyClient(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const std::string type = whatif::clientAppTypeOf(m_signIn.str(SF::ClientAppUsed));
    const bool legacyClient = type == "other" || type == "exchangeActiveSync";
    const QString seen = QStringLiteral("clientAppUsed is %1").arg(quoted(m_signIn.str(SF::ClientAppUsed)));
    if (auto c = ask(e, "clientApps")) {
        const CaPolicy* def = definition(e);
        const bool legacyPolicy
            = std::any_of(def->clientAppTypes.begin(), def->clientAppTypes.end(), [](const std::string& t) {
                  return equalsIgnoreCase(t, "exchangeActiveSync") || equalsIgnoreCase(t, "other")
                      || equalsIgnoreCase(t, "easSupported");
              });
        if (legacyPolicy && c->state == whatif::ConditionResult::State::Match)
            return { Answer::Yes,
                { QStringLiteral("'%1' targets legacy authentication clients").arg(policy), seen, conditionLine(*c) } };
        return { Answer::No,
            { seen,
                c->detail.empty() ? QStringLiteral("'%1' has no client app condition").arg(policy)
                                  : conditionLine(*c) } };
    }
    if ((e.conditionsSatisfied & bit(kClientTypeBit)) && legacyClient)
        return { Answer::Yes,
            { QStringLiteral("'%1' lists clientType among its satisfied conditions").arg(policy), seen } };
    if (e.conditionsSatisfied == 0 && legacyClient)
        return { Answer::Unknown,
            { seen, QStringLiteral("the log does not say which conditions of '%1' matched").arg(policy) } };
    return { Answer::No, { seen } };
}

Fact FactSheet::policyMatchesAuthFlow(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const QString seen
        = QStringLiteral("originalTransferMethod is %1, authenticationProtocol is %2")
              .arg(quoted(name(m_signIn.transferMethod())), quoted(m_signIn.str(SF::AuthenticationProtocol)));
    if ((e.conditionsSatisfied & bit(kFlowsBit)) || ruleSatisfied(m_signIn, e, kFlowsBit, 34)
        || ruleSatisfied(m_signIn, e, kFlowsBit, 35))
        return { Answer::Yes,
            { QStringLiteral("'%1' matched on the authentication flows condition").arg(policy), seen } };
    if (auto c = ask(e, "authenticationFlow")) {
        if (c->state == whatif::ConditionResult::State::NotConfigured)
            return { Answer::No, { QStringLiteral("'%1' has no authentication flows condition").arg(policy) } };
        return { Answer::Yes,
            { QStringLiteral("'%1' has an authentication flows condition, and it applied").arg(policy), seen,
                conditionLine(*c) } };
    }
    if (e.conditionsSatisfied != 0)
        return { Answer::No, { QStringLiteral("'%1' did not match on authentication flows").arg(policy) } };
    return { Answer::Unknown,
        { QStringLiteral("the log does not say which conditions of '%1' matched").arg(policy), seen } };
}

Fact FactSheet::policyBlocksUnknownPlatform(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const bool unknownPlatform = input().platform == "unknown";
    const QString seen
        = QStringLiteral("deviceDetail.operatingSystem is %1").arg(quoted(m_signIn.str(SF::OperatingSystem)));
    if (!unknownPlatform)
        return { Answer::No,
            { seen
                + (input().platform.empty() ? QString() : QStringLiteral(", a platform Conditional Access knows")) } };
    if (auto c = ask(e, "devicePlatform")) {
        if (c->state == whatif::ConditionResult::State::Match)
            return { Answer::Yes,
                { seen + QStringLiteral(": a platform Conditional Access does not recognise"), conditionLine(*c) } };
        return { Answer::No,
            { seen,
                c->detail.empty() ? QStringLiteral("'%1' has no platform condition").arg(policy)
                                  : conditionLine(*c) } };
    }
    if (e.conditionsSatisfied & bit(kPlatformBit))
        return { Answer::Yes,
            { seen + QStringLiteral(": a platform Conditional Access does not recognise"),
                QStringLiteral("'%1' lists devicePlatform among its satisfied conditions").arg(policy) } };
    return { e.conditionsSatisfied ? Answer::No : Answer::Unknown, { seen } };
}

Fact FactSheet::tokenProtectionUnmet(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const std::string_view status = m_signIn.str(SF::TokenProtectionStatus),
                           code = m_signIn.str(SF::TokenProtectionCode);
    const QString seen
        = QStringLiteral("tokenProtectionStatusDetails: signInSessionStatus %1, signInSessionStatusCode %2")
              .arg(quoted(status), quoted(code));
    // concept-token-protection.md: the session control is logged as "SignInTokenProtection" (formerly "Binding");
    // unbound status codes: 1002 no device state, 1003 device state not good enough, 1005 other, 1006 OS version,
    // 1008 client not using the platform broker.
    auto codeMeaning = [code]() -> QString {
        if (code == "1002") return QStringLiteral("the request had no Microsoft Entra device state");
        if (code == "1003")
            return QStringLiteral("the device's registration does not meet token protection's requirements (an "
                                  "unsupported registration type, or registered without fresh credentials)");
        if (code == "1006") return QStringLiteral("the operating system version is not supported");
        if (code == "1008") return QStringLiteral("the client does not use the platform broker (WAM)");
        if (code == "1005") return QStringLiteral("unbound for another reason");
        return {};
    };
    const bool enforced = e.session & Session::SecureSignInSession;
    if (e.sessionNotSatisfied & Session::SecureSignInSession) {
        Fact f { Answer::Yes,
            { QStringLiteral("'%1' lists token protection among its session controls not satisfied").arg(policy),
                seen } };
        if (const QString m = codeMeaning(); !m.isEmpty()) f.evidence << m;
        return f;
    }
    if (enforced && equalsIgnoreCase(status, "unbound")) {
        Fact f { Answer::Yes,
            { QStringLiteral("'%1' enforces token protection and the sign-in session was not bound to the device")
                    .arg(policy),
                seen } };
        if (const QString m = codeMeaning(); !m.isEmpty()) f.evidence << m;
        return f;
    }
    if (enforced && status.empty())
        return { Answer::Unknown,
            { QStringLiteral("'%1' enforces token protection; the record does not say whether the session was bound")
                    .arg(policy) } };
    return { Answer::No, { QStringLiteral("'%1' did not fail a token protection session control").arg(policy) } };
}

Fact FactSheet::deviceSatisfies(const PolicyEval* p) const
{
    const SignInRef& s = m_signIn;
    QString seen
        = QStringLiteral("deviceDetail: isCompliant %1, isManaged %2, trustType %3, operatingSystem %4, displayName %5")
              .arg(s.isCompliant() == Tristate::Unset     ? QStringLiteral("(absent)")
                      : s.isCompliant() == Tristate::True ? QStringLiteral("true")
                                                          : QStringLiteral("false"),
                  s.isManaged() == Tristate::Unset      ? QStringLiteral("(absent)")
                      : s.isManaged() == Tristate::True ? QStringLiteral("true")
                                                        : QStringLiteral("false"),
                  quoted(s.str(SF::TrustType)), quoted(s.str(SF::OperatingSystem)), quoted(s.str(SF::DeviceName)));
    if (isWorkload())
        return { Answer::No,
            { QStringLiteral("a %1 signs in without a device, so it can never satisfy a device control")
                    .arg(principalKind()),
                seen } };
    const bool hybridAccepted = p->grant & Grant::DomainJoinedDevice;
    const bool hybrid = input().deviceTrustType == "ServerAD";
    if (s.isCompliant() == Tristate::True) return { Answer::Yes, { seen } };
    if (hybridAccepted && hybrid)
        return { Answer::Yes, { seen, QStringLiteral("the policy accepts a hybrid-joined device") } };
    if (s.isCompliant() == Tristate::False) return { Answer::No, { seen } };
    return { Answer::Unknown, { QStringLiteral("the record does not say whether the device was compliant"), seen } };
}

Fact FactSheet::principalOutOfScope(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const auto c = ask(e, isWorkload() ? "workloadIdentities" : "users");
    if (!c)
        return { Answer::Unknown,
            { QStringLiteral("the definition of '%1' was not loaded, so its exclusions are not known").arg(policy) } };
    const QString line = conditionLine(*c);
    if (c->excluded == whatif::Tri::Yes)
        return { Answer::Yes,
            { line,
                QStringLiteral(
                    "today's definition of '%1' excludes %2, yet the log says the policy applied and failed: "
                    "the policy (or a membership) changed after the sign-in")
                    .arg(policy, principalName()) } };
    if (c->included == whatif::Tri::No)
        return { Answer::Yes,
            { line,
                QStringLiteral(
                    "today's definition of '%1' does not include %2, yet the log says the policy applied and "
                    "failed: the policy changed after the sign-in")
                    .arg(policy, principalName()) } };
    if (c->excluded == whatif::Tri::Unknown)
        return { Answer::Unknown,
            { line,
                QStringLiteral("sign-in logs do not show group or role membership: check whether %1 is in an excluded "
                               "group")
                    .arg(principalName()) } };
    return { Answer::No,
        { QStringLiteral("today's definition of '%1' does not exclude %2").arg(policy, principalName()), line } };
}

} // namespace calens
