// SPDX-License-Identifier: MIT
// "Not every block is a fault": the diagnosis recognises a block that is the policy doing its job from the
// policy's definition, says what to tell the user, and the admin's answer overrides it.
#include "diagnosis/diagnoser.h"
#include "model/signinref.h"
#include "support/loader.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace calens;
using namespace calens::test;

class TestBlockIntent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void demoTenant_data();
    void demoTenant();
    void blockedCountry();
    void adminAnswerWins();
    void intendedByCause();

private:
    Dataset m_demo;
};

void TestBlockIntent::initTestCase()
{
    SynthOptions o; // the demo tenant: seed 1, 2000 sign-ins
    o.seed = 1;
    o.signIns = 2000;
    synthesize(o, m_demo);
}

void TestBlockIntent::demoTenant_data()
{
    QTest::addColumn<QString>("signIn");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("because"); // in BlockIntent::because
    QTest::addColumn<QString>("tell"); // in BlockIntent::tellUser
    QTest::newRow("high sign-in risk") << "88fd66ca-9203-4bd5-a3bd-e146da345894"
                                       << "yes"
                                       << "acts on risk"
                                       << "looked risky";
    QTest::newRow("contractors kept out of Azure management") << "4859ad96-1096-444c-b618-6f8c6a7495d8"
                                                              << "yes"
                                                              << "keeps this account out"
                                                              << "not allowed to use";
    QTest::newRow("legacy authentication") << "ae6a5d7c-eac9-4103-94fa-ad04b762ee79"
                                           << "yes"
                                           << "legacy authentication"
                                           << "modern authentication";
    QTest::newRow("a job from a new egress IP: the admin decides") << "673e548c-9aa6-4418-b1b1-5cbba47d2525"
                                                                   << "unknown" << QString() << QString();
    QTest::newRow("a person without a managed device: the admin decides")
        << "8a100c89-3808-4d44-a136-25fdf139fda3"
        << "unknown" << QString() << "company-managed device";
}

void TestBlockIntent::demoTenant()
{
    QFETCH(QString, signIn);
    QFETCH(QString, answer);
    QFETCH(QString, because);
    QFETCH(QString, tell);
    const uint32_t row = m_demo.findById(signIn.toStdString());
    QVERIFY(row != UINT32_MAX);
    const Diagnosis d = Diagnoser(m_demo).diagnose(row);
    QCOMPARE(QLatin1String(answerName(d.intent.answer)), answer);
    QVERIFY(!d.intent.byAdmin);
    QVERIFY2(d.intent.because.contains(because), qPrintable(d.intent.because));
    QVERIFY2(d.intent.tellUser.contains(tell), qPrintable(d.intent.tellUser));
}

void TestBlockIntent::blockedCountry()
{
    const Loaded l = load(testData(QStringLiteral("intent/blocked-country.json")));
    const Diagnosis d = Diagnoser(*l.dataset).diagnose(l.dataset->findById("11111111-0000-4000-8000-000000000017"));
    QCOMPARE(d.intent.answer, Answer::Yes);
    QVERIFY2(
        d.intent.because.contains(QLatin1String("Blocked countries")) && d.intent.because.contains(QLatin1String("RU")),
        qPrintable(d.intent.because));
    QVERIFY(d.intent.tellUser.contains(QLatin1String("travelling")));
}

void TestBlockIntent::adminAnswerWins()
{
    const uint32_t job = m_demo.findById("673e548c-9aa6-4418-b1b1-5cbba47d2525");
    const Diagnosis intended = Diagnoser(m_demo).diagnose(job, { { kIntendedKey, Answer::Yes } });
    QCOMPARE(intended.intent.answer, Answer::Yes);
    QVERIFY(intended.intent.byAdmin);
    QCOMPARE(intended.cause, Diagnoser(m_demo).diagnose(job).cause); // the cause is still the cause
    const uint32_t risk = m_demo.findById("88fd66ca-9203-4bd5-a3bd-e146da345894");
    QCOMPARE(Diagnoser(m_demo).diagnose(risk, { { kIntendedKey, Answer::No } }).intent.answer, Answer::No);
}

void TestBlockIntent::intendedByCause()
{
    // A legacy-authentication block is the policy doing its job even without the policy's definition
    // (block-legacy-authentication.md): a Graph beta record with only the log's per-policy detail.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"value":[{"id":"r1","createdDateTime":"2026-10-05T10:15:00Z","userId":"u1",
        "userPrincipalName":"a@contoso.com","appId":"a1","resourceId":"00000002-0000-0ff1-ce00-000000000000",
        "clientAppUsed":"IMAP4","isInteractive":true,"signInEventTypes":["interactiveUser"],
        "status":{"errorCode":53003},"conditionalAccessStatus":"failure",
        "appliedConditionalAccessPolicies":[{"id":"p1","displayName":"Block legacy authentication",
        "enforcedGrantControls":["Block"],"enforcedSessionControls":[],"result":"failure",
        "conditionsSatisfied":"application,users,clientType","conditionsNotSatisfied":"none"}]}]})");
    f.close();
    const Loaded l = load(path);
    const Diagnosis d = Diagnoser(*l.dataset).diagnose(0);
    QCOMPARE(d.cause, std::string("legacy-authentication"));
    QCOMPARE(d.intent.answer, Answer::Yes);
    QVERIFY(d.intent.because.contains(QLatin1String("IMAP4")));
}

QTEST_GUILESS_MAIN(TestBlockIntent)
#include "tst_blockintent.moc"
