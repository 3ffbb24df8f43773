// SPDX-License-Identifier: MIT
#include "signindetails.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <QStringList>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString grantList(const SignInRef& s, const PolicyEval& e)
{
    QStringList out;
    for (int bit = 0; bit < Grant::Count; ++bit)
        if (e.grant & (1 << bit) && bit != 10) out << q(grantName(bit));
    for (std::string_view c : s.customGrants(e)) out << q(c);
    return out.join(QStringLiteral(", "));
}

const char* tri(Tristate t)
{
    return t == Tristate::True ? "yes" : t == Tristate::False ? "no" : "(not in the log)";
}
} // namespace

QString signInDetailsText(const Dataset& d, uint32_t row)
{
    const SignInRef s = d.signIn(row);
    QString t;
    auto line = [&](const QString& label, const QString& value) {
        if (!value.isEmpty()) t += label.leftJustified(26, QLatin1Char(' ')) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("Time (UTC)"), q(formatIso(s.createdMs())));
    line(QStringLiteral("Sign-in type"), q(name(s.type())));
    if (s.hasErrorCode()) line(QStringLiteral("Error code"), QString::number(s.errorCode()));
    for (size_t f = 0; f < kStrFieldCount; ++f) line(q(fieldName(SF(f))), q(s.str(SF(f))));
    line(QStringLiteral("conditionalAccessStatus"), q(name(s.caStatus())));
    line(QStringLiteral("deviceDetail.isCompliant"), QString::fromLatin1(tri(s.isCompliant())));
    line(QStringLiteral("deviceDetail.isManaged"), QString::fromLatin1(tri(s.isManaged())));
    line(QStringLiteral("riskLevelDuringSignIn"), q(name(s.riskDuringSignIn())));
    line(QStringLiteral("authenticationRequirement"), q(name(s.authRequirement())));
    t += QLatin1Char('\n');
    if (s.policyDetail() != Tristate::True) {
        t += QStringLiteral("No per-policy detail in this record (CSV download, or read without Conditional Access "
                            "permission).\n");
        return t;
    }
    t += QStringLiteral("Conditional Access policies (%1):\n").arg(s.evals().size());
    for (int pass = 0; pass < 2; ++pass)
        for (const PolicyEval& e : s.evals()) {
            const bool failed = e.result == PolicyResult::Failure || e.result == PolicyResult::ReportOnlyFailure;
            if (failed != (pass == 0)) continue;
            t += QStringLiteral("  %1  %2")
                     .arg(q(s.resultText(e)).leftJustified(22, QLatin1Char(' ')), q(s.policyName(e)));
            const QString grants = grantList(s, e);
            if (!grants.isEmpty()) t += QStringLiteral("   [%1]").arg(grants);
            t += QLatin1Char('\n');
        }
    return t;
}

} // namespace calens
