// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calens {
class SignInRef;
}

namespace calens::whatif {

// A sign-in to evaluate the policies against, real (fromSignIn) or hypothetical (the `whatif` options).
// Every std::optional / empty field means "not known": a condition that needs it is reported as
// "not enough information", never assumed.
struct WhatIfInput
{
    enum class Identity : uint8_t
    {
        Unknown,
        User,
        ServicePrincipal,
        ManagedIdentity // a workload identity that Conditional Access for workload identities does not cover
    };
    Identity identity = Identity::Unknown;
    std::string userId; // user sign-ins
    std::string servicePrincipalId; // workload identities (object id of the service principal)
    std::optional<std::vector<std::string>> groupIds; // transitive membership; nullopt = not known
    std::optional<std::vector<std::string>> roleTemplateIds; // directory roles; nullopt = not known
    // guestOrExternalUserTypes flag name ("b2bCollaborationGuest", ...), "none" for a member; nullopt = not known
    std::optional<std::string> guestType;
    std::string externalTenantId; // home tenant of a guest/external user, when known

    std::string tenantId; // the tenant the sign-in happened in (who owns a single-tenant service principal)

    std::vector<std::string> apps; // the target resources (app ids) the sign-in asks for
    // The services Conditional Access evaluated for the request when the log says (conditionalAccessAudiences):
    // what an umbrella resource such as Microsoft Graph stood for.
    std::vector<std::string> audiences;
    std::string clientAppId; // the client application (logged sign-ins; used for admin portals)
    std::string userAction; // "registerSecurityInformation" | "registerOrJoinDevices"
    std::string authContext; // "c1".."c99"

    std::string ipAddress;
    std::optional<std::string> country; // ISO alpha-2; "" = the IP maps to no known country
    // android|iOS|windows|macOS|linux|windowsPhone, or "unknown": the sign-in named no platform Conditional Access
    // recognises (empty = not known at all).
    std::string platform;
    std::string clientAppType; // browser|mobileAppsAndDesktopClients|exchangeActiveSync|other
    std::string signInRisk, userRisk, servicePrincipalRisk; // low|medium|high|none|hidden
    std::string insiderRisk; // minor|moderate|elevated|none
    std::string authFlow; // deviceCodeFlow|authenticationTransfer|none
    std::optional<bool> deviceCompliant;
    std::string deviceTrustType; // AzureAD|ServerAD|Workplace
    std::map<std::string, std::string> deviceProperties; // lower-case name without "device." -> value
    // False: the device is not registered in the directory, so every device property is null (device filters).
    std::optional<bool> deviceRegistered;
    int64_t createdMs = INT64_MIN; // when the sign-in happened: some rules changed over time

    // The value a device filter rule sees for `device.<name>`, or nullopt when not known.
    std::optional<std::string> deviceProperty(std::string_view name) const;
    void setDeviceProperty(std::string_view name, std::string value); // "device." prefix optional
};

// The hypothetical sign-in a logged one stands for: identity, resource and client app, IP and country,
// platform, client app type, risk, flow, device state. Group and role membership are never in a log.
WhatIfInput fromSignIn(const SignInRef& signIn);

// Normalisations of the strings logs write (exposed for tests). Empty result = not recognised.
std::string platformOf(std::string_view operatingSystem);
std::string clientAppTypeOf(std::string_view clientAppUsed);
std::string trustTypeOf(std::string_view logTrustType);

} // namespace calens::whatif
