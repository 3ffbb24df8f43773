// SPDX-License-Identifier: MIT
// `calens fix` end to end against the Graph emulator, as the contract describes it: plan (JSON), apply with
// --yes only, a plan applied later refused on drift (exit 4), and the printed rollback command undoing it.
#include "emulatorprocess.h"
#include "support/testpaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using calens::test::EmulatorProcess;

namespace {

constexpr const char* kPbiRefresh = "d30df779-c277-4bfe-87d3-057667831017"; // demo: blocked by CA016 (MFA)
constexpr const char* kCa016 = "d7da9a44-7975-4e68-8fe0-9ce2875949cc";

struct Run
{
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run runCli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CALENS_TEST_SECRET"), QString::fromLatin1(calens::test::kEmulatorSecret));
    p.setProcessEnvironment(env);
    p.start(calens::test::calensBinary(), args);
    Run r;
    if (!p.waitForFinished(calens::test::kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestFixCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void planApplyRollback();
    void planAppliedLaterIsRefusedOnDrift();
    void applyNeedsYes();

private:
    QStringList login(const EmulatorProcess& emu) const
    {
        return { QStringLiteral("--tenant"), QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("--client-id"),
            QStringLiteral("11111111-2222-3333-4444-555555555555"), QStringLiteral("--client-secret-env"),
            QStringLiteral("CALENS_TEST_SECRET"), QStringLiteral("--authority-url"), emu.url(),
            QStringLiteral("--graph-url"), emu.url() };
    }
    QStringList fix(const EmulatorProcess& emu, QStringList more) const
    {
        return QStringList { QStringLiteral("fix"), m_demo, QStringLiteral("--sign-in-id"),
            QString::fromLatin1(kPbiRefresh) }
        + login(emu) + more;
    }
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestFixCli::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.json"));
    QCOMPARE(
        runCli({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("-o"), m_demo })
            .code,
        0);
}

void TestFixCli::planApplyRollback()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    const Run plan = runCli(fix(emu, { QStringLiteral("--json") }));
    QVERIFY2(plan.code == 0, plan.err.constData());
    const QJsonObject p = plan.json();
    for (const char* key : { "fix", "title", "target", "liveModifiedDateTime", "diff", "request", "blastRadius",
             "warnings", "applied", "verified", "backup", "rollback" })
        QVERIFY2(p.contains(QLatin1String(key)), key);
    QCOMPARE(p[QStringLiteral("target")][QStringLiteral("apiVersion")].toString(), QStringLiteral("beta"));
    QCOMPARE(p[QStringLiteral("request")][QStringLiteral("method")].toString(), QStringLiteral("PATCH"));
    QCOMPARE(p[QStringLiteral("diff")].toArray().size(), 1);
    QVERIFY(!p[QStringLiteral("blastRadius")][QStringLiteral("fixed")].toArray().isEmpty());
    QVERIFY(!p[QStringLiteral("applied")].toBool());

    const QString backups = m_dir.filePath(QStringLiteral("backups"));
    const Run applied = runCli(fix(emu,
        { QStringLiteral("--apply"), QStringLiteral("--yes"), QStringLiteral("--backup-dir"), backups,
            QStringLiteral("--json") }));
    QVERIFY2(applied.code == 0, applied.err.constData());
    const QJsonObject a = applied.json();
    QVERIFY(a[QStringLiteral("applied")].toBool() && a[QStringLiteral("verified")].toBool());
    QVERIFY(QFile::exists(a[QStringLiteral("backup")].toString()));
    const QByteArray live
        = emu.get(QStringLiteral("/_emulator/object?collection=policies&id=%1").arg(QLatin1String(kCa016)));
    QVERIFY(live.contains("6342d005-8023-48b3-9fc8-8a335be5b593")); // the account is excluded now

    // The rollback command it printed restores the policy.
    QStringList rollback = a[QStringLiteral("rollback")].toString().split(QLatin1Char(' '));
    QCOMPARE(rollback.takeFirst(), QStringLiteral("calens"));
    const Run undone = runCli(rollback);
    QVERIFY2(undone.code == 0, undone.err.constData());
    QVERIFY(!emu.get(QStringLiteral("/_emulator/object?collection=policies&id=%1").arg(QLatin1String(kCa016)))
                 .contains("6342d005-8023-48b3-9fc8-8a335be5b593"));
}

void TestFixCli::planAppliedLaterIsRefusedOnDrift()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    const QString planFile = m_dir.filePath(QStringLiteral("plan.json"));
    QCOMPARE(runCli(fix(emu, { QStringLiteral("--plan-out"), planFile })).code, 0);
    emu.post(QStringLiteral("/_emulator/edit?collection=policies&id=%1").arg(QLatin1String(kCa016)),
        R"({"conditions":{"users":{"excludeUsers":["0e9a7c1d-2b3f-4c5d-8e6f-7a8b9c0d1e2f"]}}})");
    const Run refused
        = runCli(QStringList { QStringLiteral("fix"), QStringLiteral("--apply"), QStringLiteral("--plan"), planFile,
                     QStringLiteral("--yes"), QStringLiteral("--backup-dir"), m_dir.filePath(QStringLiteral("b2")) }
            + login(emu));
    QCOMPARE(refused.code, 4);
    QVERIFY2(refused.out.contains("changed since the plan"), refused.out.constData());
    QVERIFY(
        !QDir(m_dir.filePath(QStringLiteral("b2"))).exists() || QDir(m_dir.filePath(QStringLiteral("b2"))).isEmpty());
    // An edited plan is not sent either: here someone widened the exclusion to everybody.
    EmulatorProcess fresh({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(fresh.start());
    QCOMPARE(runCli(fix(fresh, { QStringLiteral("--plan-out"), planFile })).code, 0);
    QFile f(planFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject plan = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject request = plan[QStringLiteral("request")].toObject();
    QJsonObject body = request[QStringLiteral("body")].toObject();
    QJsonObject conditions = body[QStringLiteral("conditions")].toObject();
    QJsonObject users = conditions[QStringLiteral("users")].toObject();
    users[QStringLiteral("includeUsers")] = QJsonArray { QStringLiteral("None") };
    conditions[QStringLiteral("users")] = users;
    body[QStringLiteral("conditions")] = conditions;
    request[QStringLiteral("body")] = body;
    plan[QStringLiteral("request")] = request;
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(plan).toJson());
    f.close();
    const Run edited
        = runCli(QStringList { QStringLiteral("fix"), QStringLiteral("--apply"), QStringLiteral("--plan"), planFile,
                     QStringLiteral("--yes"), QStringLiteral("--backup-dir"), m_dir.filePath(QStringLiteral("b3")) }
            + login(fresh));
    QCOMPARE(edited.code, 4);
    QVERIFY2(edited.out.contains("not what its change makes"), edited.out.constData());
    QCOMPARE(QJsonDocument::fromJson(fresh.stats()).object()[QStringLiteral("directoryWrites")].toInt(), 0);
}

void TestFixCli::applyNeedsYes()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    const Run r = runCli(fix(emu, { QStringLiteral("--apply") }));
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("--yes"));
    QCOMPARE(QJsonDocument::fromJson(emu.stats()).object()[QStringLiteral("directoryWrites")].toInt(), 0);
}

QTEST_GUILESS_MAIN(TestFixCli)
#include "tst_fixcli.moc"
