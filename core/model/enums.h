// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

// Small-integer forms of the Graph enums a Conditional Access diagnosis needs.
// Each parse function is case-insensitive (camelCase Graph, PascalCase PowerShell/Log Analytics) and
// maps text it does not know to an explicit "unknown" member; the caller keeps the original text.
namespace calens {

enum class SignInType : uint8_t
{
    InteractiveUser,
    NonInteractiveUser,
    ServicePrincipal,
    ManagedIdentity,
    Unknown
};
enum class CaStatus : uint8_t
{
    Success,
    Failure,
    NotApplied,
    Unknown
};
enum class PolicyResult : uint8_t
{
    Success,
    Failure,
    NotApplied,
    NotEnabled,
    ReportOnlySuccess,
    ReportOnlyFailure,
    ReportOnlyNotApplied,
    ReportOnlyInterrupted,
    Unknown, // "unknown", "unknownFutureValue" or text we do not know (kept verbatim)
};
enum class RiskLevel : uint8_t
{
    None,
    Low,
    Medium,
    High,
    Hidden,
    Unknown,
    NotSet
};
enum class RiskState : uint8_t
{
    None,
    ConfirmedSafe,
    Remediated,
    Dismissed,
    AtRisk,
    ConfirmedCompromised,
    Unknown,
    NotSet
};
enum class AuthRequirement : uint8_t
{
    NotSet,
    SingleFactor,
    MultiFactor,
    Unknown
};
enum class Tristate : uint8_t
{
    Unset,
    False,
    True
};
enum class MsiType : uint8_t
{
    NotSet,
    None,
    UserAssigned,
    SystemAssigned,
    Unknown
};
enum class TransferMethod : uint8_t
{
    NotSet,
    None,
    DeviceCodeFlow,
    AuthenticationTransfer,
    Unknown
};
enum class AuthStrengthResult : uint8_t
{
    NotSet,
    SkippedForProofUp,
    Satisfied,
    SingleChallengeRequired,
    MultipleChallengesRequired,
    SingleRegistrationRequired,
    MultipleRegistrationsRequired,
    CannotSatisfyDueToCombinationConfiguration,
    CannotSatisfy,
    Unknown,
};

// Grant controls as the policy enum (conditionalAccessGrantControl) plus the grant kinds that are not builtIn.
namespace Grant {
enum : uint16_t
{
    Block = 1 << 0,
    Mfa = 1 << 1,
    CompliantDevice = 1 << 2,
    DomainJoinedDevice = 1 << 3,
    ApprovedApplication = 1 << 4,
    CompliantApplication = 1 << 5,
    PasswordChange = 1 << 6,
    RiskRemediation = 1 << 7,
    AuthenticationStrength = 1 << 8,
    TermsOfUse = 1 << 9,
    Other = 1 << 10, // custom controls (their names are kept)
};
constexpr int Count = 11;
} // namespace Grant

namespace Session {
enum : uint16_t
{
    ApplicationEnforcedRestrictions = 1 << 0,
    CloudAppSecurity = 1 << 1,
    PersistentBrowser = 1 << 2,
    SignInFrequency = 1 << 3,
    ContinuousAccessEvaluation = 1 << 4,
    DisableResilienceDefaults = 1 << 5,
    SecureSignInSession = 1 << 6,
    Other = 1 << 7,
};
constexpr int Count = 8;
} // namespace Session

// conditionalAccessConditions flag values exactly as Graph defines them (bit i = 1 << i).
namespace Condition {
constexpr int Count = 17;
}

namespace NetworkType {
enum : uint8_t
{
    Intranet = 1,
    Extranet = 2,
    NamedNetwork = 4,
    Trusted = 8,
    TrustedNamedLocation = 16,
    Other = 32
};
constexpr int Count = 6;
} // namespace NetworkType

// conditionalAccessRule members in Graph order; Unknown for anything else.
constexpr int kRuleCount = 37;
constexpr uint8_t kRuleUnknown = 255;

std::string_view name(SignInType v);
std::string_view name(CaStatus v);
std::string_view name(PolicyResult v);
std::string_view name(RiskLevel v);
std::string_view name(RiskState v);
std::string_view name(AuthRequirement v);
std::string_view name(MsiType v);
std::string_view name(TransferMethod v);
std::string_view name(AuthStrengthResult v);
std::string_view grantName(int bit); // bit index -> policy enum name ("mfa", "compliantDevice", ...)
std::string_view sessionName(int bit);
std::string_view conditionName(int bit);
std::string_view networkTypeName(int bit);
std::string_view ruleName(uint8_t rule);

SignInType parseSignInType(std::string_view text);
CaStatus parseCaStatus(std::string_view text);
PolicyResult parsePolicyResult(std::string_view text);
RiskLevel parseRiskLevel(std::string_view text);
RiskState parseRiskState(std::string_view text);
AuthRequirement parseAuthRequirement(std::string_view text);
MsiType parseMsiType(std::string_view text);
TransferMethod parseTransferMethod(std::string_view text);
AuthStrengthResult parseAuthStrengthResult(std::string_view text);
uint16_t parseGrantControl(std::string_view text); // 0 when empty; Grant::Other for custom names
uint16_t parseSessionControl(std::string_view text);
// Names ("application,users") or a decimal integer ("263"); unknown names are ignored but reported.
uint32_t parseConditions(std::string_view text, bool* hadUnknown = nullptr);
uint8_t parseNetworkType(std::string_view text);
uint8_t parseRule(std::string_view text);
int conditionBitOf(std::string_view conditionName); // -1 when unknown

bool equalsIgnoreCase(std::string_view a, std::string_view b);

} // namespace calens
