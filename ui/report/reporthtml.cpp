// SPDX-License-Identifier: MIT
#include "reporthtml.h"

#include "diagnosis/words.h"

#include <QFile>
#include <QRegularExpression>

namespace calens {

namespace {

QString esc(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

QString code(const QString& text)
{
    return QStringLiteral("<pre class=\"code\">") + text.toHtmlEscaped() + QStringLiteral("</pre>");
}

QString factsTable(const std::vector<ReportFact>& facts, const QString& cls = QStringLiteral("facts"))
{
    // A fixed label column keeps labels and values apart (Qt's rich text ignores padding-right on cells).
    QString h = QStringLiteral("<table class=\"%1\" width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">").arg(cls);
    for (const ReportFact& f : facts)
        h += QStringLiteral("<tr><th align=\"left\" valign=\"top\" width=\"22%\">%1</th><td>%2</td></tr>")
                 .arg(esc(f.label), esc(f.value));
    return h + QStringLiteral("</table>");
}

// A time stamp in a narrow column breaks between date and time, not inside the date.
QString cell(const QString& text)
{
    static const QRegularExpression stamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$"));
    return stamp.match(text).hasMatch() ? esc(text.left(10)) + QStringLiteral("<br>") + esc(text.mid(11)) : esc(text);
}

// `widths`: column widths in percent, or empty to let the layout decide.
QString grid(const ReportTable& t, const QString& cls, const std::vector<int>& widths = {})
{
    QString h
        = QStringLiteral("<table class=\"%1\" width=\"100%\" cellspacing=\"0\" cellpadding=\"2\"><thead><tr>").arg(cls);
    for (qsizetype c = 0; c < t.headers.size(); ++c)
        h += (size_t(c) < widths.size() ? QStringLiteral("<th align=\"left\" width=\"%1%\">").arg(widths[size_t(c)])
                                        : QStringLiteral("<th align=\"left\">"))
            + esc(t.headers[c]) + QStringLiteral("</th>");
    h += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList& row : t.rows) {
        h += QStringLiteral("<tr>");
        for (const QString& c : row) h += QStringLiteral("<td>") + cell(c) + QStringLiteral("</td>");
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</tbody></table>");
}

QString bullets(const QStringList& items)
{
    if (items.isEmpty()) return {};
    QString h = QStringLiteral("<ul>");
    for (const QString& i : items) h += QStringLiteral("<li>") + esc(i) + QStringLiteral("</li>");
    return h + QStringLiteral("</ul>");
}

} // namespace

ReportHtml::ReportHtml(const ReportModel& model, ChartMarkup chart)
    : m_model(model)
    , m_chart(std::move(chart))
{ }

QString ReportHtml::styleSheet()
{
    QFile f(QStringLiteral(":/calens/report/report.css"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString ReportHtml::cover() const
{
    std::vector<ReportFact> facts { { QStringLiteral("Tenant"), m_model.tenant },
        { QStringLiteral("Blocked sign-ins"),
            (m_model.signIns == 1 ? QStringLiteral("1 sign-in") : QStringLiteral("%1 sign-ins").arg(m_model.signIns))
                + (m_model.identities == 1 ? QStringLiteral(" of 1 identity")
                                           : QStringLiteral(" of %1 identities").arg(m_model.identities)) },
        { QStringLiteral("Time window"), m_model.windowStart + QStringLiteral(" to ") + m_model.windowEnd },
        { QStringLiteral("Scope"), m_model.scope }, { QStringLiteral("Generated"), m_model.generatedAt },
        { QStringLiteral("Tool"), QStringLiteral("CA Lens ") + m_model.toolVersion } };
    if (m_model.redacted)
        facts.push_back({ QStringLiteral("Redaction"),
            QStringLiteral("User names, UPNs, IP addresses, device names and ids and object ids are replaced by "
                           "stable pseudonyms. Policy and application names are kept.") });
    return QStringLiteral("<p class=\"brand\">CA Lens &#183; Conditional Access incident report</p>")
        + QStringLiteral("<h1 class=\"title\">") + esc(m_model.title) + QStringLiteral("</h1>")
        + factsTable(facts, QStringLiteral("cover"))
        + QStringLiteral("<p class=\"lead\">Error AADSTS53003 means that a Conditional Access policy evaluated the "
                         "sign-in and refused to issue a token, after the credentials were accepted. This report "
                         "says which policy did it, why the sign-in could not satisfy it, and what to change.</p>");
}

QString ReportHtml::summary() const
{
    // Page 1 carries the summary and the key figures under the title block, then the incident table.
    QString h = QStringLiteral("<h2>Executive summary</h2>");
    for (const QString& p : m_model.summary) h += QStringLiteral("<p>") + esc(p) + QStringLiteral("</p>");
    return h + factsTable(m_model.keyFacts);
}

QString ReportHtml::charts() const
{
    if (m_model.charts.empty()) return {};
    QString h = QStringLiteral("<h3 class=\"newpage\">When and what</h3><p class=\"chart\">") + m_chart(0, 480, 150)
        + QStringLiteral("</p>");
    for (size_t i = 1; i < m_model.charts.size(); ++i)
        h += QStringLiteral("<p class=\"chart\">") + m_chart(i, 480, 128) + QStringLiteral("</p>");
    return h;
}

QString ReportHtml::overview() const
{
    QString h = QStringLiteral("<h2>Incidents</h2>"); // right after the summary
    h += grid(m_model.overview, QStringLiteral("grid small"), { 3, 19, 20, 18, 12, 6, 11, 11 });
    if (m_model.incidentsOmitted)
        h += QStringLiteral("<p class=\"small\">The %1 smallest incidents appear in this table only; run the report "
                            "with their correlation ID for the full diagnosis.</p>")
                 .arg(m_model.incidentsOmitted);
    return h;
}

QString ReportHtml::incident(const ReportIncident& i) const
{
    QString h = QStringLiteral("<h2 class=\"newpage\">") + esc(i.heading) + QStringLiteral("</h2>");
    if (!i.affected.isEmpty()) h += QStringLiteral("<p class=\"lead\">") + esc(i.affected) + QStringLiteral("</p>");
    h += factsTable(i.facts);
    h += QStringLiteral("<h3>Root cause</h3><p><b>") + esc(i.causeTitle) + QStringLiteral("</b> (")
        + esc(confidenceWord(i.confidence)) + QStringLiteral(" confidence, ") + QString::number(i.confidence, 'f', 2)
        + QStringLiteral(")<br>") + esc(i.causeSummary) + QStringLiteral("</p>");
    if (!i.otherCauses.isEmpty()) h += QStringLiteral("<p class=\"small\">Also possible:</p>") + bullets(i.otherCauses);
    // Who the root cause hit: one fix pattern for all of them, the diagnosis below made on one sign-in.
    if (i.identities.rows.size() > 1)
        h += QStringLiteral("<h3>Identities affected</h3>")
            + grid(i.identities, QStringLiteral("grid small"), { 22, 9, 6, 20, 10, 10, 23 });
    h += QStringLiteral("<h3>Blocking policies</h3>");
    if (i.policies.empty()) h += QStringLiteral("<p>The log names no failing policy.</p>");
    for (const ReportPolicy& p : i.policies) {
        h += QStringLiteral("<p><b>") + esc(p.name) + QStringLiteral("</b> <span class=\"small\">") + esc(p.id)
            + QStringLiteral(" &#183; result ") + esc(p.result) + QStringLiteral("</span></p>");
        h += factsTable({ { QStringLiteral("Unmet controls"), p.unmetControls.join(QStringLiteral(", ")) },
            { QStringLiteral("Conditions met"), p.conditions.join(QStringLiteral("; ")) } });
    }
    h += QStringLiteral("<h3>Diagnosis, step by step</h3><table class=\"steps\" width=\"100%\" cellspacing=\"0\" "
                        "cellpadding=\"3\"><thead><tr><th align=\"left\">#</th><th align=\"left\">Question and "
                        "evidence</th><th align=\"left\">Answer</th><th align=\"left\">Answered by</th></tr></thead>");
    int n = 0;
    for (const ReportStep& s : i.steps) {
        h += QStringLiteral("<tr><td valign=\"top\">%1</td><td valign=\"top\">").arg(++n) + esc(s.question);
        for (const QString& e : s.evidence)
            h += QStringLiteral("<br><span class=\"evidence\">&#8211; ") + esc(e) + QStringLiteral("</span>");
        h += QStringLiteral("</td><td valign=\"top\" class=\"%1\">")
                 .arg(s.answer == QLatin1String("yes")     ? QStringLiteral("yes")
                         : s.answer == QLatin1String("no") ? QStringLiteral("no")
                                                           : QStringLiteral("unknown"))
            + esc(s.answer) + QStringLiteral("</td><td valign=\"top\">") + esc(s.source) + QStringLiteral("</td></tr>");
    }
    h += QStringLiteral("</table>");
    if (!i.changes.isEmpty())
        h += (i.identities.rows.size() > 1 ? QStringLiteral("<h3>What changed before the first block of ")
                         + esc(i.diagnosedIdentity) + QStringLiteral("</h3>")
                                           : QStringLiteral("<h3>What changed before the first block</h3>"))
            + bullets(i.changes);
    if (!i.notes.isEmpty()) h += QStringLiteral("<h3>Notes</h3>") + bullets(i.notes);
    h += fixes(i);
    const QString state = i.verificationState == QLatin1String("fixed") ? QStringLiteral("fixed")
        : i.verificationState == QLatin1String("still-failing")         ? QStringLiteral("still-failing")
                                                                        : QStringLiteral("open");
    h += QStringLiteral("<h3>Verification</h3><p class=\"%1\">").arg(state) + esc(i.verification)
        + QStringLiteral("</p>");
    return h;
}

QString ReportHtml::fixes(const ReportIncident& i) const
{
    QString intended;
    if (i.intended == QLatin1String("yes")) {
        intended = QStringLiteral("<h3>Outcome: the block is intended</h3><p>")
            + esc(i.intendedSource == QLatin1String("admin") ? QStringLiteral("The admin judged that the policy did "
                                                                              "its job.")
                                                             : i.intendedBecause)
            + QStringLiteral(" No policy change is needed.</p>");
        if (!i.tellUser.isEmpty())
            intended += QStringLiteral("<p><b>Tell the user:</b> ") + esc(i.tellUser) + QStringLiteral("</p>");
        if (i.fixes.empty()) return intended;
        return intended + QStringLiteral("<h3>If it is a fault after all</h3>") + fixList(i);
    }
    if (i.fixes.empty())
        return QStringLiteral("<h3>Fix</h3><p>No automatic fix applies: answer the open questions above.</p>");
    return QStringLiteral("<h3>Fix (review before applying; nothing was changed)</h3>") + fixList(i);
}

QString ReportHtml::fixList(const ReportIncident& i) const
{
    QString h;
    for (const ReportFix& f : i.fixes) {
        h += QStringLiteral("<h4>") + esc(f.title) + QStringLiteral("</h4><p>") + esc(f.portal)
            + QStringLiteral("</p>");
        if (!f.powershell.isEmpty())
            h += QStringLiteral("<p class=\"label\">Microsoft Graph PowerShell</p>") + code(f.powershell);
        if (!f.graphRequest.isEmpty())
            h += QStringLiteral("<p class=\"label\">Graph request</p>") + code(f.graphRequest);
        if (!f.verify.isEmpty()) h += QStringLiteral("<p><b>Verify:</b> ") + esc(f.verify) + QStringLiteral("</p>");
    }
    return h;
}

QString ReportHtml::appendix() const
{
    return QStringLiteral("<h2 class=\"newpage\">Appendix: affected sign-ins</h2>")
        + grid(m_model.appendix, QStringLiteral("grid small"));
}

QString ReportHtml::body(bool withAppendix) const
{
    QString h = cover() + summary() + overview() + charts();
    for (const ReportIncident& i : m_model.incidents) h += incident(i);
    if (withAppendix) h += appendix();
    return h;
}

QString ReportHtml::document(bool withAppendix) const
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        + esc(m_model.title) + QStringLiteral("</title><style>\n") + styleSheet()
        + QStringLiteral("</style></head><body>\n") + body(withAppendix) + QStringLiteral("\n</body></html>\n");
}

} // namespace calens
