// SPDX-License-Identifier: MIT
#include "facts.h"

#include "whatif/conditions.h"
#include "whatif/ipmatch.h"

#include <algorithm>

namespace calens {

namespace {

constexpr std::string_view kManagedPrefix = "Microsoft-managed:";

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

} // namespace

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString quoted(std::string_view s)
{
    return s.empty() ? QStringLiteral("(empty)") : QLatin1Char('"') + qs(s) + QLatin1Char('"');
}

FactSheet::FactSheet(const Dataset& dataset, uint32_t row, const whatif::WhatIfEvaluator* evaluator)
    : m_d(dataset)
    , m_signIn(dataset.signIn(row))
    , m_evaluator(evaluator)
{ }

const whatif::WhatIfEvaluator& FactSheet::whatIf() const
{
    if (m_evaluator) return *m_evaluator;
    if (!m_ownEvaluator) m_ownEvaluator = std::make_unique<whatif::WhatIfEvaluator>(m_d);
    return *m_ownEvaluator;
}

const whatif::WhatIfInput& FactSheet::input() const
{
    if (!m_input) m_input = whatif::fromSignIn(m_signIn);
    return *m_input;
}

const CaPolicy* FactSheet::definition(const PolicyEval& e) const
{
    const std::string_view id = m_signIn.policyId(e);
    for (const CaPolicy& p : m_d.policies())
        if (p.id == id) return &p;
    return nullptr;
}

std::optional<whatif::ConditionResult> FactSheet::ask(const PolicyEval& e, std::string_view condition) const
{
    const CaPolicy* def = definition(e);
    if (!def) return std::nullopt;
    return whatIf().condition(*def, condition, input());
}

bool FactSheet::isWorkload() const
{
    return m_signIn.type() == SignInType::ServicePrincipal || m_signIn.type() == SignInType::ManagedIdentity;
}

bool FactSheet::isMicrosoftManaged(const PolicyEval& e) const
{
    // Microsoft-managed policies carry this prefix in their names, which admins cannot change
    // (identity/conditional-access/managed-policies.md). A name is data: at worst it changes a note.
    return startsWithIgnoreCase(m_signIn.policyName(e), kManagedPrefix);
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

const std::vector<std::pair<std::string_view, FactSheet::Rule>>& FactSheet::rules()
{
    static const std::vector<std::pair<std::string_view, Rule>> table {
        { "caErrorCode", &FactSheet::caErrorCode },
        { "hasPolicyDetail", &FactSheet::hasPolicyDetail },
        { "hasFailingPolicy", &FactSheet::hasFailingPolicy },
        { "principalRunsJob", &FactSheet::principalRunsJob },
        { "interactiveUser", &FactSheet::interactiveUser },
        { "cannotAnswerPrompt", &FactSheet::cannotAnswerPrompt },
        { "principalIsExternal", &FactSheet::principalIsExternal },
        { "securityDefaultsApplied", &FactSheet::securityDefaultsApplied },
        { "azureMandatoryMfa", &FactSheet::azureMandatoryMfa },
        { "mfaRequiredCode", &FactSheet::mfaRequiredCode },
        { "sessionProtocolTracked", &FactSheet::sessionProtocolTracked },
        { "signInFrequencyExpired", &FactSheet::signInFrequencyExpired },
        { "policyRiskBased", &FactSheet::policyRiskBased },
        { "policyLocationBased", &FactSheet::policyLocationBased },
        { "policyDeviceBased", &FactSheet::policyDeviceBased },
        { "policyGrantBlock", &FactSheet::policyGrantBlock },
        { "policyRequiresDevice", &FactSheet::policyRequiresDevice },
        { "policyRequiresMfa", &FactSheet::policyRequiresMfa },
        { "policyRequiresStrongerAuth", &FactSheet::policyRequiresStrongerAuth },
        { "policyRequiresApprovedApp", &FactSheet::policyRequiresApprovedApp },
        { "policyRequiresTermsOfUse", &FactSheet::policyRequiresTermsOfUse },
        { "policyRequiresPasswordChange", &FactSheet::policyRequiresPasswordChange },
        { "policyMicrosoftManaged", &FactSheet::policyMicrosoftManaged },
        { "policyDefinitionLoaded", &FactSheet::policyDefinitionLoaded },
        { "policyTargetsAuthContext", &FactSheet::policyTargetsAuthContext },
        { "policyMatchedByRole", &FactSheet::policyMatchedByRole },
        { "policyBlocksLegacyClient", &FactSheet::policyBlocksLegacyClient },
        { "policyMatchesAuthFlow", &FactSheet::policyMatchesAuthFlow },
        { "policyBlocksUnknownPlatform", &FactSheet::policyBlocksUnknownPlatform },
        { "tokenProtectionUnmet", &FactSheet::tokenProtectionUnmet },
        { "deviceSatisfies", &FactSheet::deviceSatisfies },
        { "principalOutOfScope", &FactSheet::principalOutOfScope },
        { "ipInPolicyExcludedLocations", &FactSheet::ipInPolicyExcludedLocations },
        { "policyLocationUsesGps", &FactSheet::policyLocationUsesGps },
        { "caeStrictLocationMismatch", &FactSheet::caeStrictLocationMismatch },
        { "policyUsesCompliantNetwork", &FactSheet::policyUsesCompliantNetwork },
        { "ipv6AgainstIpv4Ranges", &FactSheet::ipv6AgainstIpv4Ranges },
    };
    return table;
}

bool FactSheet::knows(std::string_view name)
{
    const auto& t = rules();
    return std::any_of(t.begin(), t.end(), [name](const auto& r) { return r.first == name; });
}

// Facts whose name starts with "policy", "ip", "cae", "token", "device" or "principalOutOfScope" are about one
// failing policy; the others about the sign-in.
Fact FactSheet::get(std::string_view name, const PolicyEval* p) const
{
    for (const auto& [n, rule] : rules()) {
        if (n != name) continue;
        const bool perPolicy = n.starts_with("policy") || n.starts_with("ip") || n.starts_with("cae")
            || n == "tokenProtectionUnmet" || n == "deviceSatisfies" || n == "principalOutOfScope";
        if (perPolicy && !p) return { Answer::Unknown, { QStringLiteral("no failing policy to ask about") } };
        return (this->*rule)(p);
    }
    return { Answer::Unknown, { QStringLiteral("CA Lens has no rule for '%1'").arg(qs(name)) } };
}

Fact FactSheet::conditionBits(const PolicyEval& e, uint32_t bits, const char* what) const
{
    const QString policy = qs(m_signIn.policyName(e));
    if (e.conditionsSatisfied & bits) {
        QStringList names;
        for (int b = 0; b < Condition::Count; ++b)
            if (e.conditionsSatisfied & bits & (1u << b)) names << qs(conditionName(b));
        return { Answer::Yes,
            { QStringLiteral("'%1' lists %2 among its satisfied conditions")
                    .arg(policy, names.join(QStringLiteral(", "))) } };
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

Fact FactSheet::ipTrust(const PolicyEval* /*policy*/) const
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
    if (!whatif::parseAddress(s.str(SF::IpAddress))) {
        f.evidence << QStringLiteral("the record has no usable IP address (%1)").arg(quoted(s.str(SF::IpAddress)));
        return f;
    }
    // Membership of each trusted location as Conditional Access decides it (the What-If's rule).
    size_t trusted = 0;
    bool unknown = false;
    for (const NamedLocation& loc : m_d.namedLocations()) {
        if (!loc.isTrusted) continue;
        ++trusted;
        const whatif::Tri in = whatif::inNamedLocation(loc, input());
        if (in == whatif::Tri::Yes)
            return { Answer::Yes,
                { QStringLiteral("%1 is inside the trusted named location '%2'").arg(ipText, qs(loc.displayName)) } };
        unknown |= in == whatif::Tri::Unknown;
    }
    if (m_d.namedLocations().empty()) {
        f.evidence << QStringLiteral(
            "the named locations were not loaded (add --named-locations), so %1 cannot be checked")
                          .arg(ipText);
    } else if (!unknown && (trusted > 0 || !s.str(SF::NetworkNames).empty())) {
        f.answer = Answer::No;
        f.evidence << QStringLiteral("%1 is in none of the %2 trusted named locations").arg(ipText).arg(trusted);
    }
    return f;
}

} // namespace calens
