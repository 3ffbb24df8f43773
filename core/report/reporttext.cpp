// SPDX-License-Identifier: MIT
#include "reporttext.h"

#include "text/safetext.h"

namespace calens {

namespace {

void each(QStringList& list, const std::function<void(QString&)>& edit)
{
    for (QString& s : list) edit(s);
}

void each(std::vector<ReportFact>& facts, const std::function<void(QString&)>& edit)
{
    for (ReportFact& f : facts) {
        edit(f.label);
        edit(f.value);
    }
}

void each(ReportTable& table, const std::function<void(QString&)>& edit)
{
    each(table.headers, edit);
    for (QStringList& row : table.rows) each(row, edit);
}

void each(ReportIncident& i, const std::function<void(QString&)>& edit, bool includeCode)
{
    for (QString* s : { &i.heading, &i.affected, &i.causeId, &i.causeTitle, &i.causeSummary, &i.diagnosedIdentity,
             &i.verificationState, &i.verification })
        edit(*s);
    each(i.identities, edit);
    each(i.facts, edit);
    for (ReportPolicy& p : i.policies) {
        edit(p.id);
        edit(p.name);
        edit(p.result);
        each(p.unmetControls, edit);
        each(p.conditions, edit);
    }
    for (ReportStep& s : i.steps) {
        edit(s.question);
        edit(s.answer);
        edit(s.source);
        each(s.evidence, edit);
    }
    each(i.otherCauses, edit);
    each(i.changes, edit);
    each(i.notes, edit);
    for (ReportFix& f : i.fixes) {
        for (QString* s : { &f.title, &f.portal, &f.verify }) edit(*s);
        if (includeCode)
            for (QString* s : { &f.powershell, &f.graphRequest }) edit(*s);
    }
    edit(i.intendedBecause);
    edit(i.tellUser);
}

} // namespace

void forEachString(ReportModel& m, const std::function<void(QString&)>& edit, bool includeCode)
{
    for (QString* s : { &m.title, &m.tenant, &m.toolVersion, &m.generatedAt, &m.windowStart, &m.windowEnd, &m.scope })
        edit(*s);
    each(m.summary, edit);
    each(m.keyFacts, edit);
    for (ReportChart& c : m.charts) {
        edit(c.id);
        edit(c.title);
        each(c.labels, edit);
    }
    for (ReportIncident& i : m.incidents) each(i, edit, includeCode);
    each(m.overview, edit);
    each(m.appendix, edit);
}

QString neutralizeControls(const QString& text)
{
    return text::visibleControls(text, true);
}

} // namespace calens
