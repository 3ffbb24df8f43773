// SPDX-License-Identifier: MIT
// `calens whatif` end to end on a synthetic tenant: JSON keys of the contract, exit codes 0/1/2.
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace calens::test;

class TestWhatIfCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hypotheticalJson();
    void signInIdJson();
    void humanTable();
    void signInNotFoundExits1();
    void badUsageExits2();
    void replayJson();
    void replayHumanAndUsage();

private:
    using Run = calens::test::CliRun;
    static Run run(const QStringList& args) { return calens::test::runCalens(args); }
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
    QStringList base() const
    {
        return { QStringLiteral("whatif"), QStringLiteral("--policies"), path("policies.json"),
            QStringLiteral("--named-locations"), path("locations.json") };
    }
    QTemporaryDir m_dir;
    QString m_blockedId, m_userId;
};

void TestWhatIfCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run probe = run({ QStringLiteral("whatif") });
    if (probe.err.contains("not available in this version yet"))
        QSKIP("app/main.cpp does not dispatch `whatif` to runWhatIf yet");
    const Run s = run({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"),
        QStringLiteral("--sign-ins"), QStringLiteral("300"), QStringLiteral("--format"), QStringLiteral("graph-json"),
        QStringLiteral("-o"), path("signins.json"), QStringLiteral("--policies-out"), path("policies.json"),
        QStringLiteral("--named-locations-out"), path("locations.json") });
    QCOMPARE(s.code, 0);
    QFile f(path("signins.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    const QJsonArray list = doc.isArray() ? doc.array() : doc.object()[QLatin1String("value")].toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        if (o[QLatin1String("status")].toObject()[QLatin1String("errorCode")].toInt() == 53003
            && !o[QLatin1String("userId")].toString().isEmpty()) {
            m_blockedId = o[QLatin1String("id")].toString();
            m_userId = o[QLatin1String("userId")].toString();
            break;
        }
    }
    QVERIFY(!m_blockedId.isEmpty());
}

static void checkContract(const QJsonObject& o)
{
    const QJsonArray policies = o[QLatin1String("policies")].toArray();
    QVERIFY(policies.size() >= 5);
    for (const QJsonValue& v : policies) {
        const QJsonObject p = v.toObject();
        for (const char* key : { "id", "displayName", "state", "applies", "reasons", "notEnoughInformation",
                 "grantControls", "operator", "sessionControls" })
            QVERIFY2(p.contains(QLatin1String(key)), key);
        QVERIFY(p[QLatin1String("applies")].isBool());
        QVERIFY(p[QLatin1String("reasons")].isArray());
        QVERIFY(!p[QLatin1String("reasons")].toArray().isEmpty());
        QVERIFY(p[QLatin1String("notEnoughInformation")].isArray());
    }
}

void TestWhatIfCli::hypotheticalJson()
{
    const Run r = run(
        base() << QStringList { QStringLiteral("--user"), QStringLiteral("11111111-2222-3333-4444-555555555555"),
            QStringLiteral("--member-of"), QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001"),
            QStringLiteral("--role"), QStringLiteral("62e90394-69f5-4237-9190-012177145e10"), QStringLiteral("--guest"),
            QStringLiteral("none"), QStringLiteral("--app"), QStringLiteral("00000003-0000-0ff1-ce00-000000000000"),
            QStringLiteral("--ip"), QStringLiteral("95.165.1.2"), QStringLiteral("--country"), QStringLiteral("RU"),
            QStringLiteral("--platform"), QStringLiteral("windows"), QStringLiteral("--client-app"),
            QStringLiteral("browser"), QStringLiteral("--sign-in-risk"), QStringLiteral("none"),
            QStringLiteral("--user-risk"), QStringLiteral("none"), QStringLiteral("--insider-risk"),
            QStringLiteral("none"), QStringLiteral("--auth-flow"), QStringLiteral("none"),
            QStringLiteral("--device-compliant"), QStringLiteral("false"), QStringLiteral("--device-trust-type"),
            QStringLiteral("Workplace"), QStringLiteral("--device-property"),
            QStringLiteral("device.model=Surface Pro"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    checkContract(o);
    // The blocked-countries policy applies to an IP in Russia; the user's role places them in the admin policies.
    bool countryBlock = false;
    for (const QJsonValue& v : o[QLatin1String("policies")].toArray()) {
        const QJsonObject p = v.toObject();
        if (p[QLatin1String("displayName")].toString().contains(QLatin1String("blocked countries"))) {
            QVERIFY(p[QLatin1String("applies")].toBool());
            QVERIFY(p[QLatin1String("reasons")].toArray().contains(QStringLiteral("location")));
            countryBlock = true;
        }
    }
    QVERIFY(countryBlock);
}

void TestWhatIfCli::signInIdJson()
{
    const Run r = run(base() << QStringList { QStringLiteral("--sign-in-id"), m_blockedId, path("signins.json"),
                          QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    checkContract(o);
    QCOMPARE(o[QLatin1String("signInId")].toString(), m_blockedId);
    QVERIFY(o[QLatin1String("disagreements")].isArray());
    // Group membership is never in a log: without --member-of some policies need more information.
    bool unknown = false;
    for (const QJsonValue& v : o[QLatin1String("policies")].toArray())
        unknown |= !v.toObject()[QLatin1String("notEnoughInformation")].toArray().isEmpty();
    QVERIFY(unknown);
}

void TestWhatIfCli::humanTable()
{
    const Run r = run(base() << QStringList { QStringLiteral("--sign-in-id"), m_blockedId, path("signins.json") });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("does not apply"));
    QVERIFY(r.out.contains("policies:"));
}

void TestWhatIfCli::signInNotFoundExits1()
{
    const Run r = run(
        base() << QStringList { QStringLiteral("--sign-in-id"), QStringLiteral("no-such-id"), path("signins.json") });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("no-such-id"));
}

void TestWhatIfCli::badUsageExits2()
{
    const QString user = QStringLiteral("--user");
    const QString id = QStringLiteral("11111111-2222-3333-4444-555555555555");
    const QList<QStringList> cases {
        { QStringLiteral("whatif"), user, id }, // no --policies
        { QStringLiteral("whatif"), QStringLiteral("--policies"), QStringLiteral("/nonexistent/p.json"), user, id },
        base(), // no identity
        base() << user << id << QStringLiteral("--platform") << QStringLiteral("amiga"),
        base() << user << id << QStringLiteral("--ip") << QStringLiteral("999.1.1.1"),
        base() << user << id << QStringLiteral("--sign-in-risk") << QStringLiteral("extreme"),
        base() << user << id << QStringLiteral("--device-property") << QStringLiteral("novalue"),
        base() << user << id << QStringLiteral("--auth-context") << QStringLiteral("c100"),
        base() << user << id << QStringLiteral("--app") << QStringLiteral("x") << QStringLiteral("--user-action")
               << QStringLiteral("registerOrJoinDevices"),
        base() << QStringLiteral("--sign-in-id") << m_blockedId, // no PATH
        base() << QStringLiteral("--bogus"),
    };
    for (const QStringList& args : cases) {
        const Run r = run(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY2(r.out.isEmpty(), qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(r.err.count('\n'), 1);
    }
}

void TestWhatIfCli::replayJson()
{
    // The synthetic tenant's log comes from its own evaluator: replayed, nothing contradicts it.
    const Run r = run({ QStringLiteral("whatif"), QStringLiteral("--replay"), path("signins.json"),
        QStringLiteral("--policies"), path("policies.json"), QStringLiteral("--named-locations"),
        path("locations.json"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const char* key : { "signIns", "pairs", "agree", "notEnoughInformation", "contradictions", "byPolicy",
             "byCondition", "examples" })
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QVERIFY(o[QLatin1String("signIns")].toInt() > 250);
    QCOMPARE(o[QLatin1String("contradictions")].toInt(), 0);
    QCOMPARE(o[QLatin1String("pairs")].toInt(),
        o[QLatin1String("agree")].toInt() + o[QLatin1String("notEnoughInformation")].toInt()
            + o[QLatin1String("contradictions")].toInt());
    QCOMPARE(o[QLatin1String("byPolicy")].toArray().size(), 25);
    const QJsonObject example = o[QLatin1String("examples")].toArray().first().toObject();
    for (const char* key : { "signInId", "policyId", "logged", "evaluated", "decidedBy" })
        QVERIFY2(example.contains(QLatin1String(key)), key);
}

void TestWhatIfCli::replayHumanAndUsage()
{
    // Policies come from --policies or from the inputs; without any there is nothing to compare with.
    QFile csv(path("portal.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Date (UTC),Request ID,Correlation ID,Username,Application,Status,Sign-in error code,Conditional Access\n"
              "2026-10-05T10:15:00Z,req-1,corr-1,a@contoso.com,Power BI Service,Failure,53003,Failure\n");
    csv.close();
    const Run human = run({ QStringLiteral("whatif"), QStringLiteral("--replay"), path("signins.json"),
        QStringLiteral("--policies"), path("policies.json"), QStringLiteral("--examples"), QStringLiteral("2") });
    QCOMPARE(human.code, 0);
    QVERIFY2(human.out.contains("contradictions 0"), human.out.constData());
    QVERIFY(human.out.contains("By policy:") && human.out.contains("By condition"));
    for (const QStringList& args : QList<QStringList> { { QStringLiteral("whatif"), QStringLiteral("--replay") },
             { QStringLiteral("whatif"), QStringLiteral("--replay"), path("portal.csv") },
             { QStringLiteral("whatif"), QStringLiteral("--replay"), QStringLiteral("/nonexistent/s.json") },
             { QStringLiteral("whatif"), QStringLiteral("--replay"), path("signins.json"), QStringLiteral("--policies"),
                 path("policies.json"), QStringLiteral("--examples"), QStringLiteral("many") } }) {
        const Run r = run(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(r.err.count('\n'), 1);
    }
}

QTEST_GUILESS_MAIN(TestWhatIfCli)
#include "tst_whatif_cli.moc"
