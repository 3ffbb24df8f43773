// SPDX-License-Identifier: MIT
// `calens fetch` against the Graph emulator: the fetch file, exit codes, and no secret or token on disk.
#include "emulatorprocess.h"
#include "support/testpaths.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using calens::test::EmulatorProcess;

namespace {

struct Run
{
    int code = -1;
    QString out, err;
};

QString binary()
{
    const QString over = qEnvironmentVariable("CALENS_TEST_FETCH_BINARY");
    return over.isEmpty() ? calens::test::calensBinary() : over;
}

Run runCalens(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    Run r;
    if (!p.waitForFinished(calens::test::kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestGraphCli : public QObject
{
    Q_OBJECT

    QString m_secret = QStringLiteral("calens-cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    QStringList fetchArgs(const EmulatorProcess& emu, const QString& out, QStringList more = {}) const
    {
        return QStringList { QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
            QStringLiteral("--client-id"), QStringLiteral("app"), QStringLiteral("--authority-url"), emu.url(),
            QStringLiteral("--graph-url"), emu.url(), QStringLiteral("--since"), QStringLiteral("2026-10-02T00:00:00Z"),
            QStringLiteral("--until"), QStringLiteral("2026-10-09T00:00:00Z"), QStringLiteral("-o"), out }
        + more;
    }

    QProcessEnvironment envWithSecret(const QString& home, const QString& secret) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CALENS_TEST_CLIENT_SECRET"), secret);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QLatin1String("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QLatin1String("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QLatin1String("/cache"));
        return env;
    }

    QStringList secretArgs() const
    {
        return { QStringLiteral("--client-secret-env"), QStringLiteral("CALENS_TEST_CLIENT_SECRET") };
    }

private slots:
    void initTestCase()
    {
        const Run help = runCalens({ QStringLiteral("fetch"), QStringLiteral("--help") });
        if (help.code == 2 && help.err.contains(QLatin1String("not available")))
            QSKIP("calens fetch is not wired into app/main.cpp yet");
        QCOMPARE(help.code, 0);
    }

    void fetchWritesFileThatAnalyzeReads()
    {
        EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--sign-ins"),
            QStringLiteral("1500"), QStringLiteral("--client-secret"), m_secret, QStringLiteral("--fault"),
            QStringLiteral("throttle:every=4:count=2"), QStringLiteral("--fault"),
            QStringLiteral("drop:every=5:count=2") });
        QVERIFY(emu.start());
        QTemporaryDir home;
        const QString out = home.filePath(QStringLiteral("fetch.json"));
        const Run r = runCalens(fetchArgs(emu, out, secretArgs()), envWithSecret(home.path(), m_secret));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("wrote")));
        const Run a = runCalens({ QStringLiteral("analyze"), out, QStringLiteral("--json") });
        const QJsonObject summary = QJsonDocument::fromJson(a.out.toUtf8()).object();
        const auto truth = calens::test::groundTruth(3, 1500, 1790899200000LL /* 10-02 */, 1791504000000LL /* 10-09 */);
        if (a.code == 0) QCOMPARE(summary.value(QStringLiteral("signIns")).toInt(), int(truth.size()));
        // Read back, the fetch file gives the policies, locations, service principals and audited changes too.
        const QJsonObject input = summary.value(QStringLiteral("inputs")).toArray().at(0).toObject();
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(file.value(QStringLiteral("value")).toArray().size(), int(truth.size()));
        QVERIFY(file.value(QStringLiteral("policies")).toArray().size() > 0);
        QVERIFY(file.value(QStringLiteral("namedLocations")).toArray().size() > 0);
        QVERIFY(file.value(QStringLiteral("servicePrincipals")).toArray().size() > 0);
        QVERIFY(file.contains(QStringLiteral("directoryAudits")));
        const auto fileCount = [&file](const char* key) { return file.value(QLatin1String(key)).toArray().size(); };
        QCOMPARE(input.value(QStringLiteral("directoryObjects")).toInt(),
            int(fileCount("policies") + fileCount("namedLocations") + fileCount("servicePrincipals")
                + fileCount("directoryAudits")));

        // No secret and no token anywhere: files written under HOME (settings, caches, output), stdout, stderr.
        QVERIFY(!r.out.contains(m_secret) && !r.err.contains(m_secret));
        for (const char* token : { "emu-at-", "emu-rt-" })
            QVERIFY(!r.out.contains(QLatin1String(token)) && !r.err.contains(QLatin1String(token)));
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile written(it.next());
            QVERIFY(written.open(QIODevice::ReadOnly));
            const QByteArray bytes = written.readAll();
            QVERIFY2(!bytes.contains(m_secret.toUtf8()), qPrintable(it.filePath()));
            QVERIFY2(!bytes.contains("emu-at-") && !bytes.contains("emu-rt-"), qPrintable(it.filePath()));
            ++files;
        }
        QVERIFY(files >= 1);
    }

    void wrongSecretExits3WithCode()
    {
        EmulatorProcess emu(
            { QStringLiteral("--sign-ins"), QStringLiteral("50"), QStringLiteral("--client-secret"), m_secret });
        QVERIFY(emu.start());
        QTemporaryDir home;
        const Run r = runCalens(fetchArgs(emu, home.filePath(QStringLiteral("x.json")), secretArgs()),
            envWithSecret(home.path(), QStringLiteral("wrong-") + m_secret));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("AADSTS7000215")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("wrong-") + m_secret));
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("x.json"))));
    }

    void licenceExits3WithCode()
    {
        EmulatorProcess emu({ QStringLiteral("--sign-ins"), QStringLiteral("50"), QStringLiteral("--fault"),
            QStringLiteral("licence") });
        QVERIFY(emu.start());
        QTemporaryDir home;
        const Run r = runCalens(fetchArgs(emu, home.filePath(QStringLiteral("x.json")), secretArgs()),
            envWithSecret(home.path(), QString::fromLatin1(calens::test::kEmulatorSecret)));
        QCOMPARE(r.code, 3);
        QVERIFY2(
            r.err.contains(QLatin1String("Authentication_RequestFromNonPremiumTenantOrB2CTenant")), qPrintable(r.err));
    }

    void deviceCodeSignIn()
    {
        EmulatorProcess emu(
            { QStringLiteral("--sign-ins"), QStringLiteral("200"), QStringLiteral("--interval"), QStringLiteral("0") });
        QVERIFY(emu.start());
        QTemporaryDir home;
        const Run r
            = runCalens(fetchArgs(emu, home.filePath(QStringLiteral("d.json")), { QStringLiteral("--device-code") }));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("enter the code EMU")));
    }

    void usageErrors()
    {
        QTemporaryDir home;
        const QString out = home.filePath(QStringLiteral("x.json"));
        const QStringList base { QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("t"),
            QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("-o"), out };
        Run r = runCalens(base
            + QStringList { QStringLiteral("--device-code"), QStringLiteral("--graph-url"),
                QStringLiteral("http://graph.example.com") });
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("plain http is refused")));
        r = runCalens(base); // no sign-in method
        QCOMPARE(r.code, 2);
        r = runCalens(
            base + QStringList { QStringLiteral("--client-secret-env"), QStringLiteral("CALENS_TEST_UNSET_VAR") });
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("CALENS_TEST_UNSET_VAR")));
        r = runCalens(
            base + QStringList { QStringLiteral("--device-code"), QStringLiteral("--cloud"), QStringLiteral("mars") });
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestGraphCli)
#include "tst_graphcli.moc"
