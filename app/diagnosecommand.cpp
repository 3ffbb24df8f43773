// SPDX-License-Identifier: MIT
#include "commands.h"
#include "inputloader.h"
#include "terminal.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/diagnosisjson.h"
#include "diagnosis/flowchart.h"

#include <QCommandLineParser>

using namespace calens;

namespace {

void printHuman(const Diagnosis& d, const Flowchart& chart)
{
    printLine(QStringLiteral("Sign-in %1 (correlation %2), error %3, %4 %5")
                  .arg(d.signInId, d.correlationId, d.hasErrorCode ? QString::number(d.errorCode) : QStringLiteral("-"),
                      d.principalKind, d.principalName));
    const auto cause = chart.causes.find(d.cause);
    printLine(QString());
    printLine(QStringLiteral("Cause: %1 (%2, confidence %3)")
                  .arg(cause != chart.causes.end() ? QString::fromStdString(cause->second.title)
                                                   : QString::fromStdString(d.cause),
                      QString::fromStdString(d.cause), QString::number(d.confidence, 'f', 2)));
    if (cause != chart.causes.end()) printLine(QStringLiteral("  ") + QString::fromStdString(cause->second.summary));
    for (const auto& p : d.blockingPolicies)
        printLine(
            QStringLiteral("  blocked by '%1' (%2)").arg(p.displayName, p.unmetControls.join(QStringLiteral(", "))));
    for (size_t i = 1; i < d.causes.size(); ++i)
        printLine(QStringLiteral("  also: %1 (confidence %2)")
                      .arg(QString::fromStdString(d.causes[i].id), QString::number(d.causes[i].confidence, 'f', 2)));
    printLine(QString());
    printLine(QStringLiteral("Steps:"));
    for (const auto& s : d.steps) {
        printLine(QStringLiteral("  [%1%2] %3")
                      .arg(QLatin1String(answerName(s.answer)), s.byAdmin ? QStringLiteral(", admin") : QString(),
                          s.question));
        for (const QString& e : s.evidence) printLine(QStringLiteral("        - ") + e);
    }
    for (const QString& n : d.notes) {
        printLine(QString());
        printLine(QStringLiteral("Note: ") + n);
    }
    if (d.intent.answer == Answer::Yes) {
        printLine(QString());
        printLine(QStringLiteral("Intended: yes (%1) — no policy change is needed. %2")
                      .arg(d.intent.byAdmin ? QStringLiteral("your answer") : QStringLiteral("from the policy"),
                          d.intent.byAdmin ? QString() : d.intent.because)
                      .trimmed());
        if (!d.intent.tellUser.isEmpty()) printLine(QStringLiteral("  Tell the user: ") + d.intent.tellUser);
        if (!d.fixes.empty()) printLine(QStringLiteral("  If it is a fault after all (answer block-intended=no):"));
    } else if (d.intent.answer == Answer::Unknown) {
        printLine(QString());
        printLine(QStringLiteral("Intended: only you can say (answer block-intended=yes if the policy did its job)."));
    }
    for (const auto& f : d.fixes) {
        printLine(QString());
        printLine(QStringLiteral("Fix: ") + f.title);
        printLine(QStringLiteral("  ") + f.portal);
        printLine(QStringLiteral("  Verify: ") + f.verify);
    }
}

bool parseAnswer(const QString& text, Overrides& overrides)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0) return false;
    const QString value = text.mid(eq + 1).toLower();
    Answer a;
    if (value == QLatin1String("yes"))
        a = Answer::Yes;
    else if (value == QLatin1String("no"))
        a = Answer::No;
    else if (value == QLatin1String("unknown"))
        a = Answer::Unknown;
    else
        return false;
    overrides[text.left(eq).toStdString()] = a;
    return true;
}

} // namespace

int runDiagnose(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Diagnose why one sign-in was blocked (AADSTS53003)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("files (.gz too) or folders"), QStringLiteral("PATH..."));
    const QCommandLineOption correlation(
        QStringLiteral("correlation-id"), QStringLiteral("the sign-in's correlation ID"), QStringLiteral("ID"));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in-id"), QStringLiteral("the sign-in's request ID"), QStringLiteral("ID"));
    const QCommandLineOption policies(
        QStringLiteral("policies"), QStringLiteral("Conditional Access policies (Graph JSON)"), QStringLiteral("FILE"));
    const QCommandLineOption locations(
        QStringLiteral("named-locations"), QStringLiteral("named locations (Graph JSON)"), QStringLiteral("FILE"));
    const QCommandLineOption answer(QStringLiteral("answer"),
        QStringLiteral("answer a question yourself: STEP=yes|no|unknown "
                       "(STEP@POLICYID for one policy); repeatable"),
        QStringLiteral("STEP=ANSWER"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print one JSON object"));
    parser.addOptions({ correlation, signIn, policies, locations, answer, json });
    if (!parser.parse(args)) {
        printError("diagnose", parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty() || parser.isSet(correlation) == parser.isSet(signIn)) {
        printError("diagnose", QStringLiteral("name the inputs and exactly one of --correlation-id or --sign-in-id"));
        return 2;
    }
    Overrides overrides;
    for (const QString& a : parser.values(answer))
        if (!parseAnswer(a, overrides)) {
            printError("diagnose", QStringLiteral("--answer %1: expected STEP=yes, STEP=no or STEP=unknown").arg(a));
            return 2;
        }
    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(policies), parser.values(locations))) return rc;
    const uint32_t row = findSignIn(dataset, parser.value(signIn), parser.value(correlation));
    if (row == UINT32_MAX) {
        printError("diagnose",
            QStringLiteral("no sign-in with %1 %2 in %3")
                .arg(parser.isSet(signIn) ? QStringLiteral("request id") : QStringLiteral("correlation id"),
                    parser.isSet(signIn) ? parser.value(signIn) : parser.value(correlation),
                    paths.join(QStringLiteral(", "))));
        return 1;
    }
    const Diagnosis d = Diagnoser(dataset).diagnose(row, overrides);
    if (parser.isSet(json))
        printJson(toJson(d));
    else
        printHuman(d, Flowchart::builtIn());
    return 0;
}
