// SPDX-License-Identifier: MIT
// "Remember in the system keychain" in the Connect dialog (offscreen) against the Graph emulator: inside a private
// D-Bus session with its own Secret Service the client secret is kept after a sign-in that worked and read back by
// the next Connect dialog and by the fix dialog, unticking forgets it, and a device-code sign-in is kept so the
// next connection needs no new code. Without a session bus the dialog says so and keeps the secret in memory for
// the session. The settings remember recent tenants and app registrations, never a secret or a token.
#include "connect/connectdialog.h"
#include "connect/rememberedlogin.h"
#include "emulatorprocess.h"
#include "fix/fixdialog.h"
#include "graph/keychainaccounts.h"
#include "graph/keychainsecretstore.h"
#include "graph/secretwait.h"
#include "ingest/timestamp.h"
#include "keyringsession.h"
#include "support/testpaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace calens;
using namespace calens::test;

namespace {

const QString kTenant = QStringLiteral("contoso.onmicrosoft.com");
const QString kClientId = QStringLiteral("11111111-2222-3333-4444-555555555555");

template<typename T> T* child(QWidget& w, const char* name)
{
    return w.findChild<T*>(QLatin1String(name));
}

// A Connect dialog on the emulator with the remembered settings, "Remember" ticked or not.
void prepare(ConnectDialog& dialog, const EmulatorProcess& emu)
{
    dialog.setEndpoints(emu.url(), emu.url());
    dialog.setWindow(parseTimestamp("2026-09-30T00:00:00Z"), parseTimestamp("2026-10-20T00:00:00Z"));
}

bool fetch(ConnectDialog& dialog)
{
    QSignalSpy fetched(&dialog, &ConnectDialog::fetched);
    dialog.connectNow();
    return fetched.wait(kHangGuardMs);
}

QByteArray settingsBytes()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeychainDialog : public QObject
{
    Q_OBJECT

    QString secret() const { return qEnvironmentVariable("CALENS_TEST_KEYCHAIN_SECRET"); }

    void runInner(const char* function)
    {
        if (isInnerKeyringRun()) QSKIP("this is the inner run");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret = QStringLiteral("calens-kc-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        qputenv("CALENS_TEST_KEYCHAIN_SECRET", secret.toLatin1());
        QString output;
        bool skipped = false;
        const bool passed = runInPrivateKeyring(QLatin1String(function), home.path(), &output, &skipped);
        qunsetenv("CALENS_TEST_KEYCHAIN_SECRET");
        if (skipped) QSKIP(qPrintable(output));
        QVERIFY2(passed, qPrintable(output));
        QVERIFY2(!output.contains(secret), "the secret was printed");
        // Settings (under the private HOME in test mode) and every other file there: no secret in clear.
        const QStringList leaks = filesContaining(home.path(), secret.toLatin1());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY2(!filesContaining(home.path(), "graph").isEmpty(), "the settings file is under the private HOME");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a throwaway location (under HOME)
        QCoreApplication::setOrganizationName(QStringLiteral("calens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychaindialog"));
        QSettings().clear();
    }

    void noSessionBusFallsBackToMemory()
    {
        if (isInnerKeyringRun()) QSKIP("runs outside the keyring session");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/calens-test-bus");
        qunsetenv("DISPLAY");
        const QString secret = QString::fromLatin1(kEmulatorSecret);
        EmulatorProcess emu({ QStringLiteral("--sign-ins"), QStringLiteral("60") });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        {
            ConnectDialog dialog;
            prepare(dialog, emu);
            dialog.setTenant(kTenant, kClientId);
            dialog.setClientSecret(secret);
            child<QCheckBox>(dialog, "rememberInKeychain")->setChecked(true);
            auto* notice = child<QLabel>(dialog, "keychainNotice");
            // Ticking the box finds out at once that no keychain answers.
            QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), kHangGuardMs);
            QVERIFY2(notice->text().startsWith(QLatin1String("No Secret Service on the session bus")),
                qPrintable(notice->text()));
            QVERIFY(notice->text().contains(QLatin1String("kept in memory for this session only")));
            QSignalSpy remembered(&dialog, &ConnectDialog::remembered);
            QVERIFY2(fetch(dialog), qPrintable(child<QLabel>(dialog, "connectStatus")->text()));
            QVERIFY(remembered.size() == 1 || remembered.wait(kHangGuardMs));
            QCOMPARE(remembered.at(0).at(0).toBool(), false); // memory only
        }
        // The next dialog of this session reads the secret back from memory.
        ConnectDialog again;
        prepare(again, emu);
        QCOMPARE(child<QComboBox>(again, "tenant")->currentText(), kTenant);
        QVERIFY(child<QCheckBox>(again, "rememberInKeychain")->isChecked());
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(again, "clientSecret")->text(), secret, kHangGuardMs);
        QVERIFY(!child<QLabel>(again, "keychainNotice")->isHidden());
        QVERIFY(!settingsBytes().contains(kEmulatorSecret));
    }

    void privateSecretService() { runInner("rememberAndReadBack"); }

    void privateSecretServiceDeviceCode() { runInner("deviceCodeSignInKept"); }

    // Inside dbus-run-session with an unlocked Secret Service.
    void rememberAndReadBack()
    {
        if (!isInnerKeyringRun()) QSKIP("runs inside dbus-run-session only");
        QVERIFY(!secret().isEmpty());
        EmulatorProcess emu(
            { QStringLiteral("--sign-ins"), QStringLiteral("80"), QStringLiteral("--client-secret"), secret() });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        {
            ConnectDialog dialog;
            prepare(dialog, emu);
            dialog.setTenant(kTenant, kClientId);
            dialog.setClientSecret(secret());
            child<QCheckBox>(dialog, "rememberInKeychain")->setChecked(true);
            QSignalSpy remembered(&dialog, &ConnectDialog::remembered);
            QVERIFY2(fetch(dialog), qPrintable(child<QLabel>(dialog, "connectStatus")->text()));
            QVERIFY(remembered.size() == 1 || remembered.wait(kHangGuardMs));
            QCOMPARE(remembered.at(0).at(0).toBool(), true); // in the keychain
            QVERIFY(child<QLabel>(dialog, "keychainNotice")->isHidden());
        }
        // A new process would find it the same way: read it straight from the keychain.
        graph::KeychainSecretStore store(graph::keychainService());
        const graph::SecretResult stored = graph::waitForSecret(
            [&](graph::SecretStore::Done done) { store.read(graph::clientSecretAccount(kTenant, kClientId), done); });
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QCOMPARE(stored.secret, secret());

        // The next Connect dialog: tenant from the recent list, secret from the keychain, connects without typing.
        ConnectDialog again;
        prepare(again, emu);
        auto* tenants = child<QComboBox>(again, "tenant");
        QCOMPARE(tenants->currentText(), kTenant);
        QVERIFY(tenants->findText(kTenant) >= 0);
        QVERIFY(child<QComboBox>(again, "clientId")->findText(kClientId) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(again, "clientSecret")->text(), secret(), kHangGuardMs);
        QVERIFY2(fetch(again), qPrintable(child<QLabel>(again, "connectStatus")->text()));

        // The fix dialog uses the same remembered secret.
        {
            FixDialog fix(std::make_shared<Dataset>(), "fix-id", QStringLiteral("A fix"), fix::Change {}, {});
            QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(fix, "fixClientSecret")->text(), secret(), kHangGuardMs);
            QVERIFY(child<QLabel>(fix, "fixKeychainNotice")->isHidden());
        }

        // Unticking forgets it.
        child<QCheckBox>(again, "rememberInKeychain")->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(graph::waitForSecret([&](graph::SecretStore::Done done) {
            store.read(graph::clientSecretAccount(kTenant, kClientId), done);
        }).notFound,
            kHangGuardMs);
        QVERIFY(child<QLineEdit>(again, "clientSecret")->text().isEmpty());
        ConnectDialog third;
        QTest::qWait(200);
        QVERIFY(child<QLineEdit>(third, "clientSecret")->text().isEmpty());
        QVERIFY(!child<QCheckBox>(third, "rememberInKeychain")->isChecked());

        const QByteArray settings = settingsBytes();
        QVERIFY(settings.contains(kClientId.toLatin1())); // the recent app registration
        QVERIFY(!settings.contains(secret().toLatin1()));
    }

    void deviceCodeSignInKept()
    {
        if (!isInnerKeyringRun()) QSKIP("runs inside dbus-run-session only");
        EmulatorProcess emu({ QStringLiteral("--sign-ins"), QStringLiteral("60"), QStringLiteral("--interval"),
            QStringLiteral("0"), QStringLiteral("--approve-after"), QStringLiteral("1") });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        auto polls = [&emu] {
            return QJsonDocument::fromJson(emu.stats()).object().value(QStringLiteral("devicePolls")).toInt();
        };
        {
            ConnectDialog dialog;
            prepare(dialog, emu);
            dialog.setTenant(kTenant, kClientId);
            child<QComboBox>(dialog, "signInMethod")->setCurrentIndex(0);
            child<QCheckBox>(dialog, "rememberInKeychain")->setChecked(true);
            QSignalSpy remembered(&dialog, &ConnectDialog::remembered);
            QVERIFY2(fetch(dialog), qPrintable(child<QLabel>(dialog, "connectStatus")->text()));
            QVERIFY(!child<QLabel>(dialog, "deviceCode")->text().isEmpty()); // the first start signs in with a code
            QVERIFY(remembered.size() == 1 || remembered.wait(kHangGuardMs));
            QCOMPARE(remembered.at(0).at(0).toBool(), true);
        }
        const int pollsAfterFirst = polls();
        QVERIFY(pollsAfterFirst > 0);

        ConnectDialog next; // "the next start"
        prepare(next, emu);
        QCOMPARE(child<QComboBox>(next, "signInMethod")->currentIndex(), 0);
        QVERIFY(child<QCheckBox>(next, "rememberInKeychain")->isChecked());
        QVERIFY2(fetch(next), qPrintable(child<QLabel>(next, "connectStatus")->text()));
        QVERIFY(child<QLabel>(next, "deviceCode")->text().isEmpty()); // no new code
        QCOMPARE(polls(), pollsAfterFirst);

        // No token the emulator issued is in the settings.
        const QByteArray settings = settingsBytes();
        const QJsonArray tokens = QJsonDocument::fromJson(emu.get(QStringLiteral("/_emulator/tokens"))).array();
        QVERIFY(!tokens.isEmpty());
        for (const QJsonValue& t : tokens) QVERIFY(!settings.contains(t.toString().toLatin1()));
    }
};

QTEST_MAIN(TestKeychainDialog)
#include "tst_keychaindialog.moc"
