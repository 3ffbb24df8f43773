// SPDX-License-Identifier: MIT
#include "facts.h"

#include "flowchart.h"
#include "ingest/timestamp.h"
#include "model/iprange.h"

#include <algorithm>

namespace calens {

namespace {

constexpr std::string_view kMfaStrength
    = "00000000-0000-0000-0000-000000000002"; // built-in "Multifactor authentication"
constexpr uint32_t bit(int i)
{
    return 1u << i;
}
constexpr uint32_t kLocationBits = bit(3) | bit(10) | bit(11); // location, IPs seen by Entra / the resource
constexpr uint32_t kRiskBits = bit(5) | bit(6) | bit(14) | bit(16); // signIn, user, servicePrincipal, insider risk
constexpr uint32_t kDeviceBits = bit(8); // deviceState (device filters report as deviceState too)

bool contains(const std::vector<std::string>& list, std::string_view v)
{
    return !v.empty() && std::find(list.begin(), list.end(), v) != list.end();
}

QString quoted(std::string_view s)
{
    return s.empty() ? QStringLiteral("(empty)") : QLatin1Char('"') + qs(s) + QLatin1Char('"');
}

} // namespace

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

FactSheet::FactSheet(const Dataset& dataset, uint32_t row)
    : m_d(dataset)
    , m_signIn(dataset.signIn(row))
{ }

const CaPolicy* FactSheet::definition(const PolicyEval& e) const
{
    const std::string_view id = m_signIn.policyId(e);
    for (const CaPolicy& p : m_d.policies())
        if (p.id == id) return &p;
    return nullptr;
}

bool FactSheet::isWorkload() const
{
    return m_signIn.type() == SignInType::ServicePrincipal || m_signIn.type() == SignInType::ManagedIdentity;
}

QString FactSheet::principalKind() const
{
    if (m_signIn.type() == SignInType::ManagedIdentity) return QStringLiteral("managedIdentity");
    if (m_signIn.type() == SignInType::ServicePrincipal) return QStringLiteral("servicePrincipal");
    return QStringLiteral("user");
}

QString FactSheet::principalId() const
{
    if (isWorkload()) return qs(m_signIn.str(SF::ServicePrincipalId));
    return qs(m_signIn.str(SF::UserId));
}

QString FactSheet::principalName() const
{
    for (SF f : { SF::UserPrincipalName, SF::ServicePrincipalName, SF::UserDisplayName, SF::AppDisplayName })
        if (!m_signIn.str(f).empty() && (!isWorkload() || f != SF::UserPrincipalName)) return qs(m_signIn.str(f));
    return principalId();
}

std::vector<const PolicyEval*> FactSheet::failing() const
{
    std::vector<const PolicyEval*> out;
    for (const PolicyEval& e : m_signIn.evals())
        if (e.result == PolicyResult::Failure) out.push_back(&e);
    return out;
}

std::vector<const PolicyEval*> FactSheet::reportOnlyFailing() const
{
    std::vector<const PolicyEval*> out;
    for (const PolicyEval& e : m_signIn.evals())
        if (e.result == PolicyResult::ReportOnlyFailure) out.push_back(&e);
    return out;
}

QStringList FactSheet::controlsOf(const PolicyEval& e) const
{
    QStringList out;
    for (int b = 0; b < Grant::Count; ++b)
        if ((e.grant & (1 << b)) && (1 << b) != Grant::Other) out << qs(grantName(b));
    for (std::string_view c : m_signIn.customGrants(e)) out << qs(c);
    return out;
}

Fact FactSheet::get(std::string_view name, const PolicyEval* p) const
{
    if (name == "caErrorCode") return caErrorCode();
    if (name == "hasPolicyDetail") return hasPolicyDetail();
    if (name == "hasFailingPolicy") return hasFailingPolicy();
    if (name == "principalRunsJob") return principalRunsJob();
    if (name == "interactiveUser") return interactiveUser();
    if (!p) return { Answer::Unknown, { QStringLiteral("no failing policy to ask about") } };
    if (name == "policyRiskBased") return conditionBits(*p, kRiskBits, "risk condition");
    if (name == "policyLocationBased") return conditionBits(*p, kLocationBits, "location condition");
    if (name == "policyDeviceBased") return conditionBits(*p, kDeviceBits, "device condition");
    if (name == "policyGrantBlock") return grantFact(*p, Grant::Block, "Block access");
    if (name == "policyRequiresDevice")
        return grantFact(*p, Grant::CompliantDevice | Grant::DomainJoinedDevice, "a compliant or hybrid-joined device");
    if (name == "policyRequiresMfa") return requiresMfa(*p);
    if (name == "policyRequiresStrongerAuth") return strongerAuth(*p);
    if (name == "policyRequiresApprovedApp")
        return grantFact(*p, Grant::ApprovedApplication | Grant::CompliantApplication,
            "an approved client app or app protection policy");
    if (name == "policyRequiresTermsOfUse") return grantFact(*p, Grant::TermsOfUse, "terms of use");
    if (name == "policyRequiresPasswordChange") return grantFact(*p, Grant::PasswordChange, "a password change");
    if (name == "ipInTrustedLocation") return ipTrust(p);
    if (name == "deviceSatisfies") return deviceSatisfies(*p);
    if (name == "principalExcluded") return principalExcluded(*p);
    return { Answer::Unknown, { QStringLiteral("CA Lens has no rule for '%1'").arg(qs(name)) } };
}

Fact FactSheet::caErrorCode() const
{
    if (!m_signIn.hasErrorCode()) return { Answer::Unknown, { QStringLiteral("the record has no error code") } };
    const int code = m_signIn.errorCode();
    const auto& codes = Flowchart::builtIn().codes;
    const auto it = codes.find(code);
    QString reason = qs(m_signIn.str(SF::FailureReason));
    QString line = QStringLiteral("status.errorCode is %1").arg(code);
    if (it != codes.end()) line += QStringLiteral(" (%1)").arg(QString::fromStdString(it->second.name));
    if (!reason.isEmpty()) line += QStringLiteral("; failureReason: \"%1\"").arg(reason);
    Fact f { Answer::No, { line } };
    if (it != codes.end()) {
        f.answer = it->second.conditionalAccess ? Answer::Yes : Answer::No;
        f.evidence << QString::fromStdString(it->second.text);
    } else if (m_signIn.caStatus() == CaStatus::Failure) {
        f.answer = Answer::Yes;
    }
    f.evidence << QStringLiteral("conditionalAccessStatus is %1").arg(qs(name(m_signIn.caStatus())));
    return f;
}

Fact FactSheet::hasPolicyDetail() const
{
    switch (m_signIn.policyDetail()) {
    case Tristate::True:
        return { Answer::Yes,
            { QStringLiteral("appliedConditionalAccessPolicies lists %1 policies").arg(m_signIn.evals().size()) } };
    case Tristate::False:
        return { Answer::No,
            { QStringLiteral("appliedConditionalAccessPolicies is null: the reader lacked permission "
                             "to see Conditional Access detail (Policy.Read.All)") } };
    case Tristate::Unset:
        break;
    }
    return { Answer::No,
        { QStringLiteral("the record carries no appliedConditionalAccessPolicies (a CSV download, or "
                         "read without Conditional Access permission)") } };
}

Fact FactSheet::hasFailingPolicy() const
{
    Fact f { Answer::No, {} };
    for (const PolicyEval* e : failing()) {
        f.answer = Answer::Yes;
        const QStringList controls = controlsOf(*e);
        f.evidence << QStringLiteral("'%1' reported failure%2")
                          .arg(qs(m_signIn.policyName(*e)),
                              controls.isEmpty()
                                  ? QString()
                                  : QStringLiteral("; it required: ") + controls.join(QStringLiteral(", ")));
    }
    if (f.answer == Answer::No)
        f.evidence
            << QStringLiteral("none of the %1 policies in the record reported failure").arg(m_signIn.evals().size());
    return f;
}

Fact FactSheet::conditionBits(const PolicyEval& e, uint32_t bits, const char* what) const
{
    const QString policy = qs(m_signIn.policyName(e));
    if (e.conditionsSatisfied & bits) {
        QStringList names;
        for (int b = 0; b < Condition::Count; ++b)
            if (e.conditionsSatisfied & bits & (1u << b)) names << qs(conditionName(b));
        Fact f { Answer::Yes,
            { QStringLiteral("'%1' lists %2 among its satisfied conditions")
                    .arg(policy, names.join(QStringLiteral(", "))) } };
        if (bits == kRiskBits) {
            f.evidence << QStringLiteral("riskLevelDuringSignIn is %1, riskLevelAggregated is %2, riskState is %3")
                              .arg(qs(name(m_signIn.riskDuringSignIn())), qs(name(m_signIn.riskAggregated())),
                                  qs(name(m_signIn.riskState())));
        }
        return f;
    }
    if (const CaPolicy* def = definition(e)) {
        bool configured = false;
        if (bits == kRiskBits)
            configured = !def->signInRiskLevels.empty() || !def->userRiskLevels.empty()
                || !def->servicePrincipalRiskLevels.empty() || !def->insiderRiskLevels.empty();
        else if (bits == kLocationBits)
            configured = !def->includeLocations.empty() || !def->excludeLocations.empty();
        else if (bits == kDeviceBits)
            configured = !def->deviceFilterRule.empty();
        if (configured)
            return { Answer::Yes,
                { QStringLiteral("the definition of '%1' has a %2").arg(policy, QLatin1String(what)) } };
        return { Answer::No, { QStringLiteral("the definition of '%1' has no %2").arg(policy, QLatin1String(what)) } };
    }
    if (e.conditionsSatisfied != 0)
        return { Answer::No,
            { QStringLiteral("'%1' lists no %2 among its satisfied conditions").arg(policy, QLatin1String(what)) } };
    return { Answer::Unknown,
        { QStringLiteral("the log does not say which conditions of '%1' matched, and its definition "
                         "was not loaded")
                .arg(policy) } };
}

Fact FactSheet::grantFact(const PolicyEval& e, uint16_t bits, const char* what) const
{
    const QString policy = qs(m_signIn.policyName(e));
    const QStringList controls = controlsOf(e);
    const QString listed = controls.isEmpty()
        ? QStringLiteral("no grant controls")
        : QStringLiteral("grant controls: ") + controls.join(QStringLiteral(", "));
    if (e.grant & bits)
        return { Answer::Yes, { QStringLiteral("'%1' requires %2 (%3)").arg(policy, QLatin1String(what), listed) } };
    if (e.grant == 0) {
        if (const CaPolicy* def = definition(e)) {
            if (def->grant & bits)
                return { Answer::Yes,
                    { QStringLiteral("the definition of '%1' requires %2").arg(policy, QLatin1String(what)) } };
            return { Answer::No,
                { QStringLiteral("the definition of '%1' does not require %2").arg(policy, QLatin1String(what)) } };
        }
        return { Answer::Unknown, { QStringLiteral("the log lists no enforced grant controls for '%1'").arg(policy) } };
    }
    return { Answer::No, { QStringLiteral("'%1' does not require %2 (%3)").arg(policy, QLatin1String(what), listed) } };
}

Fact FactSheet::requiresMfa(const PolicyEval& e) const
{
    if (e.grant & Grant::Mfa) return grantFact(e, Grant::Mfa, "multifactor authentication");
    if ((e.grant & Grant::AuthenticationStrength) && m_signIn.authStrengthId(e) == kMfaStrength)
        return { Answer::Yes,
            { QStringLiteral("'%1' requires the built-in authentication strength \"Multifactor authentication\"")
                    .arg(qs(m_signIn.policyName(e))) } };
    return grantFact(e, Grant::Mfa, "multifactor authentication");
}

Fact FactSheet::strongerAuth(const PolicyEval& e) const
{
    const QString policy = qs(m_signIn.policyName(e));
    if (!(e.grant & Grant::AuthenticationStrength) || m_signIn.authStrengthId(e) == kMfaStrength)
        return { Answer::No, { QStringLiteral("'%1' asks for no authentication strength beyond MFA").arg(policy) } };
    Fact f { Answer::Yes,
        { QStringLiteral("'%1' requires the authentication strength %2")
                .arg(policy,
                    quoted(m_signIn.authStrengthName(e).empty() ? m_signIn.authStrengthId(e)
                                                                : m_signIn.authStrengthName(e))) } };
    if (e.authStrengthResult != AuthStrengthResult::NotSet)
        f.evidence << QStringLiteral("authenticationStrengthResult is %1").arg(qs(name(e.authStrengthResult)));
    return f;
}

Fact FactSheet::deviceSatisfies(const PolicyEval& e) const
{
    const SignInRef& s = m_signIn;
    QString seen
        = QStringLiteral("deviceDetail: isCompliant %1, isManaged %2, trustType %3, operatingSystem %4, displayName %5")
              .arg(s.isCompliant() == Tristate::Unset     ? QStringLiteral("(absent)")
                      : s.isCompliant() == Tristate::True ? QStringLiteral("true")
                                                          : QStringLiteral("false"),
                  s.isManaged() == Tristate::Unset      ? QStringLiteral("(absent)")
                      : s.isManaged() == Tristate::True ? QStringLiteral("true")
                                                        : QStringLiteral("false"),
                  quoted(s.str(SF::TrustType)), quoted(s.str(SF::OperatingSystem)), quoted(s.str(SF::DeviceName)));
    if (isWorkload())
        return { Answer::No,
            { QStringLiteral("a %1 signs in without a device, so it can never satisfy a device control")
                    .arg(principalKind()),
                seen } };
    const bool hybridAccepted = e.grant & Grant::DomainJoinedDevice;
    const bool hybrid
        = s.str(SF::TrustType).find("Hybrid") != std::string_view::npos || s.str(SF::TrustType) == "ServerAD";
    if (s.isCompliant() == Tristate::True) return { Answer::Yes, { seen } };
    if (hybridAccepted && hybrid)
        return { Answer::Yes, { seen, QStringLiteral("the policy accepts a hybrid-joined device") } };
    if (s.isCompliant() == Tristate::False) return { Answer::No, { seen } };
    return { Answer::Unknown, { QStringLiteral("the record does not say whether the device was compliant"), seen } };
}

Fact FactSheet::principalRunsJob() const
{
    switch (m_signIn.type()) {
    case SignInType::ServicePrincipal:
    case SignInType::ManagedIdentity:
        return { Answer::Yes,
            { QStringLiteral("the sign-in is a %1 sign-in (%2)").arg(principalKind(), principalName()) } };
    case SignInType::NonInteractiveUser:
        return { Answer::Yes,
            { QStringLiteral("%1 signed in non-interactively (a refresh token or a background job, "
                             "no person at the prompt)")
                    .arg(principalName()) } };
    case SignInType::InteractiveUser:
        return { Answer::No, { QStringLiteral("%1 signed in interactively").arg(principalName()) } };
    case SignInType::Unknown:
        break;
    }
    return { Answer::Unknown, { QStringLiteral("the record does not say whether the sign-in was interactive") } };
}

Fact FactSheet::interactiveUser() const
{
    Fact f = principalRunsJob();
    if (f.answer == Answer::Yes)
        f.answer = Answer::No;
    else if (f.answer == Answer::No)
        f.answer = Answer::Yes;
    return f;
}

Fact FactSheet::principalExcluded(const PolicyEval& e) const
{
    const CaPolicy* def = definition(e);
    const QString policy = qs(m_signIn.policyName(e));
    const std::string id = principalId().toStdString();
    if (!def)
        return { Answer::Unknown,
            { QStringLiteral("the definition of '%1' was not loaded, so its exclusions are not known").arg(policy) } };
    if (isWorkload()) {
        if (contains(def->excludeServicePrincipals, id))
            return { Answer::Yes, { QStringLiteral("'%1' excludes service principal %2").arg(policy, principalId()) } };
        return { Answer::No,
            { QStringLiteral("'%1' excludes %2 service principal(s), not %3")
                    .arg(policy)
                    .arg(def->excludeServicePrincipals.size())
                    .arg(principalId()) } };
    }
    if (contains(def->excludeUsers, id))
        return { Answer::Yes, { QStringLiteral("'%1' excludes user %2").arg(policy, principalId()) } };
    if (!def->excludeGroups.empty() || !def->excludeRoles.empty())
        return { Answer::Unknown,
            { QStringLiteral("'%1' excludes %2 group(s) and %3 role(s); sign-in logs do not show "
                             "whether %4 is a member")
                    .arg(policy)
                    .arg(def->excludeGroups.size())
                    .arg(def->excludeRoles.size())
                    .arg(principalName()) } };
    return { Answer::No,
        { QStringLiteral("'%1' excludes neither %2 nor a group or role").arg(policy, principalName()) } };
}

Fact FactSheet::ipTrust(const PolicyEval* policy) const
{
    const SignInRef& s = m_signIn;
    const QString ipText = qs(s.str(SF::IpAddress));
    if (s.networkTypes() & (NetworkType::Trusted | NetworkType::TrustedNamedLocation))
        return { Answer::Yes,
            { QStringLiteral("networkLocationDetails marks the sign-in as from a trusted location (%1)")
                    .arg(qs(s.str(SF::NetworkNames))) } };
    Fact f { Answer::Unknown, {} };
    if (!s.str(SF::NetworkNames).empty())
        f.evidence
            << QStringLiteral("networkLocationDetails names %1, none of them trusted").arg(qs(s.str(SF::NetworkNames)));
    const auto ip = IpAddress::parse(s.str(SF::IpAddress));
    if (!ip) {
        f.evidence << QStringLiteral("the record has no usable IP address (%1)").arg(quoted(s.str(SF::IpAddress)));
        return f;
    }
    size_t trustedRanges = 0;
    for (const NamedLocation& loc : m_d.namedLocations()) {
        if (loc.kind != NamedLocation::Kind::Ip) continue;
        if (loc.isTrusted) trustedRanges += loc.ranges.size();
        for (size_t i = 0; i < loc.ranges.size(); ++i)
            if (loc.ranges[i].contains(*ip)) {
                const QString where
                    = QStringLiteral("%1 is inside %2 of the named location '%3'")
                          .arg(ipText, qs(loc.rangeTexts.size() > i ? loc.rangeTexts[i] : std::string()),
                              qs(loc.displayName));
                if (loc.isTrusted) return { Answer::Yes, { where + QStringLiteral(", which is trusted") } };
                f.evidence << where + QStringLiteral(", which is not marked trusted");
            }
    }
    if (policy) {
        if (const CaPolicy* def = definition(*policy))
            if (contains(def->excludeLocations, "00000000-0000-0000-0000-000000000000"))
                f.evidence << QStringLiteral("'%1' excludes the legacy MFA trusted IPs, which sign-in logs cannot show")
                                  .arg(qs(s.policyName(*policy)));
    }
    if (trustedRanges > 0 || !s.str(SF::NetworkNames).empty()) {
        f.answer = Answer::No;
        f.evidence << QStringLiteral("%1 is in none of the %2 trusted IP ranges").arg(ipText).arg(trustedRanges);
    } else if (m_d.namedLocations().empty()) {
        f.evidence << QStringLiteral(
            "the named locations were not loaded (add --named-locations), so %1 cannot be checked")
                          .arg(ipText);
    }
    return f;
}

} // namespace calens
