// SPDX-License-Identifier: MIT
// The Connect dialog against the emulator: client secret sign-in, a fetch that lands in the window's
// dataset, and nothing secret in the settings it remembers.
#include "connect/connectdialog.h"
#include "emulatorprocess.h"
#include "ingest/timestamp.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace calens;

class TestConnectDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a throwaway location
        QCoreApplication::setOrganizationName(QStringLiteral("calens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_graphconnectdialog"));
        QSettings().clear();
    }

    void fetchesIntoADataset()
    {
        test::EmulatorProcess emu(
            { QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--sign-ins"), QStringLiteral("600") });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        ConnectDialog dialog;
        dialog.setEndpoints(emu.url(), emu.url());
        dialog.setTenant(
            QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        dialog.setClientSecret(QString::fromLatin1(test::kEmulatorSecret));
        dialog.setWindow(parseTimestamp("2026-09-30T00:00:00Z"), parseTimestamp("2026-10-20T00:00:00Z"));
        QSignalSpy fetched(&dialog, &ConnectDialog::fetched);
        dialog.connectNow();
        QVERIFY2(fetched.wait(calens::test::kHangGuardMs),
            qPrintable(dialog.findChild<QLabel*>(QStringLiteral("connectStatus"))->text()));
        const auto dataset = fetched.at(0).at(0).value<std::shared_ptr<const Dataset>>();
        QVERIFY(dataset);
        QCOMPARE(dataset->signInCount(), size_t(600));
        QVERIFY(!dataset->policies().empty());

        QSettings settings;
        settings.sync();
        QCOMPARE(settings.value(QStringLiteral("graph/clientId")).toString(),
            QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(test::kEmulatorSecret)); // remembered settings never hold the secret
    }

    void wrongSecretSaysWhy()
    {
        test::EmulatorProcess emu({ QStringLiteral("--sign-ins"), QStringLiteral("50") });
        QVERIFY(emu.start());
        ConnectDialog dialog;
        dialog.setEndpoints(emu.url(), emu.url());
        dialog.setTenant(
            QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        dialog.setClientSecret(QStringLiteral("not-the-secret"));
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("connectStatus"));
        dialog.connectNow();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("AADSTS7000215")), calens::test::kHangGuardMs);
        QVERIFY(!status->text().contains(QLatin1String("not-the-secret")));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_graphconnectdialog.moc"
