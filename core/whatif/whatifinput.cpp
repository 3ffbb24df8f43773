// SPDX-License-Identifier: MIT
#include "whatifinput.h"

#include "model/signinref.h"

#include <algorithm>
#include <cctype>

namespace calens::whatif {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Lower case without spaces, hyphens or underscores: "Mobile Apps and Desktop clients" ->
// "mobileappsanddesktopclients".
std::string squash(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-' && c != '_') out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool startsWith(std::string_view s, std::string_view p)
{
    return s.substr(0, p.size()) == p;
}

} // namespace

std::optional<std::string> WhatIfInput::deviceProperty(std::string_view name) const
{
    std::string key = lower(name);
    if (startsWith(key, "device.")) key.erase(0, 7);
    if (auto it = deviceProperties.find(key); it != deviceProperties.end()) return it->second;
    if (key == "iscompliant" && deviceCompliant) return *deviceCompliant ? "True" : "False";
    if (key == "trusttype" && !deviceTrustType.empty()) return deviceTrustType;
    return std::nullopt;
}

void WhatIfInput::setDeviceProperty(std::string_view name, std::string value)
{
    std::string key = lower(name);
    if (startsWith(key, "device.")) key.erase(0, 7);
    // The documentation spells the physical ids property both ways.
    if (key == "devicephysicalids") key = "physicalids";
    deviceProperties[key] = std::move(value);
}

std::string platformOf(std::string_view os)
{
    const std::string s = squash(os);
    if (s.empty()) return {};
    if (startsWith(s, "windowsphone") || startsWith(s, "windowsmobile")) return "windowsPhone";
    if (startsWith(s, "windows")) return "windows";
    if (startsWith(s, "ios") || startsWith(s, "ipados") || s == "iphone" || s == "ipad") return "iOS";
    if (startsWith(s, "android")) return "android";
    if (startsWith(s, "macos") || startsWith(s, "macosx") || startsWith(s, "osx") || s == "mac") return "macOS";
    if (startsWith(s, "linux") || s == "ubuntu" || s == "redhat" || s == "fedora" || s == "debian") return "linux";
    return {};
}

std::string clientAppTypeOf(std::string_view used)
{
    const std::string s = squash(used);
    if (s.empty()) return {};
    if (s == "browser") return "browser";
    if (s == "mobileappsanddesktopclients") return "mobileAppsAndDesktopClients";
    if (s == "exchangeactivesync" || s == "eassupported") return "exchangeActiveSync";
    // "Mobile Apps and Desktop clients; MAPI" and similar: the legacy protocol after the separator decides.
    if (const size_t semi = s.find(';'); semi != std::string::npos) return clientAppTypeOf(s.substr(semi + 1));
    // Legacy authentication clients: everything the portal lists under "Other clients".
    static const char* const kLegacy[] = { "imap", "imap4", "pop", "pop3", "smtp", "authenticatedsmtp", "mapi",
        "mapioverhttp", "otherclients", "other", "exchangewebservices", "exchangeonlinepowershell", "autodiscover",
        "offlineaddressbook", "outlookanywhere(rpcoverhttp)", "outlookanywhere", "outlookservice",
        "reportingwebservices", "universaloutlook", "exchangeactivesync(legacy)" };
    for (const char* l : kLegacy)
        if (s == l) return "other";
    return {};
}

std::string trustTypeOf(std::string_view t)
{
    const std::string s = squash(t);
    if (s.empty()) return {};
    if (s == "azuread" || s == "azureadjoined" || s == "microsoftentrajoined") return "AzureAD";
    if (s == "serverad" || s == "hybridazureadjoined" || s == "microsoftentrahybridjoined") return "ServerAD";
    if (s == "workplace" || s == "azureadregistered" || s == "microsoftentraregistered") return "Workplace";
    return {};
}

WhatIfInput fromSignIn(const SignInRef& s)
{
    WhatIfInput in;
    const std::string userId(s.str(SF::UserId)), spId(s.str(SF::ServicePrincipalId));
    switch (s.type()) {
    case SignInType::InteractiveUser:
    case SignInType::NonInteractiveUser:
        in.identity = WhatIfInput::Identity::User;
        break;
    case SignInType::ServicePrincipal:
        in.identity = WhatIfInput::Identity::ServicePrincipal;
        break;
    case SignInType::ManagedIdentity:
        in.identity = WhatIfInput::Identity::ManagedIdentity;
        break;
    case SignInType::Unknown:
        if (!userId.empty())
            in.identity = WhatIfInput::Identity::User;
        else if (!spId.empty())
            in.identity = WhatIfInput::Identity::ServicePrincipal;
        break;
    }
    in.userId = userId;
    in.servicePrincipalId = spId;
    in.createdMs = s.createdMs();
    // A workload signs in to its own tenant; a guest's home tenant is another, the resource tenant is ours.
    in.tenantId
        = std::string(s.str(SF::ResourceTenantId).empty() ? s.str(SF::HomeTenantId) : s.str(SF::ResourceTenantId));

    if (in.identity == WhatIfInput::Identity::User) {
        const std::string userType = squash(s.str(SF::UserType));
        const std::string access = squash(s.str(SF::CrossTenantAccessType));
        if (access == "b2bcollaboration")
            in.guestType = userType == "member" ? "b2bCollaborationMember" : "b2bCollaborationGuest";
        else if (access == "b2bdirectconnect")
            in.guestType = "b2bDirectConnectUser";
        else if (access == "serviceprovider")
            in.guestType = "serviceProvider";
        else if (userType == "member")
            in.guestType = "none";
        else if (userType == "guest" && access == "none")
            in.guestType = "internalGuest";
        if (in.guestType && *in.guestType != "none") in.externalTenantId = std::string(s.str(SF::HomeTenantId));
    }

    // Conditional Access evaluates the resource the token is for; the client app is kept apart.
    const std::string_view resource = s.str(SF::ResourceId), app = s.str(SF::AppId);
    if (!resource.empty())
        in.apps.emplace_back(resource);
    else if (!app.empty())
        in.apps.emplace_back(app);
    in.clientAppId = std::string(app);
    for (std::string_view list = s.str(SF::CaAudiences); !list.empty();) {
        const size_t comma = list.find(',');
        if (!list.substr(0, comma).empty()) in.audiences.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }

    in.ipAddress = std::string(s.str(SF::IpAddress));
    if (!s.str(SF::Country).empty()) in.country = std::string(s.str(SF::Country));
    in.platform = platformOf(s.str(SF::OperatingSystem));
    // A record with device details but no platform Conditional Access knows: the platform is unknown or
    // unsupported, which a policy on "any device" with supported platforms excluded still matches.
    const bool deviceDetail = !s.str(SF::OperatingSystem).empty() || !s.str(SF::Browser).empty()
        || !s.str(SF::DeviceId).empty() || !s.str(SF::TrustType).empty() || s.isCompliant() != Tristate::Unset
        || s.isManaged() != Tristate::Unset;
    if (in.platform.empty() && in.identity == WhatIfInput::Identity::User && deviceDetail) in.platform = "unknown";
    in.clientAppType = clientAppTypeOf(s.str(SF::ClientAppUsed));
    auto risk = [](RiskLevel r) {
        return r == RiskLevel::NotSet || r == RiskLevel::Unknown ? std::string() : std::string(name(r));
    };
    in.signInRisk = risk(s.riskDuringSignIn());
    if (in.identity == WhatIfInput::Identity::User) in.userRisk = risk(s.riskAggregated());
    switch (s.transferMethod()) {
    case TransferMethod::None:
        in.authFlow = "none";
        break;
    case TransferMethod::DeviceCodeFlow:
        in.authFlow = "deviceCodeFlow";
        break;
    case TransferMethod::AuthenticationTransfer:
        in.authFlow = "authenticationTransfer";
        break;
    default:
        break;
    }
    if (s.isCompliant() != Tristate::Unset) in.deviceCompliant = s.isCompliant() == Tristate::True;
    in.deviceTrustType = trustTypeOf(s.str(SF::TrustType));
    if (!s.str(SF::DeviceId).empty()) {
        in.deviceRegistered = true;
        in.setDeviceProperty("deviceId", std::string(s.str(SF::DeviceId)));
    }
    if (!s.str(SF::DeviceName).empty()) in.setDeviceProperty("displayName", std::string(s.str(SF::DeviceName)));
    const std::string_view contexts = s.str(SF::AuthContextRefs);
    // "c1:required,c2:previouslySatisfied": the first context the request named, without its detail.
    if (!contexts.empty()) {
        const std::string_view first = contexts.substr(0, contexts.find(','));
        in.authContext = std::string(first.substr(0, first.find(':')));
    }
    return in;
}

} // namespace calens::whatif
