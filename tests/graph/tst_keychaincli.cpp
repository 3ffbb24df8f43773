// SPDX-License-Identifier: MIT
// The client secret in the system keychain on the command line: `calens keychain store` (the secret on standard
// input) → `calens fetch --client-secret-keychain` against the Graph emulator → `calens keychain forget` → the
// fetch fails with what to do, inside a private D-Bus session with its own Secret Service; and without a session
// bus, exit 2 with the fallback message. Nothing under the private HOME holds the secret in clear.
#include "emulatorprocess.h"
#include "keyringsession.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace calens::test;

namespace {

const QString kClientId = QStringLiteral("11111111-2222-3333-4444-555555555555");

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run calensWith(const QStringList& args, const QByteArray& input = {},
    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(calensBinary(), args);
    p.write(input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
    } else {
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList fetchArgs(const QString& url, const QString& tenant, const QString& out)
{
    return { QStringLiteral("fetch"), QStringLiteral("--tenant"), tenant, QStringLiteral("--client-id"), kClientId,
        QStringLiteral("--client-secret-keychain"), QStringLiteral("--authority-url"), url,
        QStringLiteral("--graph-url"), url, QStringLiteral("--since"), QStringLiteral("2026-10-02T00:00:00Z"),
        QStringLiteral("--until"), QStringLiteral("2026-10-05T00:00:00Z"), QStringLiteral("-o"), out };
}

QProcessEnvironment withoutSessionBus()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/calens-test-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    return env;
}

} // namespace

class TestKeychainCli : public QObject
{
    Q_OBJECT

    QString secret() const { return qEnvironmentVariable("CALENS_TEST_KEYCHAIN_SECRET"); }

private slots:
    void noSessionBusSaysWhatToUse()
    {
        if (isInnerKeyringRun()) QSKIP("runs outside the keyring session");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Run f = calensWith(fetchArgs(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("contoso.com"),
                                     dir.filePath(QStringLiteral("out.json"))),
            {}, withoutSessionBus());
        QCOMPARE(f.code, 2);
        QVERIFY2(f.err.contains("--client-secret-keychain: no Secret Service on the session bus: use "
                                "--client-secret-env VAR"),
            f.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out.json"))));

        const Run s = calensWith({ QStringLiteral("keychain"), QStringLiteral("store"), QStringLiteral("--tenant"),
                                     QStringLiteral("contoso.com"), QStringLiteral("--client-id"), kClientId },
            "not-stored-anywhere\n", withoutSessionBus());
        QCOMPARE(s.code, 2);
        QVERIFY2(
            s.err.contains("no Secret Service on the session bus: use --client-secret-env VAR"), s.err.constData());
        QVERIFY(!s.err.contains("not-stored-anywhere") && !s.out.contains("not-stored-anywhere"));
    }

    void usage()
    {
        if (isInnerKeyringRun()) QSKIP("runs outside the keyring session");
        const Run both = calensWith({ QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("t"),
            QStringLiteral("--client-id"), kClientId, QStringLiteral("--client-secret-keychain"),
            QStringLiteral("--device-code"), QStringLiteral("-o"), QStringLiteral("x.json") });
        QCOMPARE(both.code, 2);
        QVERIFY2(both.err.contains("choose one of"), both.err.constData());
        const Run verb = calensWith({ QStringLiteral("keychain"), QStringLiteral("show"), QStringLiteral("--tenant"),
            QStringLiteral("t"), QStringLiteral("--client-id"), kClientId });
        QCOMPARE(verb.code, 2);
        QVERIFY(verb.err.contains("keychain store|forget"));
        const Run empty = calensWith({ QStringLiteral("keychain"), QStringLiteral("store"), QStringLiteral("--tenant"),
                                         QStringLiteral("t"), QStringLiteral("--client-id"), kClientId },
            "\n", withoutSessionBus());
        QCOMPARE(empty.code, 2);
        QVERIFY2(empty.err.contains("no client secret on standard input"), empty.err.constData());
    }

    void privateSecretService()
    {
        if (isInnerKeyringRun()) QSKIP("this is the inner run");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret = QStringLiteral("calens-kc-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        qputenv("CALENS_TEST_KEYCHAIN_SECRET", secret.toLatin1());
        QString output;
        bool skipped = false;
        const bool passed = runInPrivateKeyring(QStringLiteral("storeFetchForget"), home.path(), &output, &skipped);
        qunsetenv("CALENS_TEST_KEYCHAIN_SECRET");
        if (skipped) QSKIP(qPrintable(output));
        QVERIFY2(passed, qPrintable(output));
        QVERIFY2(!output.contains(secret), "the secret was printed");
        // The keyring file is encrypted; no other file (fetch file, settings) holds the secret.
        const QStringList leaks = filesContaining(home.path(), secret.toLatin1());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(QFileInfo::exists(home.filePath(QStringLiteral("fetched.json"))));
    }

    // Inside dbus-run-session with an unlocked Secret Service (see privateSecretService).
    void storeFetchForget()
    {
        if (!isInnerKeyringRun()) QSKIP("runs inside dbus-run-session only");
        QVERIFY(!secret().isEmpty());
        EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--sign-ins"),
            QStringLiteral("200"), QStringLiteral("--client-secret"), secret() });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        const QString out = QDir::home().filePath(QStringLiteral("fetched.json"));
        const QStringList id { QStringLiteral("--tenant"), QStringLiteral("Contoso.com"), QStringLiteral("--client-id"),
            kClientId };

        // Not stored yet: the fetch says how to store one.
        const Run before = calensWith(fetchArgs(emu.url(), QStringLiteral("contoso.com"), out));
        QCOMPARE(before.code, 2);
        QVERIFY2(before.err.contains("holds no client secret") && before.err.contains("calens keychain store"),
            before.err.constData());

        const Run stored = calensWith(
            QStringList { QStringLiteral("keychain"), QStringLiteral("store") } + id, secret().toLatin1() + "\r\n");
        QVERIFY2(stored.code == 0, stored.err.constData());
        QVERIFY(stored.out.contains("stored the client secret"));

        // The tenant is matched without regard to case, as Entra ID does.
        const Run fetched = calensWith(fetchArgs(emu.url(), QStringLiteral("contoso.com"), out));
        QVERIFY2(fetched.code == 0, fetched.err.constData());
        QVERIFY(fetched.out.contains("sign-ins"));
        QVERIFY(QFileInfo(out).size() > 0);
        for (const Run& r : { stored, fetched })
            QVERIFY(!r.out.contains(secret().toLatin1()) && !r.err.contains(secret().toLatin1()));

        const Run forgotten = calensWith(QStringList { QStringLiteral("keychain"), QStringLiteral("forget") } + id);
        QVERIFY2(forgotten.code == 0, forgotten.err.constData());
        const Run after = calensWith(
            fetchArgs(emu.url(), QStringLiteral("contoso.com"), QDir::home().filePath(QStringLiteral("after.json"))));
        QCOMPARE(after.code, 2);
        QVERIFY2(after.err.contains("--client-secret-keychain: the system keychain holds no client secret for tenant "
                                    "contoso.com"),
            after.err.constData());
        QVERIFY(!QFileInfo::exists(QDir::home().filePath(QStringLiteral("after.json"))));
    }
};

QTEST_GUILESS_MAIN(TestKeychainCli)
#include "tst_keychaincli.moc"
