// SPDX-License-Identifier: MIT
#include "signinbuilder.h"

#include "inputreport.h"
#include "keytable.h"
#include "timestamp.h"

#include <charconv>
#include <cmath>
#include <optional>

namespace calens {

namespace {

using K = SignInKey;
#define E(name, key)                                                                                                   \
    {                                                                                                                  \
        name, int(K::key)                                                                                              \
    }

const KeyTable& topKeys()
{
    static const KeyTable table {
        E("id", Id),
        E("createdDateTime", CreatedDateTime),
        E("time", TimeGenerated),
        E("timeGenerated", TimeGenerated),
        E("correlationId", CorrelationId),
        E("originalRequestId", OriginalRequestId),
        E("uniqueTokenIdentifier", UniqueTokenId),
        E("userId", UserId),
        E("userDisplayName", UserDisplayName),
        E("userPrincipalName", UserPrincipalName),
        E("userType", UserType),
        E("servicePrincipalId", ServicePrincipalId),
        E("servicePrincipalName", ServicePrincipalName),
        E("managedServiceIdentity", ManagedServiceIdentity),
        E("appId", AppId),
        E("appDisplayName", AppDisplayName),
        E("resourceId", ResourceId),
        E("resourceIdentity", ResourceIdentity),
        E("resourceDisplayName", ResourceDisplayName),
        E("ipAddress", IpAddress),
        E("location", Location),
        E("locationDetails", LocationDetails),
        E("clientAppUsed", ClientAppUsed),
        E("userAgent", UserAgent),
        E("status", Status),
        E("resultType", ResultType),
        E("resultDescription", ResultDescription),
        E("deviceDetail", DeviceDetail),
        E("riskDetail", RiskDetail),
        E("riskLevelDuringSignIn", RiskLevelDuringSignIn),
        E("riskLevelAggregated", RiskLevelAggregated),
        E("riskState", RiskState),
        E("riskEventTypes_v2", RiskEventTypes),
        E("riskEventTypesV2", RiskEventTypes),
        E("riskEventTypes", RiskEventTypes),
        E("authenticationRequirement", AuthenticationRequirement),
        E("networkLocationDetails", NetworkLocationDetails),
        E("appliedConditionalAccessPolicies", AppliedPolicies),
        E("conditionalAccessPolicies", AppliedPolicies),
        E("conditionalAccessStatus", ConditionalAccessStatus),
        E("isInteractive", IsInteractive),
        E("signInEventTypes", SignInEventTypes),
        E("authenticationProtocol", AuthenticationProtocol),
        E("clientCredentialType", ClientCredentialType),
        E("crossTenantAccessType", CrossTenantAccessType),
        E("homeTenantId", HomeTenantId),
        E("resourceTenantId", ResourceTenantId),
        E("incomingTokenType", IncomingTokenType),
        E("originalTransferMethod", OriginalTransferMethod),
        E("authenticationContextClassReferences", AuthContextRefs),
        E("category", Category),
        E("type", Category),
        E("properties", Properties),
        E("callerIpAddress", CallerIpAddress),
        // Windows PowerShell / SDK spellings that differ by more than case
        E("managedIdentityType", MsiType),
        E("ipAddressFromResourceProvider", IpFromResource),
        E("conditionalAccessAudiences", CaAudiences),
        E("tokenProtectionStatusDetails", TokenProtectionDetails),
        E("signInTokenProtectionStatus", TokenProtectionStatus),
        E("authenticationRequirementPolicies", AuthRequirementPolicies),
        E("sessionLifetimePolicies", SessionLifetimePolicies),
    };
    return table;
}

#undef E

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// An error code as Entra writes it: an integer, or in some exports an integral number like 53003.0.
std::optional<int32_t> errorCodeOf(std::string_view s)
{
    if (s.empty()) return std::nullopt;
    int64_t i = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
    if (ec == std::errc() && p == s.data() + s.size()) {
        if (i < INT32_MIN || i > INT32_MAX) return std::nullopt;
        return int32_t(i);
    }
    double d = 0;
    auto [q, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 != std::errc() || q != s.data() + s.size() || d != std::floor(d) || d < INT32_MIN || d > INT32_MAX)
        return std::nullopt;
    return int32_t(d);
}

Tristate tristate(JVal& v)
{
    bool b;
    return v.toBool(b) ? (b ? Tristate::True : Tristate::False) : Tristate::Unset;
}

SignInType typeFromCategory(std::string_view s)
{
    if (equalsIgnoreCase(s, "SignInLogs") || equalsIgnoreCase(s, "interactiveUser")) return SignInType::InteractiveUser;
    if (equalsIgnoreCase(s, "NonInteractiveUserSignInLogs") || equalsIgnoreCase(s, "AADNonInteractiveUserSignInLogs"))
        return SignInType::NonInteractiveUser;
    if (equalsIgnoreCase(s, "ServicePrincipalSignInLogs") || equalsIgnoreCase(s, "AADServicePrincipalSignInLogs")
        || equalsIgnoreCase(s, "MicrosoftServicePrincipalSignInLogs"))
        return SignInType::ServicePrincipal;
    if (equalsIgnoreCase(s, "ManagedIdentitySignInLogs") || equalsIgnoreCase(s, "AADManagedIdentitySignInLogs"))
        return SignInType::ManagedIdentity;
    return SignInType::Unknown;
}

CaStatus caStatusOf(std::string_view s)
{
    CaStatus st = parseCaStatus(s);
    if (st == CaStatus::Unknown && (equalsIgnoreCase(s, "Not Applied") || equalsIgnoreCase(s, "not_applied")))
        st = CaStatus::NotApplied;
    return st;
}

} // namespace

SignInKey signInKeyFor(std::string_view name)
{
    return SignInKey(topKeys().find(name, int(SignInKey::Unknown)));
}

void SignInBuilder::begin()
{
    m_d.clear();
    m_truncated = 0;
    m_explicitType = m_categoryType = SignInType::Unknown;
    m_resultType = m_resultDescription = m_timeGenerated = m_resourceIdentity = m_portalStatus = m_callerIp = {};
}

std::string_view SignInBuilder::joinStrings(JVal& v, std::string& scratch)
{
    scratch.clear();
    const bool isList = v.elements([&](JVal& e) {
        std::string_view s = e.str();
        if (s.empty()) return;
        if (!scratch.empty()) scratch += ',';
        scratch += s;
    });
    if (!isList) return v.str();
    return scratch;
}

void SignInBuilder::apply(SignInKey key, JVal& v)
{
    switch (key) {
    case K::Unknown:
    case K::Count:
        return;
    case K::Id:
        m_d.set(SF::Id, trimmed(v.str()));
        return;
    case K::CreatedDateTime:
        m_d.createdMs = parseTimestamp(v.str());
        return;
    case K::TimeGenerated:
        m_timeGenerated = v.str();
        return;
    case K::CorrelationId:
        m_d.set(SF::CorrelationId, trimmed(v.str()));
        return;
    case K::OriginalRequestId:
        m_d.set(SF::OriginalRequestId, v.str());
        return;
    case K::UniqueTokenId:
        m_d.set(SF::UniqueTokenId, v.str());
        return;
    case K::UserId:
        m_d.set(SF::UserId, v.str());
        return;
    case K::UserDisplayName:
        m_d.set(SF::UserDisplayName, v.str());
        return;
    case K::UserPrincipalName:
        m_d.set(SF::UserPrincipalName, v.str());
        return;
    case K::UserType:
        m_d.set(SF::UserType, v.str());
        return;
    case K::ServicePrincipalId:
        m_d.set(SF::ServicePrincipalId, v.str());
        return;
    case K::ServicePrincipalName:
        m_d.set(SF::ServicePrincipalName, v.str());
        return;
    case K::AppId:
        m_d.set(SF::AppId, v.str());
        return;
    case K::AppDisplayName:
        m_d.set(SF::AppDisplayName, v.str());
        return;
    case K::ResourceId: {
        // Log Analytics and the diagnostic envelope use ResourceId for the Azure resource path.
        std::string_view s = v.str();
        if (!s.starts_with('/')) m_d.set(SF::ResourceId, s);
        return;
    }
    case K::ResourceIdentity:
        m_resourceIdentity = v.str();
        return;
    case K::ResourceDisplayName:
        m_d.set(SF::ResourceDisplayName, v.str());
        return;
    case K::IpAddress:
        m_d.set(SF::IpAddress, trimmed(v.str()));
        return;
    case K::CallerIpAddress:
        m_callerIp = trimmed(v.str());
        return;
    case K::ClientAppUsed:
        m_d.set(SF::ClientAppUsed, v.str());
        return;
    case K::UserAgent:
        m_d.set(SF::UserAgent, v.str());
        return;
    case K::ResultType:
        m_resultType = v.str();
        return;
    case K::ResultDescription:
        m_resultDescription = v.str();
        return;
    case K::StatusErrorCode: {
        // Empty and null mean "not given"; anything else that is not a 32-bit integer is counted so the
        // reader can say how many codes it could not use instead of dropping them silently.
        const JVal::Kind kind = v.kind();
        if (kind == JVal::Kind::Null || kind == JVal::Kind::Error) return;
        const bool container = kind == JVal::Kind::Object || kind == JVal::Kind::Array;
        const std::string_view text = container ? std::string_view() : trimmed(v.str());
        if (kind == JVal::Kind::String && text.empty()) return;
        if (const auto code = errorCodeOf(text)) {
            m_d.errorCode = *code;
            m_d.hasErrorCode = true;
        } else if (m_badErrorCodes++ == 0) {
            m_firstBadErrorCode = text.empty() ? std::string("a JSON object or list") : std::string(text.substr(0, 40));
        }
        return;
    }
    case K::StatusFailureReason:
        m_d.set(SF::FailureReason, v.str());
        return;
    case K::StatusAdditionalDetails:
        m_d.set(SF::AdditionalDetails, v.str());
        return;
    case K::PortalStatus:
        m_portalStatus = v.str();
        return;
    case K::DeviceId:
        m_d.set(SF::DeviceId, v.str());
        return;
    case K::DeviceName:
        m_d.set(SF::DeviceName, v.str());
        return;
    case K::DeviceOs:
        m_d.set(SF::OperatingSystem, v.str());
        return;
    case K::DeviceBrowser:
        m_d.set(SF::Browser, v.str());
        return;
    case K::DeviceCompliant:
        m_d.isCompliant = tristate(v);
        return;
    case K::DeviceManaged:
        m_d.isManaged = tristate(v);
        return;
    case K::DeviceTrustType:
        m_d.set(SF::TrustType, v.str());
        return;
    case K::RiskDetail:
        m_d.set(SF::RiskDetail, v.str());
        return;
    case K::RiskLevelDuringSignIn:
        m_d.riskDuringSignIn = parseRiskLevel(v.str());
        return;
    case K::RiskLevelAggregated:
        m_d.riskAggregated = parseRiskLevel(v.str());
        return;
    case K::RiskState:
        m_d.riskState = parseRiskState(v.str());
        return;
    case K::RiskEventTypes:
        m_d.set(SF::RiskEventTypes, joinStrings(v, m_d.scratch[0]));
        return;
    case K::AuthenticationRequirement:
        m_d.authRequirement = parseAuthRequirement(v.str());
        return;
    case K::ConditionalAccessStatus:
        m_d.caStatus = caStatusOf(trimmed(v.str()));
        return;
    case K::IsInteractive:
        m_d.isInteractive = tristate(v);
        return;
    case K::SignInEventTypes: {
        SignInType first = SignInType::Unknown;
        const bool isList = v.elements([&](JVal& e) {
            if (first == SignInType::Unknown) first = parseSignInType(e.str());
        });
        if (!isList) first = parseSignInType(trimmed(v.str()));
        m_explicitType = first;
        return;
    }
    case K::AuthenticationProtocol:
        m_d.set(SF::AuthenticationProtocol, v.str());
        return;
    case K::ClientCredentialType:
        m_d.set(SF::ClientCredentialType, v.str());
        return;
    case K::CrossTenantAccessType:
        m_d.set(SF::CrossTenantAccessType, v.str());
        return;
    case K::HomeTenantId:
        m_d.set(SF::HomeTenantId, v.str());
        return;
    case K::ResourceTenantId:
        m_d.set(SF::ResourceTenantId, v.str());
        return;
    case K::IncomingTokenType:
        m_d.set(SF::IncomingTokenType, v.str());
        return;
    case K::OriginalTransferMethod:
        m_d.transferMethod = parseTransferMethod(v.str());
        return;
    case K::IpFromResource:
        m_d.set(SF::IpFromResource, trimmed(v.str()));
        return;
    case K::TokenProtectionStatus:
        m_d.set(SF::TokenProtectionStatus, trimmed(v.str()));
        return;
    case K::TokenProtectionCode:
        m_d.set(SF::TokenProtectionCode, trimmed(v.str()));
        return;
    case K::MsiType:
        m_d.msiType = parseMsiType(v.str());
        return;
    case K::MsiResourceId:
        m_d.set(SF::MsiAssociatedResourceId, v.str());
        return;
    case K::Category: {
        const SignInType t = typeFromCategory(trimmed(v.str()));
        if (t != SignInType::Unknown) m_categoryType = t;
        return;
    }
    case K::LocationCombined: {
        // "Redmond, Washington, US": the last part is the country code.
        std::string_view s = v.str();
        const size_t c1 = s.find(',');
        const size_t c2 = s.rfind(',');
        if (c1 == std::string_view::npos) {
            m_d.set(SF::Country, trimmed(s));
            return;
        }
        m_d.set(SF::City, trimmed(s.substr(0, c1)));
        if (c2 > c1) m_d.set(SF::State, trimmed(s.substr(c1 + 1, c2 - c1 - 1)));
        m_d.set(SF::Country, trimmed(s.substr(c2 + 1)));
        return;
    }
    case K::Location:
    case K::LocationDetails:
    case K::Status:
    case K::DeviceDetail:
    case K::ManagedServiceIdentity:
    case K::NetworkLocationDetails:
    case K::AppliedPolicies:
    case K::AuthContextRefs:
    case K::CaAudiences:
    case K::TokenProtectionDetails:
    case K::AuthRequirementPolicies:
    case K::SessionLifetimePolicies:
    case K::Properties:
        applyObject(key, v);
        return;
    }
}

void SignInBuilder::joinField(JVal& v, std::initializer_list<std::string_view> keys, SF into, std::string& scratch)
{
    scratch.clear();
    auto add = [&](std::string_view s) {
        s = trimmed(s);
        if (s.empty() || s.find(',') != std::string_view::npos) return; // a value is one token, never a list
        if (!scratch.empty()) scratch += ',';
        scratch += s;
    };
    auto each = [&](JVal& e) {
        if (!e.fields([&](std::string_view k, JVal& f) {
                for (std::string_view key : keys)
                    if (equalsIgnoreCase(k, key)) add(f.str());
            }))
            add(e.str());
    };
    if (!v.elements(each)) {
        // Log Analytics keeps the list as JSON text in a string cell.
        const std::string_view s = trimmed(v.str());
        if (!s.starts_with('[')) return;
        JVal text(s, *m_scope, 0, true);
        if (!text.elements(each)) return;
    }
    m_d.set(into, scratch);
}

void SignInBuilder::readLocation(JVal& v)
{
    const bool ok = v.fields([&](std::string_view k, JVal& f) {
        if (equalsIgnoreCase(k, "city"))
            m_d.set(SF::City, f.str());
        else if (equalsIgnoreCase(k, "state"))
            m_d.set(SF::State, f.str());
        else if (equalsIgnoreCase(k, "countryOrRegion"))
            m_d.set(SF::Country, f.str());
    });
    if (ok || v.kind() != JVal::Kind::String) {
        if (!ok) truncated(TruncatedLocation);
        return;
    }
    // Text: a country code (Log Analytics, diagnostic envelope), "City, State, CC", or a type name.
    std::string_view s = trimmed(v.str());
    JVal text(s, *m_scope, 0, true);
    if (text.isTypeNameOnly())
        truncated(TruncatedLocation);
    else if (s.size() <= 3) {
        if (m_d.get(SF::Country).empty()) m_d.set(SF::Country, s);
    } else
        apply(K::LocationCombined, text);
}

void SignInBuilder::applyObject(SignInKey key, JVal& v)
{
    switch (key) {
    case K::Location:
    case K::LocationDetails:
        readLocation(v);
        return;
    case K::Status:
        if (!v.fields([&](std::string_view k, JVal& f) {
                if (equalsIgnoreCase(k, "errorCode"))
                    apply(K::StatusErrorCode, f);
                else if (equalsIgnoreCase(k, "failureReason"))
                    m_d.set(SF::FailureReason, f.str());
                else if (equalsIgnoreCase(k, "additionalDetails"))
                    m_d.set(SF::AdditionalDetails, f.str());
            })) {
            // Portal JSON and some exports write "status" as "Success"/"Failure".
            if (v.isTypeNameOnly())
                truncated(TruncatedStatus);
            else
                m_portalStatus = v.str();
        }
        return;
    case K::DeviceDetail:
        // A repeated key replaces the earlier object as a whole, as JSON readers do.
        for (SF f : { SF::DeviceId, SF::DeviceName, SF::OperatingSystem, SF::Browser, SF::TrustType }) m_d.set(f, {});
        m_d.isCompliant = m_d.isManaged = Tristate::Unset;
        if (!v.fields([&](std::string_view k, JVal& f) {
                if (equalsIgnoreCase(k, "deviceId"))
                    m_d.set(SF::DeviceId, f.str());
                else if (equalsIgnoreCase(k, "displayName"))
                    m_d.set(SF::DeviceName, f.str());
                else if (equalsIgnoreCase(k, "operatingSystem"))
                    m_d.set(SF::OperatingSystem, f.str());
                else if (equalsIgnoreCase(k, "browser"))
                    m_d.set(SF::Browser, f.str());
                else if (equalsIgnoreCase(k, "isCompliant"))
                    m_d.isCompliant = tristate(f);
                else if (equalsIgnoreCase(k, "isManaged"))
                    m_d.isManaged = tristate(f);
                else if (equalsIgnoreCase(k, "trustType"))
                    m_d.set(SF::TrustType, f.str());
            }))
            truncated(TruncatedDevice);
        return;
    case K::ManagedServiceIdentity:
        if (!v.fields([&](std::string_view k, JVal& f) {
                if (equalsIgnoreCase(k, "msiType"))
                    m_d.msiType = parseMsiType(f.str());
                else if (equalsIgnoreCase(k, "associatedResourceId"))
                    m_d.set(SF::MsiAssociatedResourceId, f.str());
            }))
            truncated(TruncatedOther);
        return;
    case K::NetworkLocationDetails:
        parseNetwork(v);
        return;
    case K::AuthContextRefs: {
        std::string& out = m_d.scratch[2];
        out.clear();
        const bool ok = v.elements([&](JVal& e) {
            std::string_view id, detail;
            if (!e.fields([&](std::string_view k, JVal& f) {
                    if (equalsIgnoreCase(k, "id"))
                        id = f.str();
                    else if (equalsIgnoreCase(k, "detail"))
                        detail = f.str();
                }))
                id = e.str();
            if (id.empty()) return;
            if (!out.empty()) out += ',';
            out += id;
            if (!detail.empty()) {
                out += ':';
                out += detail;
            }
        });
        if (ok) m_d.set(SF::AuthContextRefs, out);
        return;
    }
    case K::CaAudiences:
        joinField(v, { "applicationId", "id" }, SF::CaAudiences, m_d.scratch[3]);
        return;
    case K::AuthRequirementPolicies:
        joinField(v, { "requirementProvider" }, SF::AuthRequirementPolicies, m_d.scratch[4]);
        return;
    case K::SessionLifetimePolicies:
        joinField(v, { "expirationRequirement" }, SF::SessionLifetimePolicies, m_d.scratch[5]);
        return;
    case K::TokenProtectionDetails:
        v.fields([&](std::string_view k, JVal& f) {
            if (equalsIgnoreCase(k, "signInSessionStatus"))
                m_d.set(SF::TokenProtectionStatus, trimmed(f.str()));
            else if (equalsIgnoreCase(k, "signInSessionStatusCode"))
                m_d.set(SF::TokenProtectionCode, trimmed(f.str()));
        });
        return;
    case K::AppliedPolicies: {
        const JVal::Kind kind = v.kind();
        if (kind == JVal::Kind::Null) {
            m_d.policyDetail = Tristate::False;
            return;
        }
        if (kind == JVal::Kind::String) {
            std::string_view s = trimmed(v.str());
            if (s.empty()) return; // an empty cell says nothing
            JVal text(s, *m_scope, 0, true);
            if (!s.starts_with('[')) {
                truncated(TruncatedPolicies);
                return;
            }
            m_d.policyDetail = Tristate::True;
            if (!text.elements([&](JVal& e) { parsePolicy(e); })) truncated(TruncatedPolicies);
            return;
        }
        m_d.policyDetail = Tristate::True;
        size_t entries = 0;
        if (!v.elements([&](JVal& e) {
                ++entries;
                parsePolicy(e);
            })) {
            m_d.policyDetail = Tristate::Unset;
            truncated(TruncatedPolicies);
        } else if (entries > 0 && m_d.policyCount == 0) {
            m_d.policyDetail = Tristate::Unset; // every entry was cut to a type name: nothing is known
        }
        return;
    }
    case K::Properties:
        if (!v.fields([&](std::string_view k, JVal& f) { applyNamed(k, f); })) truncated(TruncatedOther);
        return;
    default:
        return;
    }
}

void SignInBuilder::parseNetwork(JVal& v)
{
    std::string& names = m_d.scratch[1];
    names.clear();
    const bool ok = v.elements([&](JVal& e) {
        e.fields([&](std::string_view k, JVal& f) {
            if (equalsIgnoreCase(k, "networkType")) {
                m_d.networkTypes |= parseNetworkType(f.str());
            } else if (equalsIgnoreCase(k, "networkNames")) {
                if (!f.elements([&](JVal& n) {
                        std::string_view s = n.str();
                        if (s.empty()) return;
                        if (!names.empty()) names += ',';
                        names += s;
                    })) {
                    std::string_view s = f.str();
                    if (!s.empty()) {
                        if (!names.empty()) names += ',';
                        names += s;
                    }
                }
            }
        });
    });
    if (!ok) {
        if (v.isTypeNameOnly()) truncated(TruncatedNetwork);
        return;
    }
    m_d.set(SF::NetworkNames, names);
}

void SignInBuilder::parseGrantList(JVal& v, PolicyEvalDraft& p, bool session)
{
    auto one = [&](std::string_view s) {
        s = trimmed(s);
        if (s.empty()) return;
        if (session) {
            p.session |= parseSessionControl(s);
            return;
        }
        const uint16_t g = parseGrantControl(s);
        p.grant |= g;
        if (g == Grant::Other) p.customGrants.push_back(s);
    };
    if (v.elements([&](JVal& e) { one(e.str()); })) return;
    if (v.isTypeNameOnly()) {
        truncated(TruncatedPolicyControls);
        return;
    }
    // A joined string ("Mfa, RequireCompliantDevice") from flattened exports.
    std::string_view s = v.str();
    while (!s.empty()) {
        const size_t c = s.find(',');
        one(s.substr(0, c));
        if (c == std::string_view::npos) break;
        s.remove_prefix(c + 1);
    }
}

void SignInBuilder::parseRules(JVal& v, std::vector<RuleDraft>& out)
{
    v.elements([&](JVal& e) {
        RuleDraft r;
        bool any = false;
        e.fields([&](std::string_view k, JVal& f) {
            if (equalsIgnoreCase(k, "conditionalAccessCondition")) {
                const int bit = conditionBitOf(trimmed(f.str()));
                r.condition = bit < 0 ? 255 : uint8_t(bit);
                any = true;
            } else if (equalsIgnoreCase(k, "ruleSatisfied")) {
                std::string_view s = trimmed(f.str());
                r.rule = parseRule(s);
                if (r.rule == kRuleUnknown) r.ruleText = s;
                any = true;
            }
        });
        if (any) out.push_back(r);
    });
}

void SignInBuilder::parsePolicy(JVal& v)
{
    PolicyEvalDraft& p = m_d.addPolicy();
    const bool ok = v.fields([&](std::string_view k, JVal& f) {
        if (equalsIgnoreCase(k, "id") || equalsIgnoreCase(k, "policyId")) {
            p.id = trimmed(f.str());
        } else if (equalsIgnoreCase(k, "displayName")) {
            p.displayName = f.str();
        } else if (equalsIgnoreCase(k, "result")) {
            std::string_view s = trimmed(f.str());
            p.result = parsePolicyResult(s);
            if (p.result == PolicyResult::Unknown) p.resultText = s;
        } else if (equalsIgnoreCase(k, "enforcedGrantControls")) {
            parseGrantList(f, p, false);
        } else if (equalsIgnoreCase(k, "enforcedSessionControls")) {
            parseGrantList(f, p, true);
        } else if (equalsIgnoreCase(k, "sessionControlsNotSatisfied")) {
            f.elements([&](JVal& e) { p.sessionNotSatisfied |= parseSessionControl(e.str()); });
        } else if (equalsIgnoreCase(k, "conditionsSatisfied")) {
            p.conditionsSatisfied = parseConditions(f.str());
        } else if (equalsIgnoreCase(k, "conditionsNotSatisfied")) {
            p.conditionsNotSatisfied = parseConditions(f.str());
        } else if (equalsIgnoreCase(k, "includeRulesSatisfied")) {
            parseRules(f, p.includeRules);
        } else if (equalsIgnoreCase(k, "excludeRulesSatisfied")) {
            parseRules(f, p.excludeRules);
        } else if (equalsIgnoreCase(k, "authenticationStrength")) {
            f.fields([&](std::string_view ak, JVal& af) {
                if (equalsIgnoreCase(ak, "authenticationStrengthId") || equalsIgnoreCase(ak, "id"))
                    p.authStrengthId = af.str();
                else if (equalsIgnoreCase(ak, "displayName"))
                    p.authStrengthName = af.str();
                else if (equalsIgnoreCase(ak, "authenticationStrengthResult"))
                    p.authStrengthResult = parseAuthStrengthResult(trimmed(af.str()));
            });
            if (!p.authStrengthId.empty() || !p.authStrengthName.empty()) p.grant |= Grant::AuthenticationStrength;
        }
    });
    if (!ok) {
        // PowerShell wrote the policy as its type name: nothing of it is left.
        m_d.policyCount--;
        truncated(TruncatedPolicies);
    }
}

void SignInBuilder::finish(SignInType typeHint)
{
    if (m_d.createdMs == kNoTime && !m_timeGenerated.empty()) m_d.createdMs = parseTimestamp(m_timeGenerated);
    if (!m_d.hasErrorCode && !m_resultType.empty()) {
        JVal t(m_resultType, *m_scope, 0, true);
        apply(K::StatusErrorCode, t);
    }
    if (m_d.get(SF::FailureReason).empty() && !m_resultDescription.empty())
        m_d.set(SF::FailureReason, m_resultDescription);
    if (m_d.get(SF::ResourceId).empty() && !m_resourceIdentity.empty()) m_d.set(SF::ResourceId, m_resourceIdentity);
    if (m_d.get(SF::IpAddress).empty() && !m_callerIp.empty()) m_d.set(SF::IpAddress, m_callerIp);
    if (!m_d.hasErrorCode && !m_portalStatus.empty() && equalsIgnoreCase(trimmed(m_portalStatus), "Success")) {
        m_d.errorCode = 0;
        m_d.hasErrorCode = true;
    }

    SignInType t = m_explicitType;
    if (t == SignInType::Unknown) t = m_categoryType;
    if (t == SignInType::Unknown && (m_d.msiType == MsiType::UserAssigned || m_d.msiType == MsiType::SystemAssigned))
        t = SignInType::ManagedIdentity;
    if (t == SignInType::Unknown) t = typeHint;
    if (t == SignInType::Unknown) {
        const bool hasUser = !m_d.get(SF::UserId).empty() || !m_d.get(SF::UserPrincipalName).empty();
        if (m_d.isInteractive == Tristate::True)
            t = SignInType::InteractiveUser;
        else if (m_d.isInteractive == Tristate::False && hasUser)
            t = SignInType::NonInteractiveUser;
        else if (!hasUser && !m_d.get(SF::ServicePrincipalId).empty())
            t = SignInType::ServicePrincipal;
    }
    m_d.type = t;
}

void warnUnusableErrorCodes(InputReport& report, const SignInBuilder& builder)
{
    if (!builder.unusableErrorCodes()) return;
    report.warn(QStringLiteral("%1: %2 sign-in(s) have an error code that is not a whole number in range (the first: "
                               "\"%3\"); they are shown without an error code")
                    .arg(report.path)
                    .arg(builder.unusableErrorCodes())
                    .arg(QString::fromStdString(builder.firstUnusableErrorCode())));
}

} // namespace calens
