// SPDX-License-Identifier: MIT
#include "diagnoser.h"

#include "facts.h"
#include "remediation.h"

#include "whatif/conditions.h"

#include <algorithm>
#include <set>

namespace calens {

namespace {
constexpr int kMaxSteps = 64; // a cycle in edited flowchart data must not hang the walk
}

Diagnoser::Diagnoser(const Dataset& dataset, const Flowchart& chart)
    : m_dataset(dataset)
    , m_chart(chart)
    , m_whatIf(dataset)
{ }

void Diagnoser::causeFromCode(const FactSheet& sheet, std::string& cause, double& confidence) const
{
    const SignInRef& s = sheet.signIn();
    if (!s.hasErrorCode()) {
        cause = "unknown";
        confidence = 0.3;
        return;
    }
    const auto it = m_chart.codes.find(s.errorCode());
    if (it != m_chart.codes.end()) {
        cause = it->second.cause;
        if (it->second.confidence > 0) confidence = it->second.confidence;
    } else {
        // A code the table does not know: not Conditional Access unless the record says Conditional Access failed.
        cause = s.caStatus() == CaStatus::Failure ? "unknown" : "not-conditional-access";
        confidence = 0.9;
    }
    if (cause == "unknown") confidence = 0.3;
}

QString Diagnoser::fill(const std::string& text, const FactSheet& sheet, const PolicyEval* policy) const
{
    QString out = QString::fromStdString(text);
    const SignInRef& s = sheet.signIn();
    out.replace(QLatin1String("{policy}"), policy ? qs(s.policyName(*policy)) : QStringLiteral("the policy"));
    out.replace(QLatin1String("{principal}"), sheet.principalName());
    out.replace(
        QLatin1String("{app}"), qs(s.str(SF::AppDisplayName).empty() ? s.str(SF::AppId) : s.str(SF::AppDisplayName)));
    out.replace(QLatin1String("{resource}"),
        qs(s.str(SF::ResourceDisplayName).empty() ? s.str(SF::ResourceId) : s.str(SF::ResourceDisplayName)));
    out.replace(
        QLatin1String("{ip}"), s.str(SF::IpAddress).empty() ? QStringLiteral("(unknown)") : qs(s.str(SF::IpAddress)));
    return out;
}

Diagnoser::Outcome Diagnoser::walk(
    const FactSheet& sheet, const std::string& from, const PolicyEval* policy, const Overrides& overrides) const
{
    Outcome out;
    std::string stepId = from;
    const QString policyId = policy ? qs(sheet.signIn().policyId(*policy)) : QString();
    for (int guard = 0; guard < kMaxSteps; ++guard) {
        const Flowchart::Step& step = m_chart.steps.at(stepId);
        const Fact fact = sheet.get(step.fact, policy);
        Diagnosis::Step record { stepId, fill(step.question, sheet, policy), QString::fromStdString(step.label),
            fact.answer, fact.answer, false, fact.evidence, fill(step.help, sheet, policy), policyId };
        auto over = overrides.find(policy ? stepId + "@" + policyId.toStdString() : stepId);
        if (over == overrides.end() && policy) over = overrides.find(stepId);
        if (over != overrides.end()) {
            record.answer = over->second;
            record.byAdmin = true;
            record.evidence.prepend(
                QStringLiteral("answered by the admin: %1 (the data said: %2)")
                    .arg(QLatin1String(answerName(over->second)), QLatin1String(answerName(fact.answer))));
        }
        out.steps.push_back(record);
        const std::optional<Flowchart::Branch>* chosen = &step.no;
        if (record.answer == Answer::Yes) chosen = &step.yes;
        if (record.answer == Answer::Unknown) chosen = step.unknown ? &step.unknown : &step.no;
        if (!*chosen) chosen = step.yes ? &step.yes : &step.no;
        const Flowchart::Branch& b = **chosen;
        if (b.next == "@policy") {
            out.forkToPolicies = true;
            return out;
        }
        if (b.next.empty()) {
            out.cause = b.cause;
            out.confidence = b.confidence;
            return out;
        }
        stepId = b.next;
    }
    out.cause = "unknown";
    out.confidence = 0.1;
    return out;
}

Diagnosis Diagnoser::diagnose(uint32_t row, const Overrides& overrides, Detail detail) const
{
    const FactSheet sheet(m_dataset, row, &m_whatIf);
    const SignInRef& s = sheet.signIn();
    Diagnosis d;
    d.row = row;
    d.signInId = qs(s.str(SF::Id));
    d.correlationId = qs(s.str(SF::CorrelationId));
    d.hasErrorCode = s.hasErrorCode();
    d.errorCode = s.errorCode();
    d.principalKind = sheet.principalKind();
    d.principalId = sheet.principalId();
    d.principalName = sheet.principalName();
    for (const PolicyEval* e : sheet.failing())
        d.blockingPolicies.push_back(
            { qs(s.policyId(*e)), qs(s.policyName(*e)), QStringLiteral("failure"), sheet.controlsOf(*e) });

    Outcome top = walk(sheet, m_chart.start, nullptr, overrides);
    d.steps = top.steps;
    QStringList generalEvidence;
    for (const auto& st : top.steps) generalEvidence << st.evidence;

    if (top.forkToPolicies) {
        // Each failing policy gets its own walk; the most certain explanation leads.
        std::vector<std::pair<Diagnosis::Cause, std::vector<Diagnosis::Step>>> perPolicy;
        for (const PolicyEval* e : sheet.failing()) {
            Outcome o = walk(sheet, m_chart.policyStart, e, overrides);
            Diagnosis::Cause c { o.cause, o.confidence, {}, qs(s.policyId(*e)) };
            c.evidence << QStringLiteral("'%1' reported failure").arg(qs(s.policyName(*e)));
            for (const auto& st : o.steps)
                if (st.answer != Answer::Unknown || &st == &o.steps.back()) c.evidence << st.evidence;
            perPolicy.emplace_back(std::move(c), std::move(o.steps));
        }
        std::stable_sort(perPolicy.begin(), perPolicy.end(),
            [](const auto& a, const auto& b) { return a.first.confidence > b.first.confidence; });
        for (const auto& step : perPolicy.front().second) d.steps.push_back(step);
        std::set<std::string> seen;
        for (auto& [cause, steps] : perPolicy) {
            if (!seen.insert(cause.id).second) continue; // one entry per cause, from its most certain policy
            d.causes.push_back(cause);
        }
        if (sheet.failing().size() > 1 && m_chart.notes.count("multiplePolicies"))
            d.notes << QString::fromStdString(m_chart.notes.at("multiplePolicies"))
                           .replace(QLatin1String("{count}"), QString::number(sheet.failing().size()));
    } else {
        std::string cause = top.cause;
        double confidence = top.confidence;
        if (cause == "code-hint") causeFromCode(sheet, cause, confidence); // no policy explains it: the code does
        d.causes.push_back({ cause, confidence, generalEvidence, {} });
    }
    d.cause = d.causes.front().id;
    d.confidence = d.causes.front().confidence;

    // Notes that do not change the cause but matter to the admin.
    QStringList wouldBlock;
    for (const PolicyEval* e : sheet.reportOnlyFailing())
        wouldBlock << QLatin1Char('\'') + qs(s.policyName(*e)) + QLatin1Char('\'');
    if (!wouldBlock.isEmpty() && m_chart.notes.count("reportOnlyWouldBlock"))
        d.notes << QString::fromStdString(m_chart.notes.at("reportOnlyWouldBlock"))
                       .replace(QLatin1String("{list}"), wouldBlock.join(QStringLiteral(", ")));
    // For users the client app and the resource are two things to scope; a workload always calls a resource.
    if (!sheet.isWorkload() && !s.str(SF::AppId).empty() && !s.str(SF::ResourceId).empty()
        && s.str(SF::AppId) != s.str(SF::ResourceId) && d.cause != "not-conditional-access"
        && m_chart.notes.count("serviceDependency"))
        d.notes << fill(m_chart.notes.at("serviceDependency"), sheet, nullptr);
    workloadNotes(sheet, d.notes);
    for (const PolicyEval* e : sheet.failing())
        if (sheet.isMicrosoftManaged(*e) && m_chart.notes.count("microsoftManaged")) {
            d.notes << fill(m_chart.notes.at("microsoftManaged"), sheet, e);
            break;
        }
    if (m_dataset.policies().empty() && top.forkToPolicies && m_chart.notes.count("noPolicyDefinitions"))
        d.notes << QString::fromStdString(m_chart.notes.at("noPolicyDefinitions"));

    if (detail == Detail::Full) d.fixes = buildFixes(m_dataset, sheet, d, m_chart);
    const PolicyEval* blocking = nullptr;
    for (const PolicyEval* e : sheet.failing())
        if (!blocking || qs(s.policyId(*e)) == d.causes.front().policyId) blocking = e;
    d.intent = assessIntent(sheet, blocking, d.cause);
    if (const auto over = overrides.find(kIntendedKey); over != overrides.end()) {
        d.intent.answer = over->second;
        d.intent.byAdmin = true;
    }
    return d;
}

void Diagnoser::workloadNotes(const FactSheet& sheet, QStringList& notes) const
{
    if (!sheet.isWorkload()) return;
    auto note = [&](const char* key, const QString& why = {}) {
        const auto it = m_chart.notes.find(key);
        if (it != m_chart.notes.end()) notes << fill(it->second, sheet, nullptr).replace(QLatin1String("{why}"), why);
    };
    if (sheet.signIn().type() == SignInType::ManagedIdentity) {
        note("managedIdentityNotTargetable");
        return;
    }
    // The What-If's rule decides whether a workload-identity policy can cover this service principal at all.
    std::string why;
    switch (whatif::workloadIdentityInScope(sheet.input(), m_whatIf.directory(), &why)) {
    case whatif::Tri::Yes:
        note("workloadTargetable");
        break;
    case whatif::Tri::No:
        note("workloadNotTargetable", qs(why));
        break;
    case whatif::Tri::Unknown:
        note("workloadTargetUnknown", qs(why));
        break;
    }
}

uint32_t findSignIn(const Dataset& dataset, const QString& signInId, const QString& correlationId)
{
    if (!signInId.isEmpty()) return dataset.findById(signInId.toStdString());
    const std::string wanted = correlationId.toStdString();
    uint32_t best = UINT32_MAX;
    int bestRank = -1;
    for (uint32_t row = 0; row < dataset.signInCount(); ++row) {
        const SignInRef s = dataset.signIn(row);
        if (s.str(SF::CorrelationId) != wanted) continue;
        // A Conditional Access failure wins, then any failure, then the rest.
        const int rank = s.caStatus() == CaStatus::Failure || s.errorCode() == 53003 ? 2 : (s.errorCode() != 0 ? 1 : 0);
        if (rank > bestRank) {
            best = row;
            bestRank = rank;
        }
    }
    return best;
}

} // namespace calens
