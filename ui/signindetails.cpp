// SPDX-License-Identifier: MIT
#include "signindetails.h"

#include "diagnosis/words.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString esc(std::string_view s)
{
    return q(s).toHtmlEscaped();
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

QString summaryHtml(const Dataset& d, const Summary& s, const std::vector<InputReport>& reports)
{
    QString h = QStringLiteral("<h3>Overview</h3><p><b>%1</b> sign-ins").arg(s.signIns);
    if (s.first != INT64_MAX) h += QStringLiteral("<br>%1 – %2").arg(q(formatIso(s.first)), q(formatIso(s.last)));
    h += QStringLiteral(
        "</p><p>Interactive %1<br>Non-interactive %2<br>Service principal %3<br>Managed identity %4</p>")
             .arg(s.types[0])
             .arg(s.types[1])
             .arg(s.types[2])
             .arg(s.types[3]);
    h += QStringLiteral("<p style='color:#b00020'><b>%1</b></p>").arg(blockedByCaText(s).toHtmlEscaped());
    QString failing;
    for (const auto& p : s.policies) {
        const uint64_t n = p.results[size_t(PolicyResult::Failure)];
        if (n) failing += QStringLiteral("<li>%1 — %2</li>").arg(esc(p.displayName)).arg(n);
    }
    if (!failing.isEmpty()) h += QStringLiteral("<p>Policies that failed:</p><ul>%1</ul>").arg(failing);
    QString unmet;
    for (size_t i = 0; i < s.unmetControls.size(); ++i)
        if (s.unmetControls[i])
            unmet += QStringLiteral("<li>%1 — %2</li>")
                         .arg(controlWord(QString::fromLatin1(unmetControlName(i))).toHtmlEscaped())
                         .arg(s.unmetControls[i]);
    if (!unmet.isEmpty()) h += QStringLiteral("<p>Controls the blocking policies required:</p><ul>%1</ul>").arg(unmet);
    h += QStringLiteral("<p>%1 policies, %2 named locations known</p>")
             .arg(d.policies().size())
             .arg(d.namedLocations().size());
    QString inputs;
    for (const InputReport& r : reports) {
        inputs += QStringLiteral("<li>%1: %2, %3 records")
                      .arg(r.path.toHtmlEscaped(), q(formatName(r.format)))
                      .arg(r.records);
        if (r.skipped) inputs += QStringLiteral(", %1 skipped").arg(r.skipped);
        if (!r.error.isEmpty()) inputs += QStringLiteral("<br><i>%1</i>").arg(r.error.toHtmlEscaped());
        for (const QString& w : r.warnings) inputs += QStringLiteral("<br><i>%1</i>").arg(w.toHtmlEscaped());
        inputs += QStringLiteral("</li>");
    }
    if (!inputs.isEmpty()) h += QStringLiteral("<h4>Inputs</h4><ul>%1</ul>").arg(inputs);
    return h;
}

} // namespace calens
