// SPDX-License-Identifier: MIT
#include "reportjson.h"

#include "export/outputfile.h"

#include "model/jsontext.h"

namespace calens {

namespace {

using jsontext::J;
using jsontext::list;

std::string s(const QString& text)
{
    return jsontext::utf8(text);
}

J facts(const std::vector<ReportFact>& facts)
{
    J out = J::array();
    for (const ReportFact& f : facts) {
        J o;
        o["label"] = s(f.label);
        o["value"] = s(f.value);
        out.push_back(std::move(o));
    }
    return out;
}

J table(const ReportTable& t)
{
    J out;
    out["headers"] = list(t.headers);
    J rows = J::array();
    for (const QStringList& r : t.rows) rows.push_back(list(r));
    out["rows"] = std::move(rows);
    return out;
}

J incident(const ReportIncident& i)
{
    J o;
    o["heading"] = s(i.heading);
    o["affected"] = s(i.affected);
    o["cause"] = s(i.causeId);
    o["causeTitle"] = s(i.causeTitle);
    o["causeSummary"] = s(i.causeSummary);
    o["confidence"] = i.confidence;
    o["facts"] = facts(i.facts);
    J policies = J::array();
    for (const ReportPolicy& p : i.policies) {
        J pj;
        pj["id"] = s(p.id);
        pj["displayName"] = s(p.name);
        pj["result"] = s(p.result);
        pj["unmetControls"] = list(p.unmetControls);
        pj["conditions"] = list(p.conditions);
        policies.push_back(std::move(pj));
    }
    o["blockingPolicies"] = std::move(policies);
    J steps = J::array();
    for (const ReportStep& st : i.steps) {
        J sj;
        sj["question"] = s(st.question);
        sj["answer"] = s(st.answer);
        sj["source"] = s(st.source);
        sj["evidence"] = list(st.evidence);
        steps.push_back(std::move(sj));
    }
    o["steps"] = std::move(steps);
    o["identities"] = table(i.identities);
    o["diagnosedIdentity"] = s(i.diagnosedIdentity);
    o["otherCauses"] = list(i.otherCauses);
    o["changes"] = list(i.changes);
    o["notes"] = list(i.notes);
    J fixes = J::array();
    for (const ReportFix& f : i.fixes) {
        J fj;
        fj["title"] = s(f.title);
        fj["portal"] = s(f.portal);
        fj["powershell"] = s(f.powershell);
        fj["graphRequest"] = s(f.graphRequest);
        fj["verify"] = s(f.verify);
        fixes.push_back(std::move(fj));
    }
    o["fixes"] = std::move(fixes);
    o["intended"] = J { { "answer", s(i.intended) }, { "source", s(i.intendedSource) },
        { "because", s(i.intendedBecause) }, { "tellUser", s(i.tellUser) } };
    J v;
    v["state"] = s(i.verificationState);
    v["text"] = s(i.verification);
    o["verification"] = std::move(v);
    return o;
}

} // namespace

nlohmann::ordered_json toJson(const ReportModel& m)
{
    J out;
    out["title"] = s(m.title);
    out["tenant"] = s(m.tenant);
    out["toolVersion"] = s(m.toolVersion);
    out["generatedAt"] = s(m.generatedAt);
    J window;
    window["first"] = s(m.windowStart);
    window["last"] = s(m.windowEnd);
    out["window"] = std::move(window);
    out["scope"] = s(m.scope);
    out["redacted"] = m.redacted;
    out["signIns"] = m.signIns;
    out["identities"] = m.identities;
    out["summary"] = list(m.summary);
    out["keyFacts"] = facts(m.keyFacts);
    J charts = J::array();
    for (const ReportChart& c : m.charts) {
        J cj;
        cj["id"] = s(c.id);
        cj["kind"] = c.kind == ReportChart::Kind::Timeline ? "timeline" : "bars";
        cj["title"] = s(c.title);
        cj["labels"] = list(c.labels);
        cj["values"] = c.values;
        charts.push_back(std::move(cj));
    }
    out["charts"] = std::move(charts);
    J incidents = J::array();
    for (const ReportIncident& i : m.incidents) incidents.push_back(incident(i));
    out["incidents"] = std::move(incidents);
    out["incidentsOmitted"] = m.incidentsOmitted;
    out["overview"] = table(m.overview);
    out["appendix"] = table(m.appendix);
    return out;
}

QByteArray reportJsonText(const ReportModel& model)
{
    return QByteArray::fromStdString(toJson(model).dump(2) + '\n');
}

bool writeReportJson(const ReportModel& model, const QString& path, QString* error)
{
    return exporter::writeFileAtomically(path, reportJsonText(model), error);
}

} // namespace calens
