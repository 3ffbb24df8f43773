// SPDX-License-Identifier: MIT
// `calens analyze` as scripts call it: exit codes, stderr lines, and the JSON contract.
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace calens::test;

class TestAnalyzeCli : public QObject
{
    Q_OBJECT
private slots:
    void jsonContract();
    void humanSummary();
    void missingFileExits2();
    void unknownFormatExits2();
    void noInputExits2();
    void warningsStillExit0();
    void policiesOption();

private:
    using Run = calens::test::CliRun;
    static Run run(const QStringList& args) { return calens::test::runCalens(args); }
};

void TestAnalyzeCli::jsonContract()
{
    const Run r = run({ QStringLiteral("analyze"), fixture(QStringLiteral("entra_diagnostic_signinlogs_record.json")),
        fixture(QStringLiteral("graph_beta_signins_list_response.json")), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const char* key : { "inputs", "signIns", "duplicatesDropped", "signInTypes", "errorCodes", "blocked53003",
             "conditionalAccessStatus", "policies", "unmetControls", "timeRange" })
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o[QLatin1String("signIns")].toInt(), 2);
    const QJsonArray inputs = o[QLatin1String("inputs")].toArray();
    QCOMPARE(inputs.size(), 2);
    QCOMPARE(inputs[0].toObject()[QLatin1String("format")].toString(), QStringLiteral("diag-jsonl"));
    QCOMPARE(inputs[1].toObject()[QLatin1String("format")].toString(), QStringLiteral("graph-json"));
    for (const char* key : { "path", "format", "records", "skipped", "warnings" })
        QVERIFY(inputs[0].toObject().contains(QLatin1String(key)));
    const QJsonObject codes = o[QLatin1String("errorCodes")].toObject();
    QCOMPARE(codes[QLatin1String("50140")].toInt(), 1);
    QCOMPARE(codes[QLatin1String("50126")].toInt(), 1);
    const QJsonObject types = o[QLatin1String("signInTypes")].toObject();
    QCOMPARE(types[QLatin1String("interactiveUser")].toInt(), 2);
    for (const char* key :
        { "interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity", "unknown" })
        QVERIFY(types.contains(QLatin1String(key)));
    const QJsonArray policies = o[QLatin1String("policies")].toArray();
    QVERIFY(policies.size() >= 5);
    const QJsonObject results = policies[1].toObject()[QLatin1String("results")].toObject();
    QCOMPARE(results[QLatin1String("notEnabled")].toInt(), 1);
    for (const char* key : { "success", "failure", "notApplied", "notEnabled", "reportOnlySuccess", "reportOnlyFailure",
             "reportOnlyNotApplied", "reportOnlyInterrupted", "unknown" })
        QVERIFY(results.contains(QLatin1String(key)));
    const QJsonObject unmet = o[QLatin1String("unmetControls")].toObject();
    for (const char* key : { "mfa", "compliantDevice", "domainJoinedDevice", "approvedApplication",
             "compliantApplication", "passwordChange", "block", "authenticationStrength", "termsOfUse", "other" })
        QVERIFY(unmet.contains(QLatin1String(key)));
    const QJsonObject range = o[QLatin1String("timeRange")].toObject();
    QCOMPARE(range[QLatin1String("first")].toString(), QStringLiteral("2019-03-12T16:02:15.552Z"));
    QCOMPARE(range[QLatin1String("last")].toString(), QStringLiteral("2021-06-30T16:34:32Z"));
}

void TestAnalyzeCli::humanSummary()
{
    const Run r = run({ QStringLiteral("analyze"), fixture(QStringLiteral("graph_beta_signins_list_response.json")) });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("1 sign-ins"));
    QVERIFY(r.out.contains("graph-json"));
}

void TestAnalyzeCli::missingFileExits2()
{
    const Run r
        = run({ QStringLiteral("analyze"), QStringLiteral("/nonexistent/signins.json"), QStringLiteral("--json") });
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.contains("/nonexistent/signins.json"));
    QVERIFY(r.err.contains("no such file"));
}

void TestAnalyzeCli::unknownFormatExits2()
{
    const QString file = testData(QStringLiteral("broken/not-sign-ins.json"));
    const Run r = run({ QStringLiteral("analyze"), file });
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.contains(file.toUtf8()));
    QVERIFY(r.err.contains("not a sign-in export"));
}

void TestAnalyzeCli::noInputExits2()
{
    QCOMPARE(run({ QStringLiteral("analyze") }).code, 2);
    QCOMPARE(run({ QStringLiteral("analyze"), QStringLiteral("--bogus") }).code, 2);
}

void TestAnalyzeCli::warningsStillExit0()
{
    const Run r = run(
        { QStringLiteral("analyze"), testData(QStringLiteral("broken/bad-record.json")), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject in = QJsonDocument::fromJson(r.out).object()[QLatin1String("inputs")].toArray()[0].toObject();
    QCOMPARE(in[QLatin1String("records")].toInt(), 2);
    QCOMPARE(in[QLatin1String("skipped")].toInt(), 1);
    QVERIFY(!in[QLatin1String("warnings")].toArray().isEmpty());
}

void TestAnalyzeCli::policiesOption()
{
    // --policies accepts only a policy list: a sign-in export given there is refused with a reason.
    Run r = run({ QStringLiteral("analyze"), fixture(QStringLiteral("graph_beta_signins_list_response.json")),
        QStringLiteral("--policies"), fixture(QStringLiteral("graph_v1_conditionalaccesspolicy_get_response.json")),
        QStringLiteral("--named-locations"), fixture(QStringLiteral("graph_v1_namedlocations_list_response.json")),
        QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    r = run({ QStringLiteral("analyze"), fixture(QStringLiteral("graph_beta_signins_list_response.json")),
        QStringLiteral("--policies"), fixture(QStringLiteral("graph_beta_signins_list_response.json")) });
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("expected policies"));
}

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyze.moc"
