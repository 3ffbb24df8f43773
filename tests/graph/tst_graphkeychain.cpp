// SPDX-License-Identifier: MIT
// The client secret in the system keychain (qtkeychain → Secret Service), and the fallback without one.
#include "graph/keychainsecretstore.h"
#include "graph/secretvault.h"
#include "support/testpaths.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace calens::graph;

namespace {

SecretResult wait(const std::function<void(SecretStore::Done)>& call)
{
    bool done = false;
    SecretResult result;
    call([&](const SecretResult& r) {
        result = r;
        done = true;
    });
    QDeadlineTimer deadline(20000);
    while (!done && !deadline.hasExpired()) QTest::qWait(10);
    if (!done) result.error = QStringLiteral("timed out");
    return result;
}

} // namespace

class TestGraphKeychain : public QObject
{
    Q_OBJECT
private slots:
    void noKeyringFallsBackToSession()
    {
        if (qEnvironmentVariableIsSet("CALENS_KEYRING_INNER")) QSKIP("runs outside the keyring session");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/calens-test-bus");
        qunsetenv("DISPLAY");
        SecretVault vault(std::make_unique<KeychainSecretStore>(QStringLiteral("calens-test")));
        const SecretResult w
            = wait([&](auto done) { vault.write(QStringLiteral("app"), QStringLiteral("pw-1"), done); });
        QVERIFY2(w.ok, qPrintable(w.error));
        QVERIFY(!vault.keychainUsable());
        QVERIFY(vault.notice().contains(QLatin1String("this session only")));
        QVERIFY(!vault.notice().contains(QLatin1String("pw-1")));
        const SecretResult r = wait([&](auto done) { vault.read(QStringLiteral("app"), done); });
        QVERIFY(r.ok);
        QCOMPARE(r.secret, QStringLiteral("pw-1"));
    }

    void realKeyringInPrivateSession()
    {
        if (qEnvironmentVariableIsSet("CALENS_KEYRING_INNER")) QSKIP("this is the inner run");
        const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (dbus.isEmpty() || keyring.isEmpty()) QSKIP("dbus-run-session or gnome-keyring-daemon not installed");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QLatin1String("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.insert(QStringLiteral("CALENS_KEYRING_INNER"), QStringLiteral("1"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(dbus,
            { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo -n pw | %1 --unlock --components=secrets >/dev/null 2>&1; exec \"$0\" "
                               "keychainRoundTrip")
                    .arg(keyring),
                QCoreApplication::applicationFilePath() });
        QVERIFY(p.waitForFinished(calens::test::kHangGuardMs));
        const QString out = QString::fromLocal8Bit(p.readAll());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("PASS   : TestGraphKeychain::keychainRoundTrip()")), qPrintable(out));
        // Nothing under the private HOME holds the secret in clear (the keyring file is encrypted).
        QProcess grep;
        grep.start(
            QStringLiteral("grep"), { QStringLiteral("-rl"), QStringLiteral("calens-secret-value"), home.path() });
        grep.waitForFinished(calens::test::kHangGuardMs);
        QCOMPARE(grep.readAll().trimmed(), QByteArray());
    }

    void keychainRoundTrip()
    {
        if (!qEnvironmentVariableIsSet("CALENS_KEYRING_INNER")) QSKIP("runs inside dbus-run-session only");
        KeychainSecretStore store(QStringLiteral("calens-test"));
        const SecretResult w
            = wait([&](auto done) { store.write(QStringLiteral("app"), QStringLiteral("calens-secret-value"), done); });
        QVERIFY2(w.ok, qPrintable(w.error));
        const SecretResult r = wait([&](auto done) { store.read(QStringLiteral("app"), done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.secret, QStringLiteral("calens-secret-value"));
        const SecretResult d = wait([&](auto done) { store.remove(QStringLiteral("app"), done); });
        QVERIFY2(d.ok, qPrintable(d.error));
        const SecretResult gone = wait([&](auto done) { store.read(QStringLiteral("app"), done); });
        QVERIFY(gone.notFound);
    }
};

QTEST_GUILESS_MAIN(TestGraphKeychain)
#include "tst_graphkeychain.moc"
