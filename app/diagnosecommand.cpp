// SPDX-License-Identifier: MIT
#include "commands.h"
#include "diagnosisprinter.h"
#include "errortextdiagnosis.h"
#include "inputloader.h"
#include "terminal.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/diagnosisjson.h"
#include "diagnosis/flowchart.h"

#include <QCommandLineParser>

using namespace calens;

namespace {

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
    const QCommandLineOption errorText(QStringLiteral("error-text"),
        QStringLiteral("start from an error message (MSAL or SDK error, the sign-in page's details, a refresh "
                       "failure, a log line): a file, or - for standard input"),
        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print one JSON object"));
    parser.addOptions({ correlation, signIn, errorText, policies, locations, answer, json });
    if (!parser.parse(args)) {
        printError("diagnose", parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(parser, QStringLiteral("diagnose"));
        return 0;
    }
    const QStringList paths = parser.positionalArguments();
    const int selectors = int(parser.isSet(correlation)) + int(parser.isSet(signIn)) + int(parser.isSet(errorText));
    // With an error text the inputs are optional: without them the answer is what to fetch.
    if ((paths.isEmpty() && !parser.isSet(errorText)) || selectors != 1) {
        printError("diagnose",
            QStringLiteral("name the inputs and exactly one of --correlation-id, --sign-in-id or --error-text"));
        return 2;
    }
    Overrides overrides;
    for (const QString& a : parser.values(answer))
        if (!parseAnswer(a, overrides)) {
            printError("diagnose", QStringLiteral("--answer %1: expected STEP=yes, STEP=no or STEP=unknown").arg(a));
            return 2;
        }
    if (parser.isSet(errorText))
        return diagnoseErrorText({ parser.value(errorText), paths, parser.values(policies), parser.values(locations),
            overrides, parser.isSet(json) });
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
        printDiagnosis(d, Flowchart::builtIn());
    return 0;
}
