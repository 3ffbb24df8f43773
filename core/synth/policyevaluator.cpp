// SPDX-License-Identifier: MIT
// The synthetic tenant's own policy evaluator. It is kept apart from core/whatif/ on purpose: it is the oracle the
// tests compare the What-If (and the diagnosis built on it) against, so it must never call into, or share code
// with, the evaluator it checks. It works on the tenant's compact PolicySpec, not on Graph JSON.
#include "model/signindraft.h"
#include "policyspec.h"
#include "signinctx.h"
#include "tenant.h"

namespace calens::synth {

namespace {

// conditionalAccessConditions bit indices and conditionalAccessRule members used here.
enum Cond : uint8_t
{
    CApplication = 0,
    CUsers = 1,
    CPlatform = 2,
    CLocation = 3,
    CClientType = 4,
    CSignInRisk = 5,
    CUserRisk = 6,
    CDeviceState = 8,
    CServicePrincipals = 13,
    CSpRisk = 14,
    CAuthFlows = 15
};
enum Rule : uint8_t
{
    AllApps = 0,
    Office365 = 2,
    AppId = 3,
    AllUsers = 6,
    Guest = 7,
    GroupId = 8,
    RoleId = 9,
    DevicePlatform = 12,
    AllLocations = 13,
    AllTrustedLocations = 15,
    LocationId = 16,
    DeviceFilter = 18,
    DeviceCodeFlow = 34
};

struct Matcher
{
    PolicyEvalDraft& out;
    bool applies = true;
    void check(uint8_t cond, bool ok, uint8_t rule = kRuleUnknown)
    {
        if (ok) {
            out.conditionsSatisfied |= 1u << cond;
            if (rule != kRuleUnknown) out.includeRules.push_back({ cond, rule, {} });
        } else {
            out.conditionsNotSatisfied |= 1u << cond;
            applies = false;
        }
    }
    void excluded(uint8_t cond, uint8_t rule)
    {
        out.conditionsSatisfied &= ~(1u << cond);
        out.conditionsNotSatisfied |= 1u << cond;
        out.excludeRules.push_back({ cond, rule, {} });
        applies = false;
    }
};

void matchIdentity(const PolicySpec& s, const SignInCtx& c, Matcher& m)
{
    if (!c.user) { // workload identity
        const uint32_t bit = 1u << c.sp;
        if (s.sps == PolicySpec::NoSps) return m.check(CUsers, false);
        m.check(CServicePrincipals, s.sps == PolicySpec::AllSps || (s.includeSps & bit));
        if (s.excludeSps & bit) m.excluded(CServicePrincipals, kRuleUnknown);
        return;
    }
    const User& u = *c.user;
    switch (s.users) {
    case PolicySpec::NoUsers:
        return m.check(CServicePrincipals, false);
    case PolicySpec::AllUsers:
        m.check(CUsers, true, AllUsers);
        break;
    case PolicySpec::Guests:
        m.check(CUsers, u.guest, Guest);
        break;
    case PolicySpec::AdminRoles:
        m.check(CUsers, u.admin, RoleId);
        break;
    case PolicySpec::Groups:
        m.check(CUsers, (u.groups & s.includeGroups) != 0, GroupId);
        break;
    }
    if (m.applies && (u.groups & s.excludeGroups)) m.excluded(CUsers, GroupId);
}

bool officeApp(int res)
{
    return res == Exchange || res == SharePoint || res == Teams;
}

// Which required controls the sign-in cannot satisfy.
uint16_t unmetControls(const PolicySpec& s, const SignInCtx& c)
{
    uint16_t unmet = 0;
    auto need = [&](uint16_t bit, bool ok) {
        if ((s.grant & bit) && !ok) unmet |= bit;
    };
    need(Grant::Block, false);
    need(Grant::Mfa, c.mfaDone);
    need(Grant::CompliantDevice, c.compliant);
    need(Grant::DomainJoinedDevice, c.domainJoined);
    need(Grant::ApprovedApplication, c.approvedApp);
    need(Grant::CompliantApplication, c.approvedApp);
    need(Grant::PasswordChange, c.userRisk != RiskLevel::High); // a risky user cannot change it silently
    need(Grant::AuthenticationStrength, c.strongAuth);
    need(Grant::TermsOfUse, c.touAccepted);
    return unmet;
}

} // namespace

void evaluatePolicy(const PolicySpec& s, const SignInCtx& c, PolicyEvalDraft& out)
{
    const bool reportOnly = s.state == PolicyState::ReportOnly;
    if (s.phishingResistant) {
        out.authStrengthId = "00000000-0000-0000-0000-000000000004";
        out.authStrengthName = "Phishing-resistant MFA";
    }
    if (s.state == PolicyState::Disabled) {
        out.result = PolicyResult::NotEnabled;
        return;
    }
    out.grant = s.grant;
    if (s.custom) out.customGrants.push_back(s.custom);
    if (c.caNotEvaluated || c.type == SignInType::ManagedIdentity) { // CA does not evaluate these
        out.result = reportOnly ? PolicyResult::ReportOnlyNotApplied : PolicyResult::NotApplied;
        return;
    }

    Matcher m { out };
    if (s.userAction)
        m.check(CApplication, false);
    else if (s.office365)
        m.check(CApplication, officeApp(c.res), Office365);
    else
        m.check(CApplication, s.apps == 0 || (s.apps & (1u << c.res)), s.apps == 0 ? AllApps : AppId);
    matchIdentity(s, c, m);
    if (s.platforms) m.check(CPlatform, (s.platforms >> c.platform) & 1, DevicePlatform);
    if (s.clientTypes) m.check(CClientType, (s.clientTypes >> c.clientType) & 1);
    const Site& site = Tenant::site(c.site);
    if (s.location == PolicySpec::OutsideTrusted) {
        m.check(CLocation, true, AllLocations);
        if (site.trusted) m.excluded(CLocation, AllTrustedLocations);
    } else if (s.location == PolicySpec::BlockedCountries) {
        m.check(CLocation, std::string_view(site.country) == "RU", LocationId);
    }
    if (s.signInRiskHigh) m.check(CSignInRisk, c.signInRisk == RiskLevel::High);
    if (s.userRiskHigh) m.check(CUserRisk, c.userRisk == RiskLevel::High);
    if (s.spRiskHigh) m.check(CSpRisk, c.spRiskHigh);
    if (s.deviceCodeFlow) m.check(CAuthFlows, c.deviceCode, DeviceCodeFlow);
    if (s.deviceFilterUnmanaged) m.check(CDeviceState, !c.compliant, DeviceFilter);

    if (!m.applies) {
        out.result = reportOnly ? PolicyResult::ReportOnlyNotApplied : PolicyResult::NotApplied;
        if (s.phishingResistant) out.authStrengthResult = AuthStrengthResult::NotSet;
        return;
    }
    out.session = s.session;
    const uint16_t unmet = unmetControls(s, c);
    const bool satisfied = s.grant == 0 || (s.orOperator ? unmet != s.grant : unmet == 0);
    if (s.phishingResistant)
        out.authStrengthResult = c.strongAuth ? AuthStrengthResult::Satisfied : AuthStrengthResult::CannotSatisfy;
    if (!reportOnly) {
        out.result = satisfied ? PolicyResult::Success : PolicyResult::Failure;
    } else if (satisfied) {
        out.result = PolicyResult::ReportOnlySuccess;
    } else {
        // A prompt the user could answer would only have interrupted the sign-in.
        const bool prompt = (unmet & ~(Grant::Mfa | Grant::TermsOfUse)) == 0 && c.type == SignInType::InteractiveUser;
        out.result = prompt ? PolicyResult::ReportOnlyInterrupted : PolicyResult::ReportOnlyFailure;
    }
}

} // namespace calens::synth
