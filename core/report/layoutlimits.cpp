// SPDX-License-Identifier: MIT
#include "layoutlimits.h"

#include "reporttext.h"

namespace calens {

namespace {

QString cut(const QString& text, qsizetype max)
{
    if (text.size() <= max) return text;
    qsizetype keep = max;
    if (text[keep - 1].isHighSurrogate()) --keep; // never half a character
    return text.left(keep)
        + QStringLiteral(" \u2026 [%1 more characters; the JSON report has the whole text]").arg(text.size() - keep);
}

void trim(QStringList& list, qsizetype max, const char* what)
{
    if (list.size() <= max) return;
    const qsizetype more = list.size() - max;
    list.resize(max);
    list << QStringLiteral("\u2026 and %1 more %2 (the JSON report lists all)").arg(more).arg(QLatin1String(what));
}

} // namespace

ReportModel limitedForLayout(const ReportModel& model, const LayoutLimits& limits)
{
    ReportModel m = model;
    for (ReportIncident& i : m.incidents) {
        if (i.policies.size() > limits.maxPolicies) {
            const size_t more = i.policies.size() - limits.maxPolicies;
            i.policies.resize(limits.maxPolicies);
            i.notes.prepend(QStringLiteral("Only the first %1 of %2 blocking policies are listed here; the JSON "
                                           "report lists all.")
                                .arg(limits.maxPolicies)
                                .arg(limits.maxPolicies + more));
        }
        if (i.steps.size() > limits.maxSteps) {
            const size_t more = i.steps.size() - limits.maxSteps;
            i.steps.resize(limits.maxSteps);
            i.notes.prepend(QStringLiteral("%1 more diagnosis steps are in the JSON report.").arg(more));
        }
        if (i.identities.rows.size() > limits.maxIdentityRows) {
            const size_t more = i.identities.rows.size() - limits.maxIdentityRows;
            i.identities.rows.resize(limits.maxIdentityRows);
            QStringList note(i.identities.headers.size());
            if (!note.isEmpty())
                note.front() = QStringLiteral("\u2026 and %1 more identities (the JSON report lists all)").arg(more);
            i.identities.rows.push_back(note);
        }
        for (ReportPolicy& p : i.policies) {
            trim(p.conditions, limits.maxItems, "conditions");
            trim(p.unmetControls, limits.maxItems, "controls");
        }
        for (ReportStep& s : i.steps) trim(s.evidence, limits.maxItems, "lines of evidence");
        trim(i.otherCauses, limits.maxItems, "possible causes");
        trim(i.changes, limits.maxItems, "changes");
        trim(i.notes, limits.maxItems, "notes");
        for (ReportFix& f : i.fixes) {
            f.powershell = cut(f.powershell, limits.maxScriptChars);
            f.graphRequest = cut(f.graphRequest, limits.maxScriptChars);
        }
    }
    if (m.overview.rows.size() > limits.maxOverviewRows) {
        const size_t more = m.overview.rows.size() - limits.maxOverviewRows;
        m.overview.rows.resize(limits.maxOverviewRows);
        QStringList note(m.overview.headers.size());
        if (!note.isEmpty())
            note.last() = QStringLiteral("\u2026 and %1 more incidents (the JSON report lists all)").arg(more);
        m.overview.rows.push_back(note);
    }
    // Scripts were cut to their own, larger limit above; everything else to maxChars.
    forEachString(
        m, [&limits](QString& s) { s = cut(s, limits.maxChars); }, false);
    return m;
}

} // namespace calens
