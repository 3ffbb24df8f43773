// SPDX-License-Identifier: MIT
// From the wizard's fix page to an applied, verified fix and back, against the Graph emulator (offscreen):
// the admin plans on the live object, reads the diff and the blast radius, confirms, and rolls back.
#include "emulatorprocess.h"
#include "support/testpaths.h"

#include "fix/fixdialog.h"
#include "ui/mainwindow.h"
#include "wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace calens;
using calens::test::EmulatorProcess;

class TestFixDialog : public QObject
{
    Q_OBJECT
private slots:
    void planApplyRollbackFromTheWizard();
};

void TestFixDialog::planApplyRollbackFromTheWizard()
{
    qRegisterMetaType<fix::FixRunner::Result>();
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo(); // the same synthetic tenant as the emulator's
    QVERIFY(loaded.wait(test::kHangGuardMs));
    QSignalSpy opened(&window, &MainWindow::wizardOpened);
    window.diagnose(int(window.dataset()->findById("d30df779-c277-4bfe-87d3-057667831017"))); // svc-pbirefresh, MFA
    auto* wizard = qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
    QVERIFY(wizard);
    while (wizard->currentPage()->objectName() != QLatin1String("fixesPage")) wizard->next();
    auto* planLive = wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("planLive"));
    QVERIFY(planLive);
    QSignalSpy dialogOpened(wizard, &DiagnosisWizard::fixDialogOpened);
    planLive->click();
    auto* dialog = qobject_cast<FixDialog*>(dialogOpened.value(0).value(0).value<QWidget*>());
    QVERIFY(dialog);
    QTemporaryDir backups;
    dialog->setEndpoints(emu.url(), emu.url());
    dialog->setTenant(
        QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
    dialog->setClientSecret(QString::fromLatin1(test::kEmulatorSecret));
    dialog->setBackupFolder(backups.path());
    QStringList asked;
    dialog->setConfirmation([&asked](const QString& q) {
        asked << q;
        return true;
    });
    auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("fixApply"));
    QVERIFY(!apply->isEnabled()); // nothing to apply before a plan

    QSignalSpy step(dialog, &FixDialog::stepFinished);
    dialog->planNow();
    QVERIFY(step.wait(test::kHangGuardMs));
    QVERIFY2(dialog->reportText().contains(QLatin1String("conditions.users.excludeUsers")),
        qPrintable(dialog->reportText()));
    QVERIFY(dialog->reportText().contains(QLatin1String("lets the")));
    QVERIFY(apply->isEnabled());
    QCOMPARE(
        nlohmann::json::parse(emu.stats().toStdString()).value("directoryWrites", -1), 0); // planning writes nothing

    if (qEnvironmentVariableIsSet("CALENS_TEST_SHOTS")) // to look at it: the plan as the admin reviews it
        dialog->grab().save(qEnvironmentVariable("CALENS_TEST_SHOTS") + QStringLiteral("/fix-plan.png"));
    apply->click();
    QVERIFY(step.wait(test::kHangGuardMs));
    QCOMPARE(asked.size(), 1); // an explicit confirmation came first
    QVERIFY(dialog->lastResult() && dialog->lastResult()->applied && dialog->lastResult()->verified);
    QVERIFY(emu.get(QStringLiteral("/_emulator/object?collection=policies&id=d7da9a44-7975-4e68-8fe0-9ce2875949cc"))
                .contains("6342d005-8023-48b3-9fc8-8a335be5b593"));

    auto* rollback = dialog->findChild<QPushButton*>(QStringLiteral("fixRollback"));
    QVERIFY(rollback->isEnabled());
    rollback->click();
    QVERIFY(step.wait(test::kHangGuardMs));
    QVERIFY2(dialog->lastResult()->outcome == fix::FixRunner::Outcome::Done, qPrintable(dialog->lastResult()->message));
    QVERIFY(!emu.get(QStringLiteral("/_emulator/object?collection=policies&id=d7da9a44-7975-4e68-8fe0-9ce2875949cc"))
                 .contains("6342d005-8023-48b3-9fc8-8a335be5b593"));
    dialog->close();
    wizard->close();
}

QTEST_MAIN(TestFixDialog)
#include "tst_fixdialog.moc"
