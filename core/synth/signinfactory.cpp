// SPDX-License-Identifier: MIT
#include "signinfactory.h"

#include "policyspec.h"
#include "rng.h"
#include "tenant.h"

namespace calens::synth {

namespace {

struct ClientApp
{
    const char* browserId;
    const char* browserName;
    const char* desktopId;
    const char* desktopName;
};
constexpr const char* kAzCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const ClientApp kClients[ResCount] = {
    { "871c010f-5e61-4fb1-83ac-98610a7e9110", "Microsoft Power BI", "7f67af8a-fedc-4b08-8b4e-37c4d127b6cf",
        "Power BI Desktop" },
    { "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", kAzCli, "Microsoft Azure CLI" },
    { "9199bf20-a13f-4107-85dc-02114787ef48", "One Outlook Web", "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "Microsoft Office" },
    { "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online", "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "Microsoft Office" },
    { "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", "Microsoft Teams Web Client", "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        "Microsoft Teams" },
    { "de8bc8b5-d9f9-48b1-a8ad-b748da725064", "Graph Explorer", "14d82eec-204b-4c2f-b7e8-296a70dab67e",
        "Microsoft Graph Command Line Tools" },
    { "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", "AzureDatabricks", kAzCli, "Microsoft Azure CLI" },
    { "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", kAzCli, "Microsoft Azure CLI" },
    { "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", "a94f9c62-97fe-4d19-b06d-472bed8d2bcf",
        "Azure Data Studio" },
    { "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", kAzCli, "Microsoft Azure CLI" },
    { "5f0c1d2e-7b3a-4c59-9e61-2a8d4b7c9e10", "Contoso HR Portal", "5f0c1d2e-7b3a-4c59-9e61-2a8d4b7c9e10",
        "Contoso HR Portal" },
};
const char* kOs[PlatformCount] = { "Windows10", "MacOs", "Ios", "Android", "Linux" };
const char* kBrowsers[PlatformCount]
    = { "Edge 128.0.2739", "Safari 17.5", "Mobile Safari 17.6", "Chrome Mobile 128.0.6613", "Chrome 128.0.0" };
const char* kBrowserAgents[PlatformCount] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 "
    "Safari/537.36 Edg/128.0.2739.42",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.6613.127 Mobile "
    "Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
};

const char* failureReason(int32_t code)
{
    switch (code) {
    case 0:
        return "";
    case 50126:
        return "Error validating credentials due to invalid username or password.";
    case 50076:
        return "Due to a configuration change made by your administrator, or because you moved to a new location, "
               "you must use multi-factor authentication to access the resource.";
    case 50074:
        return "Strong Authentication is required.";
    case 50140:
        return "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.";
    case 500212:
        return "NotAllowedByOutboundPolicyTenant - The user's administrator has set an outbound access policy that "
               "doesn't allow access to the resource tenant.";
    case 53002:
        return "Application used for the request is not an approved app for Conditional Access.";
    default:
        return "Access has been blocked by Conditional Access policies. The access policy does not allow token "
               "issuance.";
    }
}

uint64_t hashOf(std::string_view s)
{
    uint64_t h = 1469598103934665603ULL;
    for (char c : s) h = (h ^ uint8_t(c)) * 1099511628211ULL;
    return h;
}

void appendHex4(std::string& out, uint32_t v)
{
    static const char* hex = "0123456789abcdef";
    for (int i = 3; i >= 0; --i) out += hex[(v >> (i * 4)) & 15];
}

} // namespace

void SignInFactory::evaluate(SignInDraft& d)
{
    d.policyCount = 0;
    for (int i = 0; i < kPolicyCount; ++i) {
        PolicyEvalDraft& p = d.addPolicy();
        p.id = m_t.policyIds[size_t(i)];
        p.displayName = policySpec(i).name;
        evaluatePolicy(policySpec(i), m_ctx, p);
    }
}

void SignInFactory::make(Scenario scenario, int64_t createdMs, SignInDraft& d)
{
    int32_t errorCode = setupScenario(scenario, m_t, m_rng, m_ctx);
    d.clear();
    d.policyDetail = Tristate::True;
    evaluate(d);
    auto failed = [&] {
        for (size_t i = 0; i < d.policyCount; ++i)
            if (d.policies[i].result == PolicyResult::Failure) return true;
        return false;
    };
    const bool mayFail = scenario >= Scenario::MfaRequired && scenario != Scenario::KmsiInterrupt
        && scenario != Scenario::UnknownBlock && scenario != Scenario::CrossTenant;
    if (!mayFail && failed()) { // random traffic hit a policy by accident: make it comply
        satisfyEverything(m_ctx);
        evaluate(d);
    }
    d.caStatus = CaStatus::NotApplied;
    for (size_t i = 0; i < d.policyCount; ++i) {
        if (d.policies[i].result == PolicyResult::Failure) d.caStatus = CaStatus::Failure;
        if (d.policies[i].result == PolicyResult::Success && d.caStatus != CaStatus::Failure)
            d.caStatus = CaStatus::Success;
    }
    if (scenario == Scenario::UnknownBlock) d.caStatus = CaStatus::Failure;

    d.createdMs = createdMs;
    d.type = m_ctx.type;
    d.isInteractive = m_ctx.type == SignInType::InteractiveUser ? Tristate::True : Tristate::False;
    m_rng.guid(m_id);
    m_rng.guid(m_correlation);
    m_rng.token(m_token);
    d.set(SF::Id, m_id);
    d.set(SF::OriginalRequestId, m_id);
    d.set(SF::CorrelationId, m_correlation);
    d.set(SF::UniqueTokenId, m_token);
    fillIdentity(d);
    fillNetwork(d);
    fillDevice(d);
    fillStatus(d, errorCode);
}

void SignInFactory::fillIdentity(SignInDraft& d)
{
    const SignInCtx& c = m_ctx;
    const Resource& res = Tenant::resource(c.res);
    d.set(SF::ResourceId, res.appId);
    d.set(SF::ResourceDisplayName, res.name);
    d.set(SF::ResourceTenantId, m_t.tenantId);
    d.set(SF::AuthenticationProtocol, c.deviceCode ? "deviceCode" : "none");
    d.msiType = MsiType::None; // what Graph reports for everything but managed identities
    if (c.user) {
        const User& u = *c.user;
        d.set(SF::UserId, u.id);
        d.set(SF::UserDisplayName, u.displayName);
        d.set(SF::UserPrincipalName, u.upn);
        d.set(SF::UserType, u.guest ? "guest" : "member");
        d.set(SF::HomeTenantId, u.guest ? m_t.partnerTenantId : m_t.tenantId);
        d.set(SF::CrossTenantAccessType, u.guest ? "b2bCollaboration" : "none");
        d.set(SF::ClientCredentialType, "none");
        const ClientApp& app = kClients[c.res];
        const bool browser = c.clientType == CtBrowser;
        d.set(SF::AppId, browser ? app.browserId : app.desktopId);
        d.set(SF::AppDisplayName, browser ? app.browserName : app.desktopName);
        if (c.res == Exchange && !c.approvedApp) {
            d.set(SF::AppId, "f8d98a96-0999-43f5-8af3-69971c7bb423");
            d.set(SF::AppDisplayName, "iOS Accounts");
        }
        static const char* kClientApps[]
            = { "Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync", "IMAP4" };
        d.set(SF::ClientAppUsed, kClientApps[c.clientType]);
        d.set(SF::IncomingTokenType,
            c.type == SignInType::NonInteractiveUser ? "refreshToken"
                : c.device == Device::Corporate      ? "primaryRefreshToken"
                                                     : "none");
        d.authRequirement
            = c.mfaDone && !c.caNotEvaluated ? AuthRequirement::MultiFactor : AuthRequirement::SingleFactor;
        d.transferMethod = c.deviceCode ? TransferMethod::DeviceCodeFlow : TransferMethod::None;
        d.riskDuringSignIn = c.signInRisk;
        d.riskAggregated = c.userRisk;
        d.riskState
            = (c.signInRisk == RiskLevel::High || c.userRisk == RiskLevel::High) ? RiskState::AtRisk : RiskState::None;
        d.set(SF::RiskDetail, "none");
        if (c.signInRisk == RiskLevel::High) d.set(SF::RiskEventTypes, "anonymizedIPAddress,unfamiliarFeatures");
        if (c.userRisk == RiskLevel::High) d.set(SF::RiskEventTypes, "leakedCredentials");
        return;
    }
    const AppIdentity& a = m_t.sps[size_t(c.sp)];
    d.set(SF::ServicePrincipalId, a.spId);
    d.set(SF::ServicePrincipalName, a.name);
    d.set(SF::AppId, a.appId);
    d.set(SF::AppDisplayName, a.name);
    d.set(SF::HomeTenantId, m_t.tenantId);
    d.set(SF::CrossTenantAccessType, "none");
    d.set(SF::IncomingTokenType, "none");
    d.authRequirement = AuthRequirement::SingleFactor;
    d.riskDuringSignIn = d.riskAggregated = RiskLevel::None;
    d.riskState = RiskState::None;
    if (c.type == SignInType::ManagedIdentity) {
        d.msiType = a.msi;
        d.set(SF::MsiAssociatedResourceId, a.resourceId);
        d.set(SF::ClientCredentialType, "managedIdentity");
    } else {
        d.set(SF::ClientCredentialType, c.sp == SpGateway || c.sp == SpBackup ? "certificate" : "clientSecret");
        if (c.spRiskHigh) {
            d.riskDuringSignIn = RiskLevel::High;
            d.riskState = RiskState::AtRisk;
            d.set(SF::RiskEventTypes, "suspiciousSignins");
        }
    }
}

void SignInFactory::fillNetwork(SignInDraft& d)
{
    const Site& s = Tenant::site(m_ctx.site);
    if (m_ctx.site == 0 && m_ctx.user && m_rng.chance(200)) { // HQ has IPv6 too
        m_ip = "2a01:111:f40c:1a2b:";
        for (int i = 0; i < 4; ++i) {
            appendHex4(m_ip, m_rng.below(0x10000));
            if (i < 3) m_ip += ':';
        }
    } else {
        const uint32_t hosts = (1u << (32 - s.prefix)) - 2;
        const uint32_t a = s.base + 1 + m_rng.below(hosts);
        m_ip = std::to_string(a >> 24) + '.' + std::to_string((a >> 16) & 255) + '.' + std::to_string((a >> 8) & 255)
            + '.' + std::to_string(a & 255);
    }
    d.set(SF::IpAddress, m_ip);
    d.set(SF::City, s.city);
    d.set(SF::State, s.state);
    d.set(SF::Country, s.country);
    if (*s.networkName) {
        d.networkTypes = s.trusted ? NetworkType::TrustedNamedLocation : NetworkType::NamedNetwork;
        d.set(SF::NetworkNames, s.networkName);
    }
}

void SignInFactory::fillDevice(SignInDraft& d)
{
    const SignInCtx& c = m_ctx;
    if (!c.user) {
        d.set(SF::UserAgent, "");
        return;
    }
    const bool browser = c.clientType == CtBrowser;
    d.set(SF::OperatingSystem, kOs[c.platform]);
    d.set(SF::Browser, browser ? kBrowsers[c.platform] : "Rich Client 4.61.3.0");
    d.set(SF::UserAgent,
        browser                                    ? kBrowserAgents[c.platform]
            : c.clientType == CtExchangeActiveSync ? "Apple-iPhone15C2/2106.126"
            : c.res == PowerBi && c.type == SignInType::NonInteractiveUser
            ? "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)"
            : "Mozilla/5.0 (compatible; MSAL 1.0) PKeyAuth/1.0");
    d.isCompliant = c.compliant ? Tristate::True : Tristate::False;
    const bool managed = c.device == Device::Corporate || c.device == Device::Hybrid || c.device == Device::Phone;
    d.isManaged = managed ? Tristate::True : Tristate::False;
    // One stable device per user and kind, so the same laptop shows up across sign-ins.
    const uint64_t h = hashOf(c.user->id) ^ (uint64_t(c.device) * 0x9e3779b97f4a7c15ULL);
    Rng local(h);
    const std::string digits = std::to_string(1000 + h % 9000);
    const char* trust = "";
    switch (c.device) {
    case Device::None:
    case Device::Byod:
        return;
    case Device::Corporate:
        trust = "Azure AD joined";
        m_deviceName = (c.platform == MacOS ? "Contoso-MBP-" : "CONTOSO-LT-") + digits;
        break;
    case Device::Hybrid:
        trust = "Hybrid Azure AD joined";
        m_deviceName = "CONTOSO-WS-" + digits;
        break;
    case Device::Phone:
        trust = "Azure AD registered";
        m_deviceName = c.platform == IOS ? "iPhone" : "Galaxy S23";
        break;
    case Device::GatewayVm: // not registered: Entra only sees the OS from the user agent
        d.set(SF::OperatingSystem, "Windows Server 2022");
        return;
    case Device::IrHost:
        trust = "Azure AD registered";
        d.set(SF::OperatingSystem, "Windows Server 2019");
        m_deviceName = "IR-HOST-02";
        break;
    case Device::DatabricksDriver:
        d.set(SF::OperatingSystem, "Linux");
        return;
    }
    local.guid(m_deviceId);
    d.set(SF::DeviceId, m_deviceId);
    d.set(SF::DeviceName, m_deviceName);
    d.set(SF::TrustType, trust);
}

void SignInFactory::fillStatus(SignInDraft& d, int32_t errorCode)
{
    d.errorCode = errorCode;
    d.hasErrorCode = true;
    d.set(SF::FailureReason, failureReason(errorCode));
    if (errorCode == 50076) d.set(SF::AdditionalDetails, "MFA required in Azure AD");
    if (errorCode == 53003 || errorCode == 53002)
        d.set(SF::AdditionalDetails,
            "If this is unexpected, see the Conditional Access policy that applied to this request in the "
            "Azure Portal or contact your administrator.");
}

} // namespace calens::synth
