// SPDX-License-Identifier: MIT
// Facts about the sign-in as a whole: its error code, who signed in and how, and what required MFA when no
// Conditional Access policy failed.
#include "facts.h"
#include "flowchart.h"

#include <algorithm>

namespace calens {

namespace {

bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    if (needle.empty() || haystack.size() < needle.size()) return false;
    for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (equalsIgnoreCase(haystack.substr(i, needle.size()), needle)) return true;
    return false;
}

// The comma-joined list as a set of tokens, compared without case.
bool listHas(std::string_view list, std::string_view token)
{
    while (!list.empty()) {
        const size_t comma = list.find(',');
        if (equalsIgnoreCase(list.substr(0, comma), token)) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

// The apps of mandatory MFA for Azure (identity/authentication/concept-mandatory-multifactor-authentication.md):
// Azure portal (also the Entra and Intune admin centers), Azure CLI, Azure PowerShell, the Azure mobile app.
constexpr std::string_view kMandatoryMfaApps[] = {
    "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
    "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
    "1950a258-227b-4e31-a9cf-717495945fc2",
    "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa",
};

// Codes that ask for MFA (or its registration) rather than refuse: reference-error-codes.md names a Conditional
// Access policy, per-user MFA or a new location as the source of 50076 and 50079.
bool mfaCode(int code)
{
    return code == 50072 || code == 50074 || code == 50076 || code == 50079;
}

} // namespace

Fact FactSheet::caErrorCode(const PolicyEval*) const
{
    if (!m_signIn.hasErrorCode()) return { Answer::Unknown, { QStringLiteral("the record has no error code") } };
    const int code = m_signIn.errorCode();
    const auto& codes = Flowchart::builtIn().codes;
    const auto it = codes.find(code);
    QString reason = qs(m_signIn.str(SF::FailureReason));
    QString line = QStringLiteral("status.errorCode is %1").arg(code);
    if (it != codes.end()) line += QStringLiteral(" (%1)").arg(QString::fromStdString(it->second.name));
    if (!reason.isEmpty()) line += QStringLiteral("; failureReason: \"%1\"").arg(reason);
    Fact f { Answer::No, { line } };
    if (it != codes.end()) {
        f.answer = it->second.conditionalAccess ? Answer::Yes : Answer::No;
        f.evidence << QString::fromStdString(it->second.text);
    } else if (m_signIn.caStatus() == CaStatus::Failure) {
        f.answer = Answer::Yes;
    }
    f.evidence << QStringLiteral("conditionalAccessStatus is %1").arg(qs(name(m_signIn.caStatus())));
    return f;
}

Fact FactSheet::hasPolicyDetail(const PolicyEval*) const
{
    switch (m_signIn.policyDetail()) {
    case Tristate::True:
        return { Answer::Yes,
            { QStringLiteral("appliedConditionalAccessPolicies lists %1 policies").arg(m_signIn.evals().size()) } };
    case Tristate::False:
        return { Answer::No,
            { QStringLiteral("appliedConditionalAccessPolicies is null: the reader lacked permission "
                             "to see Conditional Access detail (Policy.Read.All)") } };
    case Tristate::Unset:
        break;
    }
    return { Answer::No,
        { QStringLiteral("the record carries no appliedConditionalAccessPolicies (a CSV download, or "
                         "read without Conditional Access permission)") } };
}

Fact FactSheet::hasFailingPolicy(const PolicyEval*) const
{
    Fact f { Answer::No, {} };
    for (const PolicyEval* e : failing()) {
        f.answer = Answer::Yes;
        const QStringList controls = controlsOf(*e);
        f.evidence << QStringLiteral("'%1' reported failure%2")
                          .arg(qs(m_signIn.policyName(*e)),
                              controls.isEmpty()
                                  ? QString()
                                  : QStringLiteral("; it required: ") + controls.join(QStringLiteral(", ")));
    }
    if (f.answer == Answer::No)
        f.evidence
            << QStringLiteral("none of the %1 policies in the record reported failure").arg(m_signIn.evals().size());
    return f;
}

Fact FactSheet::principalRunsJob(const PolicyEval*) const
{
    switch (m_signIn.type()) {
    case SignInType::ServicePrincipal:
    case SignInType::ManagedIdentity:
        return { Answer::Yes,
            { QStringLiteral("the sign-in is a %1 sign-in (%2)").arg(principalKind(), principalName()) } };
    case SignInType::NonInteractiveUser:
        return { Answer::Yes,
            { QStringLiteral("%1 signed in non-interactively (a refresh token or a background job, "
                             "no person at the prompt)")
                    .arg(principalName()) } };
    case SignInType::InteractiveUser:
        return { Answer::No, { QStringLiteral("%1 signed in interactively").arg(principalName()) } };
    case SignInType::Unknown:
        break;
    }
    return { Answer::Unknown, { QStringLiteral("the record does not say whether the sign-in was interactive") } };
}

Fact FactSheet::interactiveUser(const PolicyEval* p) const
{
    Fact f = principalRunsJob(p);
    if (f.answer == Answer::Yes)
        f.answer = Answer::No;
    else if (f.answer == Answer::No)
        f.answer = Answer::Yes;
    if (f.answer == Answer::No && m_signIn.type() == SignInType::NonInteractiveUser
        && m_signIn.authRequirement() == AuthRequirement::SingleFactor)
        f.evidence << QStringLiteral("authenticationRequirement is singleFactorAuthentication: the refresh token it "
                                     "used carries no MFA claim from the sign-in that issued it");
    if (f.answer == Answer::Yes && containsIgnoreCase(m_signIn.str(SF::AuthenticationProtocol), "ropc")) {
        // The resource owner password credentials grant sends a password and can answer no prompt at all.
        f.answer = Answer::No;
        f.evidence << QStringLiteral("authenticationProtocol is %1: a password grant (ROPC) cannot answer an MFA "
                                     "prompt, interactive or not")
                          .arg(quoted(m_signIn.str(SF::AuthenticationProtocol)));
    }
    return f;
}

Fact FactSheet::cannotAnswerPrompt(const PolicyEval* p) const
{
    Fact f = interactiveUser(p);
    if (f.answer == Answer::Yes)
        f.answer = Answer::No;
    else if (f.answer == Answer::No)
        f.answer = Answer::Yes;
    return f;
}

Fact FactSheet::principalIsExternal(const PolicyEval*) const
{
    if (isWorkload()) return { Answer::No, { QStringLiteral("a workload identity is not a guest") } };
    const whatif::WhatIfInput& in = input();
    const QString seen = QStringLiteral("userType %1, crossTenantAccessType %2, homeTenantId %3, resourceTenantId %4")
                             .arg(quoted(m_signIn.str(SF::UserType)), quoted(m_signIn.str(SF::CrossTenantAccessType)),
                                 quoted(m_signIn.str(SF::HomeTenantId)), quoted(m_signIn.str(SF::ResourceTenantId)));
    const std::string_view home = m_signIn.str(SF::HomeTenantId), resource = m_signIn.str(SF::ResourceTenantId);
    const bool otherHome = !home.empty() && !resource.empty() && !equalsIgnoreCase(home, resource);
    if ((in.guestType && *in.guestType != "none") || otherHome)
        return { Answer::Yes,
            { QStringLiteral("%1 signs in from another tenant (%2)").arg(principalName(), seen),
                QStringLiteral("Conditional Access asks a guest for MFA and device state in this tenant; the home "
                               "tenant's claims count only when the inbound cross-tenant trust settings accept "
                               "them") } };
    if (in.guestType)
        return { Answer::No, { QStringLiteral("%1 is a member of this tenant (%2)").arg(principalName(), seen) } };
    return { Answer::Unknown,
        { QStringLiteral("the record does not say whether the user is a guest (%1)").arg(seen) } };
}

Fact FactSheet::securityDefaultsApplied(const PolicyEval*) const
{
    const std::string_view providers = m_signIn.str(SF::AuthRequirementPolicies);
    if (m_signIn.hasErrorCode() && m_signIn.errorCode() == 530035)
        return { Answer::Yes,
            { QStringLiteral("status.errorCode is 530035: security defaults blocked the request (legacy "
                             "authentication or a request they deem unsafe)") } };
    if (listHas(providers, "securityDefaults") || listHas(providers, "mfaRegistrationRequiredBySecurityDefaults"))
        return { Answer::Yes,
            { QStringLiteral("authenticationRequirementPolicies names %1: the requirement came from security "
                             "defaults, which are not Conditional Access and have no exclusions")
                    .arg(quoted(providers)) } };
    return { Answer::No,
        { providers.empty() ? QStringLiteral("nothing in the record points at security defaults")
                            : QStringLiteral("authenticationRequirementPolicies names %1, not security defaults")
                                  .arg(quoted(providers)) } };
}

Fact FactSheet::mfaRequiredCode(const PolicyEval*) const
{
    if (!m_signIn.hasErrorCode()) return { Answer::Unknown, { QStringLiteral("the record has no error code") } };
    const int code = m_signIn.errorCode();
    if (!mfaCode(code))
        return { Answer::No, { QStringLiteral("status.errorCode %1 is not an MFA requirement").arg(code) } };
    Fact f { Answer::Yes,
        { QStringLiteral("status.errorCode is %1: multifactor authentication (or its registration) was required")
                .arg(code) } };
    if (const std::string_view providers = m_signIn.str(SF::AuthRequirementPolicies); !providers.empty())
        f.evidence << QStringLiteral("authenticationRequirementPolicies names %1").arg(quoted(providers));
    return f;
}

Fact FactSheet::azureMandatoryMfa(const PolicyEval*) const
{
    if (isWorkload())
        return { Answer::No, { QStringLiteral("mandatory MFA for Azure does not apply to workload identities") } };
    const std::string_view app = m_signIn.str(SF::AppId);
    const bool azureApp = std::any_of(std::begin(kMandatoryMfaApps), std::end(kMandatoryMfaApps),
        [app](std::string_view a) { return equalsIgnoreCase(a, app); });
    if (!azureApp)
        return { Answer::No,
            { QStringLiteral("the client app %1 is not one mandatory Azure MFA covers").arg(quoted(app)) } };
    // Mandatory MFA asks for MFA (a prompt); a refusal such as 53003 comes from a policy.
    if (!m_signIn.hasErrorCode() || !mfaCode(m_signIn.errorCode()))
        return { Answer::No, { QStringLiteral("the sign-in did not fail for want of MFA") } };
    if (m_signIn.policyDetail() != Tristate::True)
        return { Answer::Unknown,
            { QStringLiteral("the client app %1 is covered by mandatory MFA for Azure, but without per-policy "
                             "detail a Conditional Access policy cannot be ruled out")
                    .arg(quoted(m_signIn.str(SF::AppDisplayName).empty() ? app : m_signIn.str(SF::AppDisplayName))) } };
    return { Answer::Yes,
        { QStringLiteral("%1 is covered by mandatory MFA for Azure and the admin portals, and no Conditional "
                         "Access policy failed: the requirement is Microsoft's, not a policy's, and cannot be "
                         "excluded")
                .arg(quoted(m_signIn.str(SF::AppDisplayName).empty() ? app : m_signIn.str(SF::AppDisplayName))) } };
}

Fact FactSheet::sessionProtocolTracked(const PolicyEval*) const
{
    // identity/conditional-access/concept-authentication-flows.md: a session that once used device code flow or
    // authentication transfer stays protocol tracked through later refreshes; originalTransferMethod shows it.
    const TransferMethod original = m_signIn.transferMethod();
    const std::string_view protocol = m_signIn.str(SF::AuthenticationProtocol);
    if (original != TransferMethod::DeviceCodeFlow && original != TransferMethod::AuthenticationTransfer)
        return { Answer::No, { QStringLiteral("originalTransferMethod is %1").arg(quoted(name(original))) } };
    if (protocol.empty())
        return { Answer::Unknown,
            { QStringLiteral("originalTransferMethod is %1 but the record does not name the protocol of this request")
                    .arg(qs(name(original))) } };
    const bool thisRequest = original == TransferMethod::DeviceCodeFlow
        ? containsIgnoreCase(protocol, "deviceCode")
        : containsIgnoreCase(protocol, "authenticationTransfer");
    if (thisRequest)
        return { Answer::No,
            { QStringLiteral("this request itself used %1 (authenticationProtocol %2)")
                    .arg(qs(name(original)), quoted(protocol)) } };
    return { Answer::Yes,
        { QStringLiteral("this request used %1, yet originalTransferMethod is %2: the session is protocol tracked "
                         "since an earlier %2 sign-in, and stays so through its refreshes")
                .arg(quoted(protocol), qs(name(original))) } };
}

Fact FactSheet::signInFrequencyExpired(const PolicyEval* p) const
{
    if (m_signIn.hasErrorCode() && m_signIn.errorCode() == 70043)
        return { Answer::Yes,
            { QStringLiteral("status.errorCode is 70043: the refresh token expired under a Conditional Access "
                             "sign-in frequency") } };
    if (p && (p->sessionNotSatisfied & Session::SignInFrequency))
        return { Answer::Yes,
            { QStringLiteral("'%1' lists its sign-in frequency among the session controls not satisfied")
                    .arg(qs(m_signIn.policyName(*p))) } };
    const std::string_view lifetimes = m_signIn.str(SF::SessionLifetimePolicies);
    const bool sif = listHas(lifetimes, "signInFrequencyPeriodicReauthentication")
        || listHas(lifetimes, "signInFrequencyEveryTime");
    if (sif && m_signIn.type() == SignInType::NonInteractiveUser)
        return { Answer::Yes,
            { QStringLiteral("sessionLifetimePolicies names %1: a sign-in frequency ended the stored session, and a "
                             "job cannot sign in again by itself")
                    .arg(quoted(lifetimes)) } };
    return { Answer::No,
        { lifetimes.empty() ? QStringLiteral("nothing in the record points at a sign-in frequency")
                            : QStringLiteral("sessionLifetimePolicies names %1").arg(quoted(lifetimes)) } };
}

} // namespace calens
