// SPDX-License-Identifier: MIT
#include "scenario.h"

#include "rng.h"
#include "signinctx.h"
#include "tenant.h"

namespace calens::synth {

namespace {

// Indices into Tenant::users (see the Tenant constructor).
constexpr int kMembers = 48, kBreakGlass = 48, kSvcRefresh = 49, kSvcGateway = 50, kSvcAdf = 51, kSvcDatabricks = 52,
              kFirstGuest = 53, kGuests = 5;
constexpr int kIncidentDay = 9; // the scheduled-refresh incident starts here

struct Weight
{
    Scenario s;
    uint32_t perTenThousand;
};
const Weight kWeights[] = {
    { Scenario::BadPassword, 180 },
    { Scenario::MfaRequired, 100 },
    { Scenario::MfaInterrupt, 70 },
    { Scenario::KmsiInterrupt, 90 },
    { Scenario::CrossTenant, 25 },
    { Scenario::DeviceNotCompliant, 70 },
    { Scenario::UntrustedLocation, 50 },
    { Scenario::WorkloadNotExcluded, 40 },
    { Scenario::IdentityRisk, 40 },
    { Scenario::BlockPolicy, 30 },
    { Scenario::ApprovedApp, 30 },
    { Scenario::AuthStrength, 20 },
    { Scenario::TermsOfUse, 20 },
    { Scenario::UnknownBlock, 10 },
};

void setDevice(SignInCtx& c, Device d)
{
    c.device = d;
    c.compliant = d == Device::Corporate || d == Device::Hybrid || d == Device::Phone;
    c.domainJoined = d == Device::Hybrid;
}

const User* member(const Tenant& t, Rng& rng, int from = 0, int to = kMembers)
{
    return &t.users[size_t(rng.range(from, to - 1))];
}

void ordinaryUser(const Tenant& t, Rng& rng, SignInCtx& c)
{
    c.type = rng.chance(560) ? SignInType::InteractiveUser : SignInType::NonInteractiveUser;
    const uint32_t who = rng.below(1000);
    if (who < 30 && c.type == SignInType::InteractiveUser)
        c.user = &t.users[size_t(kFirstGuest) + rng.below(kGuests)];
    else if (who < 34 && c.type == SignInType::InteractiveUser)
        c.user = &t.users[kBreakGlass];
    else
        c.user = member(t, rng);
    const User& u = *c.user;

    static const uint8_t kRes[]
        = { Exchange, Exchange, Exchange, Exchange, Exchange, SharePoint, SharePoint, SharePoint, SharePoint, Teams,
              Teams, Teams, Teams, PowerBi, PowerBi, Graph, AzureMgmt, Storage, Sql, KeyVault };
    c.res = rng.pick(kRes);
    if (c.res == AzureMgmt && (u.groups & Grp::Contractors)) c.res = SharePoint;
    if ((u.groups & Grp::DataEngineers) && rng.chance(300)) c.res = Databricks;
    if ((u.groups & Grp::Hr) && rng.chance(300)) c.res = HrPortal;

    const uint32_t p = rng.below(100);
    c.platform = p < 60 ? Windows : p < 72 ? MacOS : p < 86 ? IOS : p < 95 ? Android : Linux;
    if (c.platform == Linux && !(u.groups & Grp::DataEngineers)) c.platform = Windows;
    c.clientType = rng.chance(450) ? CtBrowser : CtMobileDesktop;

    if (u.guest) {
        c.site = 9;
        setDevice(c, Device::Byod);
    } else {
        const uint32_t s = rng.below(100);
        c.site = s < 65 ? u.homeSite : s < 93 ? (u.homeSite == 1 ? 3 : 4) : s < 98 ? 5 : 7;
        if (u.groups & Grp::DataEngineers) c.site = u.homeSite;
        if (c.platform == IOS || c.platform == Android)
            setDevice(c, rng.chance(850) ? Device::Phone : Device::Byod);
        else
            setDevice(c,
                rng.chance(880) ? (c.platform == Windows && rng.chance(200) ? Device::Hybrid : Device::Corporate)
                                : Device::Byod);
    }
    c.strongAuth = !u.admin || rng.chance(950);
    const uint32_t r = rng.below(1000);
    c.signInRisk = r < 20 ? RiskLevel::Low : r < 28 ? RiskLevel::Medium : RiskLevel::None;
    c.userRisk = rng.chance(15) ? RiskLevel::Low : RiskLevel::None;
}

void ordinaryWorkload(const Tenant& t, Rng& rng, SignInCtx& c)
{
    if (rng.chance(600)) {
        c.type = SignInType::ServicePrincipal;
        c.user = nullptr;
        static const uint8_t kSps[] = { SpGateway, SpAdf, SpAdf, SpDatabricks, SpDatabricks, SpSalesSync, SpBackup };
        c.sp = rng.pick(kSps);
    } else {
        c.type = SignInType::ManagedIdentity;
        c.sp = rng.range(MiFunction, MiIrHost);
    }
    static const uint8_t kRes[SpCount][2]
        = { { PowerBi, Sql }, { Storage, Sql }, { Storage, KeyVault }, { Storage, Sql }, { Graph, Graph },
              { Storage, Storage }, { KeyVault, Storage }, { Sql, Storage }, { Storage, KeyVault } };
    c.res = kRes[c.sp][rng.below(2)];
    c.site = t.sps[size_t(c.sp)].site;
    c.mfaDone = false;
    setDevice(c, Device::None);
}

int32_t cause(Scenario s, const Tenant& t, Rng& rng, SignInCtx& c)
{
    const uint32_t v = rng.below(100);
    switch (s) {
    case Scenario::DeviceNotCompliant:
        c.user = member(t, rng, 3, 26);
        c.res = PowerBi;
        c.platform = Windows;
        c.site = c.user->homeSite;
        if (v < 40) { // configuring the on-premises data gateway on its VM
            setDevice(c, Device::GatewayVm);
        } else if (v < 65) { // token refresh from the self-hosted integration runtime host
            c.type = SignInType::NonInteractiveUser;
            c.clientType = CtMobileDesktop;
            c.site = 2;
            setDevice(c, Device::IrHost);
        } else if (v < 80) { // notebook on a Databricks driver node publishing to Power BI
            c.type = SignInType::NonInteractiveUser;
            c.user = &t.users[size_t(rng.range(36, 41))];
            c.platform = Linux;
            c.site = 2;
            setDevice(c, Device::DatabricksDriver);
        } else if (v < 90) {
            setDevice(c, Device::Byod);
        } else { // HR portal requires a hybrid-joined device
            c.user = member(t, rng, 26, 30);
            c.res = HrPortal;
            setDevice(c, Device::Corporate);
        }
        return 53003;
    case Scenario::MfaNonInteractive:
        c.type = SignInType::NonInteractiveUser;
        c.mfaDone = false;
        c.clientType = CtMobileDesktop;
        setDevice(c, Device::None);
        if (v < 75) { // scheduled Power BI dataset refresh with the refresh account's stored credentials
            c.user = &t.users[v < 55 ? kSvcRefresh : kSvcGateway];
            c.res = PowerBi;
            c.site = 0;
        } else { // ADF linked service deploying through Azure Resource Manager
            c.user = &t.users[kSvcAdf];
            c.res = AzureMgmt;
            c.site = 2;
        }
        return 53003;
    case Scenario::UntrustedLocation:
        if (v < 45) { // Databricks workspace egress is not a trusted named location
            c.type = SignInType::ServicePrincipal;
            c.user = nullptr;
            c.sp = v < 30 ? SpDatabricks : SpAdf;
            c.res = Storage;
            c.site = 6;
            c.mfaDone = false;
            setDevice(c, Device::None);
        } else if (v < 75) { // a data engineer working from home
            c.user = &t.users[size_t(rng.range(36, 41))];
            c.res = rng.chance(500) ? Databricks : Sql;
            c.site = c.user->homeSite == 1 ? 3 : 4;
            setDevice(c, Device::Corporate);
        } else {
            c.type = SignInType::NonInteractiveUser;
            c.user = &t.users[kSvcDatabricks];
            c.res = Storage;
            c.site = 6;
            c.mfaDone = false;
            setDevice(c, Device::DatabricksDriver);
        }
        return 53003;
    case Scenario::WorkloadNotExcluded:
        c.mfaDone = false;
        setDevice(c, Device::None);
        if (v < 55) { // a new service principal nobody excluded from the workload-identity block
            c.type = SignInType::ServicePrincipal;
            c.user = nullptr;
            c.sp = SpFabric;
            c.res = rng.chance(500) ? Storage : Sql;
            c.site = 2;
        } else { // the Databricks job account is not in the Data Engineers exclusion group
            c.type = SignInType::NonInteractiveUser;
            c.user = &t.users[kSvcDatabricks];
            c.res = Databricks;
            c.site = 2;
            setDevice(c, Device::DatabricksDriver);
        }
        return 53003;
    case Scenario::IdentityRisk:
        if (v < 50) {
            c.user = member(t, rng, 3, 26);
            c.site = 8;
            c.signInRisk = RiskLevel::High;
            setDevice(c, Device::Byod);
        } else if (v < 80) {
            c.type = SignInType::NonInteractiveUser;
            c.user = member(t, rng, 3, 26);
            c.userRisk = RiskLevel::High;
        } else {
            c.type = SignInType::ServicePrincipal;
            c.user = nullptr;
            c.sp = SpSalesSync;
            c.res = Graph;
            c.site = 2;
            c.spRiskHigh = true;
            c.mfaDone = false;
            setDevice(c, Device::None);
        }
        return 53003;
    case Scenario::BlockPolicy:
        if (v < 55) {
            c.user = member(t, rng, 30, 34);
            c.res = AzureMgmt;
        } else if (v < 85) {
            c.user = member(t, rng, 3, 26);
            c.res = Exchange;
            c.platform = IOS;
            c.clientType = v < 75 ? CtExchangeActiveSync : CtOther;
            setDevice(c, Device::Phone);
        } else {
            c.user = member(t, rng, 3, 26);
            c.res = AzureMgmt;
            c.clientType = CtMobileDesktop;
            c.deviceCode = true;
        }
        return 53003;
    case Scenario::ApprovedApp:
        c.user = member(t, rng, 3, 26);
        c.res = Exchange;
        c.platform = v < 60 ? IOS : Android;
        c.clientType = CtMobileDesktop;
        c.approvedApp = false;
        setDevice(c, Device::Byod);
        return v % 4 == 0 ? 53002 : 53003;
    case Scenario::AuthStrength:
        c.user = &t.users[size_t(rng.range(0, 2))];
        c.res = v < 50 ? AzureMgmt : Graph;
        c.strongAuth = false;
        return 53003;
    case Scenario::TermsOfUse:
        c.user = &t.users[size_t(kFirstGuest) + rng.below(kGuests)];
        c.site = 9;
        c.touAccepted = false;
        setDevice(c, Device::Byod);
        return 53003;
    default:
        return 53003;
    }
}

} // namespace

Scenario pickScenario(Rng& rng, size_t index, size_t count, int dayOfWindow)
{
    const size_t forced = size_t(kCauseCount) + 1; // every cause plus one non-CA failure
    const size_t stride = count / forced;
    if (stride > 0 && index % stride == stride / 2 && index / stride < forced) {
        const size_t k = index / stride;
        return k < size_t(kCauseCount) ? Scenario(kFirstCause + int(k)) : Scenario::BadPassword;
    }
    uint32_t r = rng.below(10000);
    const uint32_t refreshWeight = dayOfWindow >= kIncidentDay ? 200 : 40;
    if (r < refreshWeight) return Scenario::MfaNonInteractive;
    r -= refreshWeight;
    for (const Weight& w : kWeights) {
        if (r < w.perTenThousand) return w.s;
        r -= w.perTenThousand;
    }
    return Scenario::Ordinary;
}

int32_t setupScenario(Scenario s, const Tenant& t, Rng& rng, SignInCtx& c)
{
    c = SignInCtx {};
    if (s == Scenario::Ordinary || s == Scenario::UnknownBlock) {
        if (rng.chance(800))
            ordinaryUser(t, rng, c);
        else
            ordinaryWorkload(t, rng, c);
        return s == Scenario::UnknownBlock ? 53003 : 0;
    }
    // Everything else starts from an interactive member on a corporate laptop in the office.
    ordinaryUser(t, rng, c);
    c.type = SignInType::InteractiveUser;
    c.user = member(t, rng, 3, 26);
    c.site = c.user->homeSite;
    c.platform = Windows;
    c.clientType = CtBrowser;
    c.signInRisk = c.userRisk = RiskLevel::None;
    setDevice(c, Device::Corporate);
    if (c.res == AzureMgmt || c.res == Databricks || c.res == HrPortal || c.res == PowerBi) c.res = SharePoint;
    switch (s) {
    case Scenario::BadPassword:
        c.caNotEvaluated = true;
        return 50126;
    case Scenario::CrossTenant:
        c.user = &t.users[size_t(kFirstGuest) + rng.below(kGuests)];
        c.site = 9;
        c.caNotEvaluated = true;
        return 500212;
    case Scenario::MfaRequired:
        c.mfaDone = false;
        return 50076;
    case Scenario::MfaInterrupt:
        c.mfaDone = false;
        return 50074;
    case Scenario::KmsiInterrupt:
        return 50140;
    default:
        return cause(s, t, rng, c);
    }
}

void satisfyEverything(SignInCtx& c)
{
    if (c.user && !c.compliant)
        c.device = (c.platform == IOS || c.platform == Android) ? Device::Phone : Device::Corporate;
    if (c.user && c.res == HrPortal) c.device = Device::Hybrid;
    c.mfaDone = c.compliant = c.domainJoined = c.approvedApp = c.strongAuth = c.touAccepted = true;
    c.deviceCode = c.spRiskHigh = false;
    c.signInRisk = c.userRisk = RiskLevel::None;
    if (c.user) c.site = c.user->guest ? 9 : c.user->homeSite;
    if (c.clientType >= CtExchangeActiveSync) c.clientType = CtMobileDesktop;
    if (c.res == AzureMgmt || c.res == Databricks) c.res = SharePoint;
    if (c.sp >= 0 && c.type == SignInType::ServicePrincipal) c.site = 2;
}

} // namespace calens::synth
