// SPDX-License-Identifier: MIT
#include "enums.h"

#include <array>
#include <charconv>

namespace calens {

namespace {

constexpr char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

template<size_t N> int indexOf(std::string_view text, const std::array<std::string_view, N>& names)
{
    for (size_t i = 0; i < N; ++i)
        if (equalsIgnoreCase(text, names[i])) return int(i);
    return -1;
}

// Lower-case letters and digits only: "Require compliant device" and "RequireCompliantDevice" compare equal.
std::string_view squeeze(std::string_view text, char* buf, size_t cap)
{
    size_t n = 0;
    for (char c : text) {
        c = lower(c);
        if (((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && n < cap) buf[n++] = c;
    }
    return { buf, n };
}

constexpr std::array<std::string_view, 5> kSignInTypes { "interactiveUser", "nonInteractiveUser", "servicePrincipal",
    "managedIdentity", "unknown" };
constexpr std::array<std::string_view, 4> kCaStatus { "success", "failure", "notApplied", "unknown" };
constexpr std::array<std::string_view, 9> kResults { "success", "failure", "notApplied", "notEnabled",
    "reportOnlySuccess", "reportOnlyFailure", "reportOnlyNotApplied", "reportOnlyInterrupted", "unknown" };
constexpr std::array<std::string_view, 7> kRisk { "none", "low", "medium", "high", "hidden", "unknown", "" };
constexpr std::array<std::string_view, 8> kRiskState { "none", "confirmedSafe", "remediated", "dismissed", "atRisk",
    "confirmedCompromised", "unknown", "" };
constexpr std::array<std::string_view, 4> kAuthReq { "", "singleFactorAuthentication", "multiFactorAuthentication",
    "unknown" };
constexpr std::array<std::string_view, 5> kMsi { "", "none", "userAssigned", "systemAssigned", "unknown" };
constexpr std::array<std::string_view, 5> kTransfer { "", "none", "deviceCodeFlow", "authenticationTransfer",
    "unknown" };
constexpr std::array<std::string_view, 10> kStrength { "notSet", "skippedForProofUp", "satisfied",
    "singleChallengeRequired", "multipleChallengesRequired", "singleRegistrationRequired",
    "multipleRegistrationsRequired", "cannotSatisfyDueToCombinationConfiguration", "cannotSatisfy", "unknown" };
constexpr std::array<std::string_view, Grant::Count> kGrant { "block", "mfa", "compliantDevice", "domainJoinedDevice",
    "approvedApplication", "compliantApplication", "passwordChange", "riskRemediation", "authenticationStrength",
    "termsOfUse", "other" };
constexpr std::array<std::string_view, Session::Count> kSession { "applicationEnforcedRestrictions", "cloudAppSecurity",
    "persistentBrowser", "signInFrequency", "continuousAccessEvaluation", "disableResilienceDefaults",
    "secureSignInSession", "other" };
constexpr std::array<std::string_view, Condition::Count> kConditions { "application", "users", "devicePlatform",
    "location", "clientType", "signInRisk", "userRisk", "time", "deviceState", "client", "ipAddressSeenByAzureAD",
    "ipAddressSeenByResourceProvider", "unknownFutureValue", "servicePrincipals", "servicePrincipalRisk",
    "authenticationFlows", "insiderRisk" };
constexpr std::array<std::string_view, NetworkType::Count> kNetworkTypes { "intranet", "extranet", "namedNetwork",
    "trusted", "trustedNamedLocation", "other" };
constexpr std::array<std::string_view, kRuleCount> kRules { "allApps", "firstPartyApps", "office365", "appId", "acr",
    "appFilter", "allUsers", "guest", "groupId", "roleId", "userId", "allDevicePlatforms", "devicePlatform",
    "allLocations", "insideCorpnet", "allTrustedLocations", "locationId", "allDevices", "deviceFilter", "deviceState",
    "unknownFutureValue", "deviceFilterIncludeRuleNotMatched", "allDeviceStates", "anonymizedIPAddress",
    "unfamiliarFeatures", "nationStateIPAddress", "realTimeThreatIntelligence", "internalGuest",
    "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider",
    "microsoftAdminPortals", "deviceCodeFlow", "authenticationTransfer", "insiderRisk" };

} // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string_view name(SignInType v)
{
    return kSignInTypes[size_t(v)];
}
std::string_view name(CaStatus v)
{
    return kCaStatus[size_t(v)];
}
std::string_view name(PolicyResult v)
{
    return kResults[size_t(v)];
}
std::string_view name(RiskLevel v)
{
    return kRisk[size_t(v)];
}
std::string_view name(RiskState v)
{
    return kRiskState[size_t(v)];
}
std::string_view name(AuthRequirement v)
{
    return kAuthReq[size_t(v)];
}
std::string_view name(MsiType v)
{
    return kMsi[size_t(v)];
}
std::string_view name(TransferMethod v)
{
    return kTransfer[size_t(v)];
}
std::string_view name(AuthStrengthResult v)
{
    return kStrength[size_t(v)];
}
std::string_view grantName(int bit)
{
    return bit >= 0 && bit < Grant::Count ? kGrant[size_t(bit)] : "";
}
std::string_view sessionName(int bit)
{
    return bit >= 0 && bit < Session::Count ? kSession[size_t(bit)] : "";
}
std::string_view conditionName(int bit)
{
    return bit >= 0 && bit < Condition::Count ? kConditions[size_t(bit)] : "";
}
std::string_view networkTypeName(int bit)
{
    return bit >= 0 && bit < NetworkType::Count ? kNetworkTypes[size_t(bit)] : "";
}
std::string_view ruleName(uint8_t rule)
{
    return rule < kRuleCount ? kRules[rule] : "unknown";
}

SignInType parseSignInType(std::string_view text)
{
    int i = indexOf(text, kSignInTypes);
    if (i < 0 && equalsIgnoreCase(text, "noninteractiveuser")) i = 1;
    return i < 0 ? SignInType::Unknown : SignInType(i);
}

CaStatus parseCaStatus(std::string_view text)
{
    int i = indexOf(text, kCaStatus);
    return i < 0 ? CaStatus::Unknown : CaStatus(i);
}

PolicyResult parsePolicyResult(std::string_view text)
{
    int i = indexOf(text, kResults);
    return i < 0 ? PolicyResult::Unknown : PolicyResult(i);
}

RiskLevel parseRiskLevel(std::string_view text)
{
    if (text.empty()) return RiskLevel::NotSet;
    int i = indexOf(text, kRisk);
    return i < 0 ? RiskLevel::Unknown : RiskLevel(i);
}

RiskState parseRiskState(std::string_view text)
{
    if (text.empty()) return RiskState::NotSet;
    int i = indexOf(text, kRiskState);
    return i < 0 ? RiskState::Unknown : RiskState(i);
}

AuthRequirement parseAuthRequirement(std::string_view text)
{
    if (text.empty()) return AuthRequirement::NotSet;
    int i = indexOf(text, kAuthReq);
    return i < 0 ? AuthRequirement::Unknown : AuthRequirement(i);
}

MsiType parseMsiType(std::string_view text)
{
    if (text.empty()) return MsiType::NotSet;
    char buf[32];
    std::string_view s = squeeze(text, buf, sizeof buf);
    if (s == "none") return MsiType::None;
    if (s == "userassigned" || s == "userassignedidentity") return MsiType::UserAssigned;
    if (s == "systemassigned" || s == "systemassignedidentity") return MsiType::SystemAssigned;
    return MsiType::Unknown;
}

TransferMethod parseTransferMethod(std::string_view text)
{
    if (text.empty()) return TransferMethod::NotSet;
    int i = indexOf(text, kTransfer);
    return i < 0 ? TransferMethod::Unknown : TransferMethod(i);
}

AuthStrengthResult parseAuthStrengthResult(std::string_view text)
{
    int i = indexOf(text, kStrength);
    return i < 0 ? AuthStrengthResult::Unknown : AuthStrengthResult(i);
}

uint16_t parseGrantControl(std::string_view text)
{
    char buf[64];
    std::string_view s = squeeze(text, buf, sizeof buf);
    if (s.empty()) return 0;
    if (s.size() > 7 && s.substr(0, 7) == "require") s.remove_prefix(7);
    if (s == "mfa" || s == "multifactorauthentication") return Grant::Mfa;
    if (s == "block" || s == "blockaccess") return Grant::Block;
    if (s == "compliantdevice" || s == "devicetobemarkedascompliant") return Grant::CompliantDevice;
    if (s == "domainjoineddevice" || s == "hybridazureadjoineddevice" || s == "hybridjoineddevice"
        || s == "microsoftentrahybridjoineddevice")
        return Grant::DomainJoinedDevice;
    if (s == "approvedapplication" || s == "approvedapp" || s == "approvedclientapp") return Grant::ApprovedApplication;
    if (s == "compliantapplication" || s == "compliantapp" || s == "appprotectionpolicy")
        return Grant::CompliantApplication;
    if (s == "passwordchange") return Grant::PasswordChange;
    if (s == "riskremediation") return Grant::RiskRemediation;
    if (s == "authenticationstrength" || s == "authstrength") return Grant::AuthenticationStrength;
    if (s == "termsofuse" || s == "tou") return Grant::TermsOfUse;
    return Grant::Other;
}

uint16_t parseSessionControl(std::string_view text)
{
    char buf[64];
    std::string_view s = squeeze(text, buf, sizeof buf);
    if (s.empty()) return 0;
    if (s == "applicationenforcedrestrictions" || s == "appenforcedcontrols" || s == "requireappenforcedcontrols"
        || s == "useappenforcedrestrictions")
        return Session::ApplicationEnforcedRestrictions;
    if (s == "cloudappsecurity" || s == "conditionalaccessappcontrol" || s == "mcas") return Session::CloudAppSecurity;
    if (s == "persistentbrowser" || s == "persistentbrowsersession") return Session::PersistentBrowser;
    if (s == "signinfrequency") return Session::SignInFrequency;
    if (s == "continuousaccessevaluation") return Session::ContinuousAccessEvaluation;
    if (s == "disableresiliencedefaults") return Session::DisableResilienceDefaults;
    // Token protection: sign-in logs write "SignInTokenProtection" (before mid-2023 "Binding"), policies
    // secureSignInSession (identity/conditional-access/concept-token-protection.md).
    if (s == "securesigninsession" || s == "tokenprotection" || s == "signintokenprotection" || s == "binding")
        return Session::SecureSignInSession;
    return Session::Other;
}

int conditionBitOf(std::string_view conditionName)
{
    return indexOf(conditionName, kConditions);
}

uint32_t parseConditions(std::string_view text, bool* hadUnknown)
{
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (text.empty()) return 0;
    if (text.front() >= '0' && text.front() <= '9') {
        uint32_t v = 0;
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() && hadUnknown) *hadUnknown = true;
        (void)p;
        return v;
    }
    uint32_t flags = 0;
    while (!text.empty()) {
        size_t comma = text.find(',');
        std::string_view part = text.substr(0, comma);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty() && !equalsIgnoreCase(part, "none")) {
            int bit = conditionBitOf(part);
            if (bit >= 0)
                flags |= 1u << bit;
            else if (hadUnknown)
                *hadUnknown = true;
        }
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return flags;
}

uint8_t parseNetworkType(std::string_view text)
{
    int i = indexOf(text, kNetworkTypes);
    return i < 0 ? uint8_t(NetworkType::Other) : uint8_t(1u << i);
}

uint8_t parseRule(std::string_view text)
{
    int i = indexOf(text, kRules);
    if (i < 0 && equalsIgnoreCase(text, "accountTransfer")) i = 35; // the beta doc's spelling
    return i < 0 ? kRuleUnknown : uint8_t(i);
}

} // namespace calens
