// SPDX-License-Identifier: MIT
#include "policyspec.h"

#include "tenant.h"

namespace calens::synth {

namespace {

using P = PolicySpec;
constexpr uint32_t sp(Sp s)
{
    return 1u << s;
}
constexpr PolicyState On = PolicyState::Enabled;
constexpr PolicyState ReportOnly = PolicyState::ReportOnly;
constexpr PolicyState Off = PolicyState::Disabled;

PolicySpec make(const char* name, PolicyState state, uint16_t grant)
{
    PolicySpec p;
    p.name = name;
    p.state = state;
    p.grant = grant;
    return p;
}

PolicySpec build(int i)
{
    switch (i) {
    case 0: {
        auto p = make("CA001: Require MFA for all users", On, Grant::Mfa);
        p.excludeGroups = Grp::BreakGlass | Grp::ServiceAccounts;
        return p;
    }
    case 1: {
        auto p = make("CA002: Require compliant device for Power BI Service", On, Grant::CompliantDevice);
        p.excludeGroups = Grp::BreakGlass | Grp::ServiceAccounts;
        p.apps = resBit(PowerBi);
        return p;
    }
    case 2: {
        auto p = make("CA003: Block legacy authentication", On, Grant::Block);
        p.excludeGroups = Grp::BreakGlass;
        p.clientTypes = (1 << CtExchangeActiveSync) | (1 << CtOther);
        return p;
    }
    case 3: {
        auto p = make("CA004: Block access outside trusted locations", On, Grant::Block);
        p.users = P::Groups;
        p.includeGroups = Grp::DataEngineers | Grp::ServiceAccounts;
        p.location = P::OutsideTrusted;
        return p;
    }
    case 4: {
        auto p = make("CA005: Block high sign-in risk", On, Grant::Block);
        p.excludeGroups = Grp::BreakGlass;
        p.signInRiskHigh = true;
        return p;
    }
    case 5: {
        auto p = make("CA006: Require password change for high user risk", On, Grant::Mfa | Grant::PasswordChange);
        p.excludeGroups = Grp::BreakGlass;
        p.userRiskHigh = true;
        p.session = Session::SignInFrequency;
        return p;
    }
    case 6: {
        auto p = make("CA007: Require approved client app on mobile", On,
            Grant::ApprovedApplication | Grant::CompliantApplication);
        p.orOperator = true;
        p.office365 = true;
        p.platforms = (1 << IOS) | (1 << Android);
        return p;
    }
    case 7: {
        auto p = make("CA008: Require phishing-resistant MFA for admins", On, Grant::AuthenticationStrength);
        p.users = P::AdminRoles;
        p.phishingResistant = true;
        return p;
    }
    case 8: {
        auto p = make("CA009: Require terms of use for guests", On, Grant::TermsOfUse);
        p.users = P::Guests;
        return p;
    }
    case 9: {
        auto p = make("CA010: Block access to Azure Management for contractors", On, Grant::Block);
        p.users = P::Groups;
        p.includeGroups = Grp::Contractors;
        p.apps = resBit(AzureMgmt);
        return p;
    }
    case 10: {
        auto p = make("CA011: Workload identities - block outside trusted locations", On, Grant::Block);
        p.users = P::NoUsers;
        p.sps = P::ListedSps;
        p.includeSps = sp(SpAdf) | sp(SpDatabricks) | sp(SpSalesSync);
        p.location = P::OutsideTrusted;
        return p;
    }
    case 11: {
        auto p = make("CA012: Workload identities - block high service principal risk", On, Grant::Block);
        p.users = P::NoUsers;
        p.sps = P::AllSps;
        p.spRiskHigh = true;
        return p;
    }
    case 12: {
        auto p = make("CA013: Block Azure Databricks except Data Engineers", On, Grant::Block);
        p.excludeGroups = Grp::DataEngineers | Grp::BreakGlass;
        p.apps = resBit(Databricks);
        return p;
    }
    case 13: {
        auto p = make("CA014: Workload identities - block unapproved service principals", On, Grant::Block);
        p.users = P::NoUsers;
        p.sps = P::AllSps;
        p.excludeSps = sp(SpGateway) | sp(SpAdf) | sp(SpDatabricks) | sp(SpSalesSync) | sp(SpBackup);
        return p;
    }
    case 14: {
        auto p = make("CA015: Require MFA for Azure Management", On, Grant::Mfa);
        p.excludeGroups = Grp::BreakGlass;
        p.apps = resBit(AzureMgmt);
        return p;
    }
    case 15: {
        auto p = make("CA016: Require MFA for Power BI Service", On, Grant::Mfa);
        p.excludeGroups = Grp::BreakGlass;
        p.apps = resBit(PowerBi);
        return p;
    }
    case 16: {
        auto p = make("CA017: Block access from blocked countries (report-only)", ReportOnly, Grant::Block);
        p.location = P::BlockedCountries;
        return p;
    }
    case 17: {
        auto p = make("CA018: Require compliant device for admins (report-only)", ReportOnly, Grant::CompliantDevice);
        p.users = P::AdminRoles;
        return p;
    }
    case 18: {
        auto p = make("CA019: Sign-in frequency 8 hours on unmanaged devices", On, 0);
        p.excludeGroups = Grp::BreakGlass;
        p.deviceFilterUnmanaged = true;
        p.session = Session::SignInFrequency | Session::PersistentBrowser;
        return p;
    }
    case 19: {
        auto p = make("CA020: Require Duo MFA for vendors", On, Grant::Other);
        p.users = P::Groups;
        p.includeGroups = Grp::Vendors;
        p.custom = "RequireDuoMfa";
        return p;
    }
    case 20: {
        auto p = make("CA021: Require hybrid joined device for HR Portal", On, Grant::DomainJoinedDevice);
        p.users = P::Groups;
        p.includeGroups = Grp::Hr;
        p.apps = resBit(HrPortal);
        return p;
    }
    case 21:
        return make("CA022: Legacy per-app MFA (disabled)", Off, Grant::Mfa);
    case 22: {
        auto p = make("CA023: Block device code flow", On, Grant::Block);
        p.excludeGroups = Grp::BreakGlass;
        p.deviceCodeFlow = true;
        return p;
    }
    case 23: {
        auto p = make("CA024: Block legacy authentication for guests (report-only)", ReportOnly, Grant::Block);
        p.users = P::Guests;
        p.clientTypes = (1 << CtExchangeActiveSync) | (1 << CtOther);
        return p;
    }
    default: {
        auto p = make("CA025: Require MFA to register or join devices", On, Grant::Mfa);
        p.userAction = true;
        return p;
    }
    }
}

struct Catalog
{
    PolicySpec specs[kPolicyCount];
    Catalog()
    {
        for (int i = 0; i < kPolicyCount; ++i) specs[i] = build(i);
    }
};

} // namespace

const PolicySpec& policySpec(int index)
{
    static const Catalog catalog;
    return catalog.specs[index];
}

} // namespace calens::synth
