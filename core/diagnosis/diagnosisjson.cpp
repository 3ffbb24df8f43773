// SPDX-License-Identifier: MIT
#include "diagnosisjson.h"

#include "model/jsontext.h"

namespace calens {

namespace {
using jsontext::J;
using jsontext::list;
std::string u(const QString& s)
{
    return jsontext::utf8(s);
}
} // namespace

J toJson(const Diagnosis& d)
{
    J out;
    out["signInId"] = u(d.signInId);
    out["correlationId"] = u(d.correlationId);
    out["errorCode"] = d.hasErrorCode ? J(d.errorCode) : J(nullptr);
    out["principal"] = J { { "kind", u(d.principalKind) }, { "id", u(d.principalId) }, { "name", u(d.principalName) } };
    J blocking = J::array();
    for (const auto& p : d.blockingPolicies)
        blocking.push_back(J { { "id", u(p.id) }, { "displayName", u(p.displayName) }, { "result", u(p.result) },
            { "unmetControls", list(p.unmetControls) } });
    out["blockingPolicies"] = blocking;
    out["cause"] = d.cause;
    out["confidence"] = d.confidence;
    J causes = J::array();
    for (const auto& c : d.causes) {
        J cj { { "id", c.id }, { "confidence", c.confidence }, { "evidence", list(c.evidence) } };
        if (!c.policyId.isEmpty()) cj["policyId"] = u(c.policyId);
        causes.push_back(cj);
    }
    out["causes"] = causes;
    J steps = J::array();
    for (const auto& s : d.steps) {
        J sj { { "id", s.id }, { "question", u(s.question) }, { "answer", answerName(s.answer) },
            { "source", s.byAdmin ? "admin" : "data" }, { "evidence", list(s.evidence) } };
        if (!s.policyId.isEmpty()) sj["policyId"] = u(s.policyId);
        if (!s.help.isEmpty()) sj["help"] = u(s.help);
        steps.push_back(sj);
    }
    out["steps"] = steps;
    J fixes = J::array();
    for (const auto& f : d.fixes) {
        J body = J::parse(f.graphRequest.body, nullptr, false);
        if (body.is_discarded()) body = J::object();
        J fj { { "id", f.id }, { "title", u(f.title) }, { "powershell", u(f.powershell) },
            { "graphRequest",
                J { { "method", u(f.graphRequest.method) }, { "url", u(f.graphRequest.url) }, { "body", body } } },
            { "verify", u(f.verify) }, { "portal", u(f.portal) }, { "kql", u(f.kql) },
            { "graphFilter", u(f.graphFilter) } };
        if (!f.policyId.isEmpty()) fj["policyId"] = u(f.policyId);
        if (f.change) // extra key: the one change calens fix plans on the live object
            fj["change"] = J { { "kind", f.change->kindName() },
                { "target", f.change->target() == fix::Change::Target::Policy ? "policy" : "namedLocation" },
                { "targetId", u(f.change->targetId) }, { "path", f.change->path() }, { "value", u(f.change->value) },
                { "description", u(f.change->describe()) } };
        if (!f.withheld.isEmpty()) fj["withheld"] = u(f.withheld);
        if (!f.withheld.isEmpty()) fj["withheld"] = u(f.withheld);
        fixes.push_back(fj);
    }
    out["fixes"] = fixes;
    out["notes"] = list(d.notes);
    // Extra key (the contract allows them): is the block the policy doing its job?
    out["intended"] = J { { "answer", answerName(d.intent.answer) }, { "source", d.intent.byAdmin ? "admin" : "data" },
        { "because", u(d.intent.because) }, { "tellUser", u(d.intent.tellUser) } };
    return out;
}

} // namespace calens
