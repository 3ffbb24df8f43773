// SPDX-License-Identifier: MIT
#pragma once

#include "jvalue.h"
#include "model/signindraft.h"

#include <string_view>

namespace calens {

// Every property a reader can hand over: Graph names (any case), Log Analytics column names, the
// diagnostic-settings envelope, and flattened CSV columns. Values arrive as JVal and are converted
// leniently; the builder fills one SignInDraft.
enum class SignInKey : uint8_t
{
    Unknown,
    Id,
    CreatedDateTime,
    TimeGenerated, // LA / diagnostic "time": used when createdDateTime is missing
    CorrelationId,
    OriginalRequestId,
    UniqueTokenId,
    UserId,
    UserDisplayName,
    UserPrincipalName,
    UserType,
    ServicePrincipalId,
    ServicePrincipalName,
    ManagedServiceIdentity,
    AppId,
    AppDisplayName,
    ResourceId,
    ResourceIdentity,
    ResourceDisplayName,
    IpAddress,
    CallerIpAddress, // diagnostic envelope: used when the sign-in has no ipAddress
    Location, // object, or a country code (LA, diagnostic envelope)
    LocationDetails,
    LocationCombined, // portal CSV "City, State, CC"
    ClientAppUsed,
    UserAgent,
    Status,
    ResultType, // LA / diagnostic: the error code as text
    ResultDescription,
    StatusErrorCode,
    StatusFailureReason,
    StatusAdditionalDetails,
    PortalStatus, // "Success" / "Failure" / "Interrupted"
    DeviceDetail,
    DeviceId,
    DeviceName,
    DeviceOs,
    DeviceBrowser,
    DeviceCompliant,
    DeviceManaged,
    DeviceTrustType,
    RiskDetail,
    RiskLevelDuringSignIn,
    RiskLevelAggregated,
    RiskState,
    RiskEventTypes,
    AuthenticationRequirement,
    NetworkLocationDetails,
    AppliedPolicies,
    ConditionalAccessStatus,
    IsInteractive,
    SignInEventTypes,
    AuthenticationProtocol,
    ClientCredentialType,
    CrossTenantAccessType,
    HomeTenantId,
    ResourceTenantId,
    IncomingTokenType,
    OriginalTransferMethod,
    AuthContextRefs,
    CaAudiences, // conditionalAccessAudiences: strings, or objects with applicationId
    IpFromResource,
    TokenProtectionDetails, // tokenProtectionStatusDetails object
    TokenProtectionStatus, // signInTokenProtectionStatus, or the portal CSV column
    TokenProtectionCode, // the portal CSV status code column
    AuthRequirementPolicies,
    SessionLifetimePolicies,
    MsiType,
    MsiResourceId,
    Category, // diagnostic category / LA table name: tells the sign-in type
    Properties, // diagnostic envelope: the sign-in object
    Count
};

SignInKey signInKeyFor(std::string_view name); // Graph / LA / PowerShell names, case-insensitive

class SignInBuilder
{
public:
    explicit SignInBuilder(SignInDraft& draft)
        : m_d(draft)
    { }

    void begin(); // clears the draft
    void apply(SignInKey key, JVal& v);
    void applyNamed(std::string_view name, JVal& v) { apply(signInKeyFor(name), v); }
    // Settles what depends on several fields (type, error code fallbacks). typeHint comes from the
    // file (portal download kind) and counts only when the record itself does not say.
    void finish(SignInType typeHint = SignInType::Unknown);

    // Reads one appliedConditionalAccessPolicy object into a new entry of the draft's policy list.
    void parsePolicy(JVal& v);

    uint32_t truncatedFields() const { return m_truncated; }
    // Error codes present but not a 32-bit integer (kept as "not given"), over all records so far.
    uint64_t unusableErrorCodes() const { return m_badErrorCodes; }
    const std::string& firstUnusableErrorCode() const { return m_firstBadErrorCode; }
    void setScope(ParseScope* scope) { m_scope = scope; }

private:
    void applyObject(SignInKey key, JVal& v);
    void readLocation(JVal& v);
    void parseRules(JVal& v, std::vector<RuleDraft>& out);
    void parseGrantList(JVal& v, PolicyEvalDraft& p, bool session);
    void parseNetwork(JVal& v);
    // Values of one key in each object of a list (JSON, or JSON text in a Log Analytics cell), comma-joined.
    void joinField(JVal& v, std::initializer_list<std::string_view> keys, SF into, std::string& scratch);
    std::string_view joinStrings(JVal& v, std::string& scratch);
    void truncated(uint32_t field) { m_truncated |= field; }

    SignInDraft& m_d;
    ParseScope* m_scope = nullptr;
    uint32_t m_truncated = 0;
    uint64_t m_badErrorCodes = 0;
    std::string m_firstBadErrorCode;
    SignInType m_explicitType = SignInType::Unknown;
    SignInType m_categoryType = SignInType::Unknown;
    std::string_view m_resultType, m_resultDescription, m_timeGenerated, m_resourceIdentity;
    std::string_view m_portalStatus, m_callerIp;
};

struct InputReport;
// Adds one warning to the input's report when some error codes could not be used.
void warnUnusableErrorCodes(InputReport& report, const SignInBuilder& builder);

} // namespace calens
