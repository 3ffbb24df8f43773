// SPDX-License-Identifier: MIT
#include "reporttext.h"

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

void each(ReportIncident& i, const std::function<void(QString&)>& edit)
{
    for (QString* s : { &i.heading, &i.causeId, &i.causeTitle, &i.causeSummary, &i.verificationState, &i.verification })
        edit(*s);
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
    for (ReportFix& f : i.fixes)
        for (QString* s : { &f.title, &f.portal, &f.powershell, &f.graphRequest, &f.verify }) edit(*s);
    edit(i.intendedBecause);
    edit(i.tellUser);
}

bool isHidingControl(char32_t c)
{
    if (c == U'\n' || c == U'\t') return false;
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

} // namespace

void forEachString(ReportModel& m, const std::function<void(QString&)>& edit)
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
    for (ReportIncident& i : m.incidents) each(i, edit);
    each(m.overview, edit);
    each(m.appendix, edit);
}

QString neutralizeControls(const QString& text)
{
    bool clean = true;
    for (QChar c : text)
        if (isHidingControl(c.unicode())) clean = false;
    if (clean) return text;
    QString out;
    out.reserve(text.size() + 16);
    for (QChar c : text) {
        if (isHidingControl(c.unicode()))
            out += QStringLiteral("[U+%1]").arg(uint(c.unicode()), 4, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

} // namespace calens
