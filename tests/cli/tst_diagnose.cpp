// SPDX-License-Identifier: MIT
// `calens diagnose` end to end on the synthetic tenant: contract JSON, exit codes, admin answers.
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace calens::test;

class TestDiagnoseCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyCauseOfTheDemoTenant();
    void exitCodes();
    void adminAnswer();
    void humanOutput();

private:
    using Run = calens::test::CliRun;
    static Run run(const QStringList& args) { return calens::test::runCalens(args); }
    QTemporaryDir m_dir;
    QString m_file;
    QJsonArray m_signIns;
};

void TestDiagnoseCli::initTestCase()
{
    m_file = m_dir.filePath(QStringLiteral("tenant.json"));
    QCOMPARE(run({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--sign-ins"),
                     QStringLiteral("1500"), QStringLiteral("-o"), m_file })
                 .code,
        0);
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_signIns = QJsonDocument::fromJson(f.readAll()).object()[QLatin1String("value")].toArray();
    QVERIFY(m_signIns.size() == 1500);
}

void TestDiagnoseCli::everyCauseOfTheDemoTenant()
{
    // One blocked sign-in per blocking policy is enough to see every cause the tenant was built with.
    QSet<QString> causes, policiesSeen;
    for (const auto& v : m_signIns) {
        const QJsonObject s = v.toObject();
        if (s[QLatin1String("status")].toObject()[QLatin1String("errorCode")].toInt() != 53003) continue;
        QString failing;
        for (const auto& p : s[QLatin1String("appliedConditionalAccessPolicies")].toArray())
            if (p.toObject()[QLatin1String("result")].toString() == QLatin1String("failure"))
                failing += p.toObject()[QLatin1String("id")].toString();
        if (policiesSeen.contains(failing)) continue;
        policiesSeen.insert(failing);
        const Run r = run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--correlation-id"),
            s[QLatin1String("correlationId")].toString(), QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const QJsonObject d = QJsonDocument::fromJson(r.out).object();
        for (const char* key : { "signInId", "correlationId", "errorCode", "principal", "blockingPolicies", "cause",
                 "confidence", "causes", "steps", "fixes" })
            QVERIFY2(d.contains(QLatin1String(key)), key);
        QCOMPARE(d[QLatin1String("errorCode")].toInt(), 53003);
        for (const auto& st : d[QLatin1String("steps")].toArray()) {
            const QString answer = st.toObject()[QLatin1String("answer")].toString();
            QVERIFY(
                answer == QLatin1String("yes") || answer == QLatin1String("no") || answer == QLatin1String("unknown"));
            QCOMPARE(st.toObject()[QLatin1String("source")].toString(), QStringLiteral("data"));
        }
        causes.insert(d[QLatin1String("cause")].toString());
    }
    for (const char* c :
        { "device-not-compliant", "mfa-non-interactive", "untrusted-location", "workload-identity-not-excluded",
            "identity-risk", "block-policy", "approved-app-required", "authentication-strength", "terms-of-use" })
        QVERIFY2(causes.contains(QLatin1String(c)), c);
}

void TestDiagnoseCli::exitCodes()
{
    QCOMPARE(
        run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--correlation-id"), QStringLiteral("no-such-id") })
            .code,
        1);
    QCOMPARE(run({ QStringLiteral("diagnose"), m_file }).code, 2); // neither id
    QCOMPARE(run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--sign-in-id"), QStringLiteral("a"),
                     QStringLiteral("--correlation-id"), QStringLiteral("b") })
                 .code,
        2);
    QCOMPARE(run({ QStringLiteral("diagnose"), QStringLiteral("/nonexistent.json"), QStringLiteral("--sign-in-id"),
                     QStringLiteral("a") })
                 .code,
        2);
    const Run bad = run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--sign-in-id"), QStringLiteral("a"),
        QStringLiteral("--answer"), QStringLiteral("device-state=maybe") });
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains("device-state=maybe"));
}

void TestDiagnoseCli::adminAnswer()
{
    QString id;
    for (const auto& v : m_signIns) {
        const QJsonObject s = v.toObject();
        for (const auto& p : s[QLatin1String("appliedConditionalAccessPolicies")].toArray())
            if (p.toObject()[QLatin1String("result")].toString() == QLatin1String("failure")
                && p.toObject()[QLatin1String("enforcedGrantControls")].toArray().contains(
                    QStringLiteral("RequireCompliantDevice")))
                id = s[QLatin1String("id")].toString();
        if (!id.isEmpty()) break;
    }
    QVERIFY(!id.isEmpty());
    const Run plain
        = run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--sign-in-id"), id, QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(plain.out).object()[QLatin1String("cause")].toString(),
        QStringLiteral("device-not-compliant"));
    const Run answered = run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--sign-in-id"), id,
        QStringLiteral("--answer"), QStringLiteral("device-state=yes"), QStringLiteral("--json") });
    const QJsonObject d = QJsonDocument::fromJson(answered.out).object();
    QVERIFY(d[QLatin1String("cause")].toString() != QLatin1String("device-not-compliant"));
    bool admin = false;
    for (const auto& st : d[QLatin1String("steps")].toArray())
        admin |= st.toObject()[QLatin1String("source")].toString() == QLatin1String("admin");
    QVERIFY(admin);
}

void TestDiagnoseCli::humanOutput()
{
    const QString corr = m_signIns[0].toObject()[QLatin1String("correlationId")].toString();
    const Run r = run({ QStringLiteral("diagnose"), m_file, QStringLiteral("--correlation-id"), corr });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("Cause:"));
    QVERIFY(r.out.contains("Steps:"));
}

QTEST_GUILESS_MAIN(TestDiagnoseCli)
#include "tst_diagnose.moc"
