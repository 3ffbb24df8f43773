// SPDX-License-Identifier: MIT
#include "diagnosisprinter.h"
#include "terminal.h"

using namespace calens;

void printDiagnosis(const Diagnosis& d, const Flowchart& chart)
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
