// SPDX-License-Identifier: MIT
#include "replaycommand.h"
#include "inputloader.h"
#include "terminal.h"

#include "whatif/replay.h"
#include "whatif/replayjson.h"

#include <QCommandLineParser>

using namespace calens;
using namespace calens::whatif;

namespace {

int usage(const QString& line)
{
    printError("whatif", line);
    return 2;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString percent(uint64_t part, uint64_t whole)
{
    return whole ? QString::number(100.0 * double(part) / double(whole), 'f', 1) + QLatin1Char('%')
                 : QStringLiteral("-");
}

void tallyRow(const QString& name, const ReplayReport::Tally& t, const QString& extra = {})
{
    printLine(QStringLiteral("  ") + padded(name, 48) + QLatin1Char(' ') + padded(QString::number(t.pairs), 8)
        + QLatin1Char(' ')
        + padded(QString::number(t.agree) + QStringLiteral(" (") + percent(t.agree, t.pairs) + QLatin1Char(')'), 16)
        + QLatin1Char(' ') + padded(QString::number(t.notEnoughInformation), 9) + QLatin1Char(' ')
        + padded(QString::number(t.contradictions), 14) + extra);
}

void printHuman(const ReplayReport& r, size_t policies)
{
    printLine(QStringLiteral("Replayed %1 sign-ins against %2 policies: %3 sign-in x policy pairs in %4 s.")
                  .arg(QString::number(r.signIns), QString::number(policies), QString::number(r.total.pairs),
                      QString::number(r.seconds, 'f', 2)));
    printLine(QStringLiteral("  agree %1 (%2), not enough information %3 (%4), contradictions %5")
                  .arg(QString::number(r.total.agree), percent(r.total.agree, r.total.pairs),
                      QString::number(r.total.notEnoughInformation),
                      percent(r.total.notEnoughInformation, r.total.pairs), QString::number(r.total.contradictions)));
    printLine(QStringLiteral("  not compared: %1 sign-ins without per-policy results, %2 that failed before "
                             "Conditional Access; %3 log entries for policies not loaded, %4 with an unknown result")
                  .arg(QString::number(r.withoutPolicyDetail), QString::number(r.notEvaluated),
                      QString::number(r.policyNotLoaded), QString::number(r.unknownLogResult)));
    const QString header = QStringLiteral("  ") + padded(QString(), 48) + QLatin1Char(' ')
        + padded(QStringLiteral("PAIRS"), 8) + QLatin1Char(' ') + padded(QStringLiteral("AGREE"), 16) + QLatin1Char(' ')
        + padded(QStringLiteral("NOT SURE"), 9) + QLatin1Char(' ') + padded(QStringLiteral("CONTRADICTIONS"), 14);
    printLine(QString());
    printLine(QStringLiteral("By policy:"));
    printLine(header);
    for (const auto& p : r.byPolicy)
        if (p.tally.pairs) tallyRow(q(p.displayName.empty() ? p.id : p.displayName), p.tally);
    printLine(QString());
    printLine(QStringLiteral("By condition (pairs whose policy configures it; disagreements it decided):"));
    printLine(header + QStringLiteral(" DECIDED"));
    for (const auto& [reason, t] : r.byCondition)
        tallyRow(q(reason), t, QStringLiteral(" ") + QString::number(t.decided));
    if (r.examples.empty()) return;
    printLine(QString());
    printLine(QStringLiteral("Disagreements (the first %1):").arg(r.examples.size()));
    for (const auto& e : r.examples) {
        printLine(QStringLiteral("  %1  sign-in %2, '%3': logged %4, evaluated %5, decided by %6")
                      .arg(e.contradiction ? QStringLiteral("contradiction") : QStringLiteral("not enough information"),
                          q(e.signInId), q(e.policyName.empty() ? e.policyId : e.policyName), q(e.logged),
                          q(e.evaluated), q(e.decidedBy)));
        for (const auto& d : e.details) printLine(QStringLiteral("      ") + q(d));
    }
}

} // namespace

int runWhatIfReplay(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replay: evaluate every logged sign-in offline and compare with the result the log gives each policy."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("sign-in exports"), QStringLiteral("PATH..."));
    const QCommandLineOption replay { QStringLiteral("replay"), QStringLiteral("replay the logged sign-ins") };
    const QCommandLineOption policies { QStringLiteral("policies"),
        QStringLiteral("Conditional Access policies (Graph JSON); else those in the inputs"), QStringLiteral("FILE") };
    const QCommandLineOption locations { QStringLiteral("named-locations"),
        QStringLiteral("named locations (Graph JSON)"), QStringLiteral("FILE") };
    const QCommandLineOption json { QStringLiteral("json"), QStringLiteral("print one JSON object") };
    const QCommandLineOption examples { QStringLiteral("examples"),
        QStringLiteral("how many disagreements of each kind to list (default 50)"), QStringLiteral("N"),
        QStringLiteral("50") };
    parser.addOptions({ replay, policies, locations, json, examples });
    if (!parser.parse(args)) return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(parser, QStringLiteral("whatif --replay"));
        return 0;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) return usage(QStringLiteral("--replay needs the sign-in exports (PATH...)"));
    bool ok = false;
    const int maxExamples = parser.value(examples).toInt(&ok);
    if (!ok || maxExamples < 0)
        return usage(QStringLiteral("--examples %1: expected a number").arg(parser.value(examples)));

    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, parser.values(policies), parser.values(locations))) return rc;
    if (dataset.policies().empty())
        return usage(QStringLiteral("no Conditional Access policies to compare with: add --policies FILE"));

    const ReplayReport r = replayLog(dataset, size_t(maxExamples));
    if (parser.isSet(json))
        printJson(toJson(r));
    else
        printHuman(r, dataset.policies().size());
    return 0;
}
