// SPDX-License-Identifier: MIT
#include "incidentsection.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/facts.h"
#include "diagnosis/flowchart.h"
#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"
#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <QHash>

namespace calens {

namespace {

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

QStringList conditionsOf(const SignInRef& s, const PolicyEval& e)
{
    QStringList out;
    for (int bit = 0; bit < 32; ++bit) {
        if (!(e.conditionsSatisfied & (1u << bit))) continue;
        const std::string_view n = conditionName(bit);
        if (!n.empty()) out << QString::fromLatin1(n.data(), qsizetype(n.size()));
    }
    for (const RuleView& r : s.includeRules(e)) {
        const std::string_view n = r.rule == kRuleUnknown ? r.ruleText : ruleName(r.rule);
        const std::string_view c = conditionName(r.condition);
        out << QStringLiteral("%1 included by rule %2")
                   .arg(QString::fromLatin1(c.data(), qsizetype(c.size())),
                       QString::fromUtf8(n.data(), qsizetype(n.size())));
    }
    return out;
}

QString verificationState(Verification::State s)
{
    switch (s) {
    case Verification::State::Fixed:
        return QStringLiteral("fixed");
    case Verification::State::StillFailing:
        return QStringLiteral("still-failing");
    case Verification::State::NoSignInYet:
        break;
    }
    return QStringLiteral("no-sign-in-yet");
}

} // namespace

QString causeTitle(const std::string& causeId)
{
    const Flowchart& chart = Flowchart::builtIn();
    const auto it = chart.causes.find(causeId);
    return it != chart.causes.end() ? fromStd(it->second.title) : fromStd(causeId);
}

QString timeText(int64_t ms)
{
    if (ms == INT64_MIN || ms == INT64_MAX) return QStringLiteral("-");
    QString t = fromStd(formatIso(ms));
    t.replace(QLatin1Char('T'), QLatin1Char(' '));
    t.chop(1); // the Z
    return t;
}

QString isoText(int64_t ms)
{
    return ms == INT64_MIN || ms == INT64_MAX ? QStringLiteral("-") : timeText(ms).left(16) + QStringLiteral(" UTC");
}

ReportIncident incidentSection(
    const Dataset& dataset, const Incident& inc, uint32_t row, int number, const Overrides& answers)
{
    const Flowchart& chart = Flowchart::builtIn();
    const Diagnosis d = Diagnoser(dataset, chart).diagnose(row, answers);
    ReportIncident r;
    r.causeId = fromStd(d.cause);
    r.causeTitle = causeTitle(d.cause);
    const auto cause = chart.causes.find(d.cause);
    if (cause != chart.causes.end()) r.causeSummary = fromStd(cause->second.summary);
    r.confidence = d.confidence;
    r.heading = QStringLiteral("Incident %1: %2").arg(number).arg(r.causeTitle);
    const QString policy = inc.policyName.isEmpty() ? QStringLiteral("A policy the log does not name")
                                                    : QStringLiteral("\u201C%1\u201D").arg(inc.policyName);
    r.affected
        = QStringLiteral("%1 blocked %2 %3 between %4 and %5.")
              .arg(policy, identitiesNamed(inc), counted(inc.count, QStringLiteral("time"), QStringLiteral("times")),
                  isoText(inc.firstMs), isoText(inc.lastMs));

    const SignInRef s = dataset.signIn(row);
    const FactSheet sheet(dataset, row);
    const IncidentIdentity* who = identityOf(inc, row);
    r.diagnosedIdentity = who ? who->name : sheet.principalName();
    auto add = [&r](const QString& label, const QString& value) {
        if (!value.isEmpty()) r.facts.push_back({ label, value });
    };
    auto text = [&s](SF display, SF id) { return fromStd(std::string(s.str(s.str(display).empty() ? id : display))); };
    add(QStringLiteral("Blocking policy"), inc.policyName);
    add(QStringLiteral("Identities"), identitiesInWords(inc));
    add(QStringLiteral("Applications"), appsInWords(inc, 3));
    add(QStringLiteral("Blocked sign-ins"), QString::number(inc.count));
    add(QStringLiteral("First blocked"), isoText(inc.firstMs));
    add(QStringLiteral("Last blocked"), isoText(inc.lastMs));
    add(QStringLiteral("Diagnosed identity"),
        QStringLiteral("%1 (%2)").arg(r.diagnosedIdentity, kindWord(sheet.principalKind())));
    add(QStringLiteral("Application"), text(SF::AppDisplayName, SF::AppId));
    add(QStringLiteral("Resource"), text(SF::ResourceDisplayName, SF::ResourceId));
    add(QStringLiteral("Sign-in diagnosed"), isoText(s.createdMs()));
    add(QStringLiteral("Correlation ID"), d.correlationId);
    add(QStringLiteral("Request ID"), d.signInId);
    add(QStringLiteral("Error code"), d.hasErrorCode ? QString::number(d.errorCode) : QString());
    add(QStringLiteral("IP address"), fromStd(std::string(s.str(SF::IpAddress))));
    const QString device = fromStd(std::string(s.str(SF::DeviceName)));
    add(QStringLiteral("Device"), device);

    // Each blocking policy's evaluation found through one index, not a scan per policy (a sign-in may carry
    // thousands of policies).
    QHash<QString, const PolicyEval*> evalOf;
    for (const PolicyEval& e : s.evals()) {
        const std::string_view id = s.policyId(e);
        evalOf.insert(QString::fromUtf8(id.data(), qsizetype(id.size())), &e);
    }
    for (const auto& p : d.blockingPolicies) {
        const PolicyEval* e = evalOf.value(p.id);
        r.policies.push_back(
            { p.id, p.displayName, p.result, p.unmetControls, e ? conditionsOf(s, *e) : QStringList() });
    }
    for (const auto& step : d.steps)
        r.steps.push_back({ step.question, QString::fromLatin1(answerName(step.answer)),
            step.byAdmin ? QStringLiteral("admin") : QStringLiteral("data"), step.evidence });
    for (size_t i = 1; i < d.causes.size(); ++i)
        r.otherCauses << QStringLiteral("%1 (%2 confidence, %3)")
                             .arg(causeTitle(d.causes[i].id), confidenceWord(d.causes[i].confidence),
                                 QString::number(d.causes[i].confidence, 'f', 2));
    r.changes = (who ? *who : firstIdentity(inc)).changes;
    r.identities.headers = QStringList { QStringLiteral("Identity"), QStringLiteral("Kind"), QStringLiteral("Sign-ins"),
        QStringLiteral("Applications"), QStringLiteral("First (UTC)"), QStringLiteral("Last (UTC)"),
        QStringLiteral("Object ID") };
    // The object ids are what an exclusion group or a workload-identity policy is built from.
    for (const IncidentIdentity& i : inc.identities)
        r.identities.rows.push_back({ i.name, kindWord(i.kind), QString::number(i.count), appsInWords(inc, i.apps, 3),
            timeText(i.firstMs).left(16), timeText(i.lastMs).left(16), i.id });
    r.notes = d.notes;
    for (const auto& f : d.fixes) {
        QString request;
        if (!f.graphRequest.url.isEmpty()) {
            request = f.graphRequest.method + QLatin1Char(' ') + f.graphRequest.url;
            if (f.graphRequest.body != "{}" && !f.graphRequest.body.empty())
                request += QLatin1Char('\n') + fromStd(f.graphRequest.body);
        }
        r.fixes.push_back({ f.title, f.portal, f.powershell, request, f.verify });
    }
    r.intended = QString::fromLatin1(answerName(d.intent.answer));
    r.intendedSource = d.intent.byAdmin ? QStringLiteral("admin") : QStringLiteral("data");
    r.intendedBecause = d.intent.because;
    r.tellUser = d.intent.tellUser;
    // Each identity after its own last block: did anyone get through since?
    const Verification v = verifyIncident(dataset, inc, INT64_MIN);
    r.verificationState = verificationState(v.state);
    r.verification = v.text;
    return r;
}

} // namespace calens
