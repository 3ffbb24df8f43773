// SPDX-License-Identifier: MIT
#include "signindetails.h"

#include "diagnosis/words.h"
#include "ingest/timestamp.h"
#include "model/signinref.h"
#include "query/conditionwords.h"

#include <QCoreApplication>

#include <array>

#include <QStringList>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The portal's words for each string field, in SF order; the Graph property path goes in the tooltip.
constexpr std::array<const char*, kStrFieldCount> kFieldLabels { QT_TRANSLATE_NOOP("SignInDetails", "Request ID"),
    QT_TRANSLATE_NOOP("SignInDetails", "Correlation ID"), QT_TRANSLATE_NOOP("SignInDetails", "Original request ID"),
    QT_TRANSLATE_NOOP("SignInDetails", "Unique token identifier"), QT_TRANSLATE_NOOP("SignInDetails", "User ID"),
    QT_TRANSLATE_NOOP("SignInDetails", "User"), QT_TRANSLATE_NOOP("SignInDetails", "Username"),
    QT_TRANSLATE_NOOP("SignInDetails", "User type"), QT_TRANSLATE_NOOP("SignInDetails", "Service principal ID"),
    QT_TRANSLATE_NOOP("SignInDetails", "Service principal"),
    QT_TRANSLATE_NOOP("SignInDetails", "Managed identity's resource"),
    QT_TRANSLATE_NOOP("SignInDetails", "Application ID"), QT_TRANSLATE_NOOP("SignInDetails", "Application"),
    QT_TRANSLATE_NOOP("SignInDetails", "Resource ID"), QT_TRANSLATE_NOOP("SignInDetails", "Resource"),
    QT_TRANSLATE_NOOP("SignInDetails", "IP address"), QT_TRANSLATE_NOOP("SignInDetails", "Country or region"),
    QT_TRANSLATE_NOOP("SignInDetails", "State"), QT_TRANSLATE_NOOP("SignInDetails", "City"),
    QT_TRANSLATE_NOOP("SignInDetails", "Client app"), QT_TRANSLATE_NOOP("SignInDetails", "User agent"),
    QT_TRANSLATE_NOOP("SignInDetails", "Failure reason"), QT_TRANSLATE_NOOP("SignInDetails", "Additional details"),
    QT_TRANSLATE_NOOP("SignInDetails", "Device ID"), QT_TRANSLATE_NOOP("SignInDetails", "Device"),
    QT_TRANSLATE_NOOP("SignInDetails", "Operating system"), QT_TRANSLATE_NOOP("SignInDetails", "Browser"),
    QT_TRANSLATE_NOOP("SignInDetails", "Join type"), QT_TRANSLATE_NOOP("SignInDetails", "Risk detail"),
    QT_TRANSLATE_NOOP("SignInDetails", "Risk event types"), QT_TRANSLATE_NOOP("SignInDetails", "Named networks"),
    QT_TRANSLATE_NOOP("SignInDetails", "Authentication protocol"),
    QT_TRANSLATE_NOOP("SignInDetails", "Client credential type"),
    QT_TRANSLATE_NOOP("SignInDetails", "Cross-tenant access type"),
    QT_TRANSLATE_NOOP("SignInDetails", "Home tenant ID"), QT_TRANSLATE_NOOP("SignInDetails", "Resource tenant ID"),
    QT_TRANSLATE_NOOP("SignInDetails", "Incoming token type"),
    QT_TRANSLATE_NOOP("SignInDetails", "Authentication contexts"),
    QT_TRANSLATE_NOOP("SignInDetails", "Conditional Access audiences"),
    QT_TRANSLATE_NOOP("SignInDetails", "IP address seen by the resource"),
    QT_TRANSLATE_NOOP("SignInDetails", "Token protection (sign-in session)"),
    QT_TRANSLATE_NOOP("SignInDetails", "Token protection status code"),
    QT_TRANSLATE_NOOP("SignInDetails", "Authentication requirement policies"),
    QT_TRANSLATE_NOOP("SignInDetails", "Session lifetime policies") };

QString tr(const char* text)
{
    return QCoreApplication::translate("SignInDetails", text);
}

QString typeText(SignInType t)
{
    switch (t) {
    case SignInType::InteractiveUser:
        return tr("Interactive user");
    case SignInType::NonInteractiveUser:
        return tr("Non-interactive user");
    case SignInType::ServicePrincipal:
        return tr("Service principal");
    case SignInType::ManagedIdentity:
        return tr("Managed identity");
    case SignInType::Unknown:
        break;
    }
    return tr("Unknown");
}

QString riskText(RiskLevel r)
{
    static const char* const words[]
        = { QT_TRANSLATE_NOOP("SignInDetails", "None"), QT_TRANSLATE_NOOP("SignInDetails", "Low"),
              QT_TRANSLATE_NOOP("SignInDetails", "Medium"), QT_TRANSLATE_NOOP("SignInDetails", "High"),
              QT_TRANSLATE_NOOP("SignInDetails", "Hidden"), QT_TRANSLATE_NOOP("SignInDetails", "Unknown") };
    return r == RiskLevel::NotSet ? QString() : tr(words[size_t(r)]);
}

QString authText(AuthRequirement a)
{
    return a == AuthRequirement::SingleFactor ? tr("Single-factor authentication")
        : a == AuthRequirement::MultiFactor   ? tr("Multifactor authentication")
        : a == AuthRequirement::Unknown       ? tr("Unknown")
                                              : QString();
}

QString tri(Tristate t)
{
    return t == Tristate::True ? tr("Yes") : t == Tristate::False ? tr("No") : tr("Not in the log");
}
} // namespace

std::vector<DetailField> signInDetailFields(const Dataset& d, uint32_t row)
{
    const SignInRef s = d.signIn(row);
    std::vector<DetailField> out;
    auto add = [&out](const QString& label, const QString& property, const QString& value) {
        if (!value.isEmpty()) out.push_back({ label, property, value });
    };
    add(tr("Time (UTC)"), QStringLiteral("createdDateTime"), q(formatIso(s.createdMs())));
    add(tr("Sign-in type"), QStringLiteral("signInEventTypes"), typeText(s.type()));
    if (s.hasErrorCode()) add(tr("Error code"), QStringLiteral("status.errorCode"), QString::number(s.errorCode()));
    add(tr("Conditional Access"), QStringLiteral("conditionalAccessStatus"),
        s.caStatus() == CaStatus::Unknown ? tr("Unknown") : policyResultLabel(name(s.caStatus())));
    for (size_t f = 0; f < kStrFieldCount; ++f) add(tr(kFieldLabels[f]), q(fieldName(SF(f))), q(s.str(SF(f))));
    add(tr("Compliant device"), QStringLiteral("deviceDetail.isCompliant"), tri(s.isCompliant()));
    add(tr("Managed device"), QStringLiteral("deviceDetail.isManaged"), tri(s.isManaged()));
    add(tr("Sign-in risk level"), QStringLiteral("riskLevelDuringSignIn"), riskText(s.riskDuringSignIn()));
    add(tr("Authentication requirement"), QStringLiteral("authenticationRequirement"), authText(s.authRequirement()));
    return out;
}

QString grantsText(const SignInRef& s, const PolicyEval& e)
{
    QStringList out;
    for (int bit = 0; bit < Grant::Count; ++bit)
        if ((e.grant & (1 << bit)) && (1 << bit) != Grant::Other) out << controlWord(q(grantName(bit)));
    for (std::string_view c : s.customGrants(e)) out << q(c);
    return out.join(QStringLiteral(", "));
}

QString signInDetailsText(const Dataset& d, uint32_t row)
{
    QString t;
    for (const DetailField& f : signInDetailFields(d, row))
        t += f.label + QStringLiteral(": ") + f.value + QLatin1Char('\n');
    const SignInRef s = d.signIn(row);
    if (s.policyDetail() != Tristate::True) return t;
    t += QLatin1Char('\n') + tr("Conditional Access policies (%1):").arg(s.evals().size()) + QLatin1Char('\n');
    for (const PolicyEval& e : s.evals()) {
        t += QStringLiteral("  %1 — %2").arg(policyResultLabel(s.resultText(e)), q(s.policyName(e)));
        const QString grants = grantsText(s, e);
        if (!grants.isEmpty()) t += tr(" (requires %1)").arg(grants);
        t += QLatin1Char('\n');
    }
    return t;
}

} // namespace calens
