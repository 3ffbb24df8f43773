// SPDX-License-Identifier: MIT
#include "signintables.h"

#include <QStringList>

#include <array>

namespace calens::la {

namespace {

using T = KqlType;
constexpr T S = T::String;

// Microsoft's table reference (MicrosoftDocs/azure-reference-other, azure-monitor-ref/tables/includes,
// signinlogs-include.md and aadnoninteractiveusersigninlogs-include.md @0f8cea78,
// aadserviceprincipalsigninlogs-include.md @c9210696, aadmanagedidentitysigninlogs-include.md @97500f29),
// plus TenantId, a standard column of every Log Analytics table that the SigninLogs page leaves out.
constexpr TableColumn kSigninLogs[] = { { "AADTenantId", S }, { "AlternateSignInName", S }, { "AppDisplayName", S },
    { "AppId", S }, { "AppliedConditionalAccessPolicies", S }, { "AppliedEventListeners", T::Dynamic },
    { "AuthenticationContextClassReferences", S }, { "AuthenticationDetails", S }, { "AuthenticationMethodsUsed", S },
    { "AuthenticationProcessingDetails", S }, { "AuthenticationProtocol", S }, { "AuthenticationRequirement", S },
    { "AuthenticationRequirementPolicies", S }, { "AutonomousSystemNumber", S }, { "_BilledSize", T::Real },
    { "Category", S }, { "ClientAppUsed", S }, { "ConditionalAccessPolicies", T::Dynamic },
    { "ConditionalAccessStatus", S }, { "CorrelationId", S }, { "CreatedDateTime", T::DateTime },
    { "CrossTenantAccessType", S }, { "DeviceDetail", T::Dynamic }, { "DurationMs", T::Long },
    { "FlaggedForReview", T::Bool }, { "HomeTenantId", S }, { "Id", S }, { "Identity", S }, { "IPAddress", S },
    { "IPAddressFromResourceProvider", S }, { "_IsBillable", S }, { "IsInteractive", T::Bool }, { "IsRisky", T::Bool },
    { "Level", S }, { "Location", S }, { "LocationDetails", T::Dynamic }, { "MfaDetail", T::Dynamic },
    { "NetworkLocationDetails", S }, { "OperationName", S }, { "OperationVersion", S }, { "OriginalRequestId", S },
    { "ProcessingTimeInMilliseconds", S }, { "Resource", S }, { "ResourceDisplayName", S }, { "ResourceGroup", S },
    { "ResourceId", S }, { "ResourceIdentity", S }, { "ResourceProvider", S }, { "ResourceServicePrincipalId", S },
    { "ResourceTenantId", S }, { "ResultDescription", S }, { "ResultSignature", S }, { "ResultType", S },
    { "RiskDetail", S }, { "RiskEventTypes", S }, { "RiskEventTypes_V2", S }, { "RiskLevel", S },
    { "RiskLevelAggregated", S }, { "RiskLevelDuringSignIn", S }, { "RiskState", S }, { "ServicePrincipalId", S },
    { "ServicePrincipalName", S }, { "SessionLifetimePolicies", S }, { "SignInIdentifier", S },
    { "SignInIdentifierType", S }, { "SourceSystem", S }, { "Status", T::Dynamic }, { "TenantId", S },
    { "TimeGenerated", T::DateTime }, { "TokenIssuerName", S }, { "TokenIssuerType", S }, { "Type", S },
    { "UniqueTokenIdentifier", S }, { "UserAgent", S }, { "UserDisplayName", S }, { "UserId", S },
    { "UserPrincipalName", S }, { "UserType", S } };

constexpr TableColumn kNonInteractive[] = { { "AlternateSignInName", S }, { "AppDisplayName", S }, { "AppId", S },
    { "AppliedEventListeners", T::Dynamic }, { "AuthenticationContextClassReferences", S },
    { "AuthenticationDetails", S }, { "AuthenticationMethodsUsed", S }, { "AuthenticationProcessingDetails", S },
    { "AuthenticationProtocol", S }, { "AuthenticationRequirement", S }, { "AuthenticationRequirementPolicies", S },
    { "AutonomousSystemNumber", S }, { "_BilledSize", T::Real }, { "Category", S }, { "ClientAppUsed", S },
    { "ConditionalAccessPolicies", S }, { "ConditionalAccessStatus", S }, { "CorrelationId", S },
    { "CreatedDateTime", T::DateTime }, { "CrossTenantAccessType", S }, { "DeviceDetail", S },
    { "DurationMs", T::Long }, { "HomeTenantId", S }, { "Id", S }, { "Identity", S }, { "IPAddress", S },
    { "_IsBillable", S }, { "IsInteractive", T::Bool }, { "IsRisky", T::Bool }, { "Level", S }, { "Location", S },
    { "LocationDetails", S }, { "MfaDetail", S }, { "NetworkLocationDetails", S }, { "OperationName", S },
    { "OperationVersion", S }, { "OriginalRequestId", S }, { "ProcessingTimeInMs", S }, { "ResourceDisplayName", S },
    { "ResourceGroup", S }, { "ResourceIdentity", S }, { "ResourceServicePrincipalId", S }, { "ResourceTenantId", S },
    { "ResultDescription", S }, { "ResultSignature", S }, { "ResultType", S }, { "RiskDetail", S },
    { "RiskEventTypes", S }, { "RiskEventTypes_V2", S }, { "RiskLevelAggregated", S }, { "RiskLevelDuringSignIn", S },
    { "RiskState", S }, { "ServicePrincipalId", S }, { "SessionLifetimePolicies", S }, { "SignInEventTypes", S },
    { "SignInIdentifierType", S }, { "SourceSystem", S }, { "Status", S }, { "TenantId", S },
    { "TimeGenerated", T::DateTime }, { "TokenIssuerName", S }, { "TokenIssuerType", S }, { "Type", S },
    { "UniqueTokenIdentifier", S }, { "UserAgent", S }, { "UserDisplayName", S }, { "UserId", S },
    { "UserPrincipalName", S }, { "UserType", S } };

// The service-principal and managed-identity tables have the same 35 columns.
constexpr TableColumn kWorkload[] = { { "AppId", S }, { "AuthenticationContextClassReferences", S },
    { "AuthenticationProcessingDetails", S }, { "_BilledSize", T::Real }, { "Category", S },
    { "ConditionalAccessPolicies", S }, { "ConditionalAccessStatus", S }, { "CorrelationId", S },
    { "DurationMs", T::Long }, { "FederatedCredentialId", S }, { "Id", S }, { "Identity", S }, { "IPAddress", S },
    { "_IsBillable", S }, { "Level", S }, { "Location", S }, { "LocationDetails", S }, { "OperationName", S },
    { "OperationVersion", S }, { "ResourceDisplayName", S }, { "ResourceGroup", S }, { "ResourceIdentity", S },
    { "ResourceServicePrincipalId", S }, { "ResultDescription", S }, { "ResultSignature", S }, { "ResultType", S },
    { "ServicePrincipalCredentialKeyId", S }, { "ServicePrincipalCredentialThumbprint", S },
    { "ServicePrincipalId", S }, { "ServicePrincipalName", S }, { "SourceSystem", S }, { "TenantId", S },
    { "TimeGenerated", T::DateTime }, { "Type", S }, { "UniqueTokenIdentifier", S } };

constexpr std::array<SignInTable, 4> kTables { {
    { "SigninLogs", SignInType::InteractiveUser, kSigninLogs },
    { "AADNonInteractiveUserSignInLogs", SignInType::NonInteractiveUser, kNonInteractive },
    { "AADServicePrincipalSignInLogs", SignInType::ServicePrincipal, kWorkload },
    { "AADManagedIdentitySignInLogs", SignInType::ManagedIdentity, kWorkload },
} };

} // namespace

std::string_view kqlTypeName(KqlType type)
{
    switch (type) {
    case T::String:
        return "string";
    case T::DateTime:
        return "datetime";
    case T::Dynamic:
        return "dynamic";
    case T::Bool:
        return "bool";
    case T::Long:
        return "long";
    case T::Real:
        return "real";
    }
    return "string";
}

const TableColumn* SignInTable::find(std::string_view column) const
{
    for (const TableColumn& c : columns)
        if (c.name == column) return &c;
    return nullptr;
}

QString SignInTable::schemaText() const
{
    QStringList parts;
    for (const TableColumn& c : columns)
        parts << QString::fromLatin1(c.name.data(), qsizetype(c.name.size())) + QLatin1Char(':')
                + QString::fromLatin1(kqlTypeName(c.type).data(), qsizetype(kqlTypeName(c.type).size()));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

std::span<const SignInTable> signInTables()
{
    return kTables;
}

const SignInTable* signInTable(std::string_view name)
{
    for (const SignInTable& t : kTables)
        if (t.name == name) return &t;
    return nullptr;
}

const std::vector<TableColumn>& detailColumns()
{
    // What the Log Analytics readers map (ingest/signinbuilder.cpp), in the order a portal export has them.
    static const std::vector<TableColumn> columns = { { "TimeGenerated", T::DateTime },
        { "CreatedDateTime", T::DateTime }, { "Type", S }, { "Id", S }, { "CorrelationId", S },
        { "OriginalRequestId", S }, { "UniqueTokenIdentifier", S }, { "ResultType", S }, { "ResultDescription", S },
        { "Status", T::Dynamic }, { "ConditionalAccessStatus", S }, { "ConditionalAccessPolicies", T::Dynamic },
        { "AppId", S }, { "AppDisplayName", S }, { "ResourceIdentity", S }, { "ResourceDisplayName", S },
        { "UserId", S }, { "UserPrincipalName", S }, { "UserDisplayName", S }, { "UserType", S },
        { "ServicePrincipalId", S }, { "ServicePrincipalName", S }, { "IPAddress", S },
        { "IPAddressFromResourceProvider", S }, { "Location", S }, { "LocationDetails", T::Dynamic },
        { "NetworkLocationDetails", S }, { "DeviceDetail", T::Dynamic }, { "ClientAppUsed", S }, { "UserAgent", S },
        { "IsInteractive", T::Bool }, { "SignInEventTypes", S }, { "AuthenticationRequirement", S },
        { "AuthenticationProtocol", S }, { "AuthenticationContextClassReferences", S },
        { "AuthenticationRequirementPolicies", S }, { "SessionLifetimePolicies", S }, { "RiskDetail", S },
        { "RiskLevelDuringSignIn", S }, { "RiskLevelAggregated", S }, { "RiskState", S }, { "RiskEventTypes_V2", S },
        { "CrossTenantAccessType", S }, { "HomeTenantId", S }, { "ResourceTenantId", S } };
    return columns;
}

} // namespace calens::la
