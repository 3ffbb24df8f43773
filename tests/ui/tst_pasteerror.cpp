// SPDX-License-Identifier: MIT
// "Paste an error…": each error shape an admin receives, pasted into the dialog on the demo tenant, finds the
// right sign-in and Diagnose opens the wizard on it; with no match the dialog says exactly what to fetch.
#include "mainwindow.h"
#include "paste/pasteerrordialog.h"
#include "wizard/diagnosiswizard.h"

#include "diagnosis/diagnoser.h"
#include "model/signinref.h"
#include "support/testpaths.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace calens;

namespace {

QString sample(const QString& name)
{
    QFile f(test::testData(QStringLiteral("errortext/") + name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

class TestPasteError : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachShapeOpensTheWizard_data();
    void eachShapeOpensTheWizard();
    void noMatchShowsWhatToFetch();
    void emptyWindowOffersIt();
    void cleanupTestCase();

private:
    MainWindow* m_window = nullptr;
    uint32_t m_row = UINT32_MAX;
};

void TestPasteError::initTestCase()
{
    m_window = new MainWindow;
    QSignalSpy loaded(m_window, &MainWindow::loaded);
    m_window->openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    const Dataset* d = m_window->dataset();
    for (uint32_t r = 0; r < d->signInCount(); ++r) {
        const SignInRef s = d->signIn(r);
        if (s.errorCode() == 53003 && findSignIn(*d, QString(), qs(s.str(SF::CorrelationId))) == r) {
            m_row = r;
            break;
        }
    }
    QVERIFY(m_row != UINT32_MAX);
}

void TestPasteError::cleanupTestCase()
{
    delete m_window;
}

void TestPasteError::eachShapeOpensTheWizard_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sampleId"); // replaced by the demo sign-in's id
    QTest::addColumn<bool>("byRequestId");
    QTest::newRow("MSAL token error") << "msal-token-error.json"
                                      << "0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0" << false;
    QTest::newRow("SDK exception") << "sdk-exception.txt"
                                   << "1c2d3e4f-5061-4283-94a5-b6c7d8e9f0a1" << false;
    QTest::newRow("sign-in page") << "signin-page.txt"
                                  << "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" << false;
    QTest::newRow("sign-in page, request id") << "signin-page.txt"
                                              << "8a9b0c1d-2e3f-4a5b-9c6d-7e8f90a1b2c3" << true;
    QTest::newRow("Power BI refresh") << "powerbi-refresh.txt"
                                      << "2d3e4f50-6172-4394-a5b6-c7d8e9f0a1b2" << false;
    QTest::newRow("log line") << "app-log-line.txt"
                              << "5e6f7081-92a3-44b5-86c7-d8e9f0a1b2c3" << false;
}

void TestPasteError::eachShapeOpensTheWizard()
{
    QFETCH(QString, file);
    QFETCH(QString, sampleId);
    QFETCH(bool, byRequestId);
    const SignInRef s = m_window->dataset()->signIn(m_row);
    const QString text = sample(file).replace(sampleId, byRequestId ? qs(s.str(SF::Id)) : qs(s.str(SF::CorrelationId)));
    // The dialog starts from what is on the clipboard.
    QApplication::clipboard()->setText(text);
    QPointer<PasteErrorDialog> dialog = m_window->pasteError();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QPlainTextEdit*>(QStringLiteral("errorText"))->toPlainText(), text);
    QCOMPARE(dialog->match().row, m_row);
    QCOMPARE(dialog->match().by, byRequestId ? ErrorMatch::By::RequestId : ErrorMatch::By::CorrelationId);
    const QString meaning = dialog->findChild<QLabel*>(QStringLiteral("codeMeaning"))->text();
    QVERIFY2(
        meaning.startsWith(QStringLiteral("AADSTS53003: A Conditional Access policy refused")), qPrintable(meaning));
    const QString found = dialog->findChild<QLabel*>(QStringLiteral("matchResult"))->text();
    QVERIFY2(found.contains(qs(s.str(SF::Id))), qPrintable(found));
    QVERIFY(!found.contains(QStringLiteral("correlationId"))); // words, not the JSON's names
    QVERIFY(!dialog->findChild<QPlainTextEdit*>(QStringLiteral("fetchHint"))->isVisibleTo(dialog));

    QSignalSpy opened(m_window, &MainWindow::wizardOpened);
    auto* diagnose = dialog->findChild<QPushButton*>(QStringLiteral("diagnoseButton"));
    QVERIFY(diagnose->isEnabled());
    QTest::mouseClick(diagnose, Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    auto* wizard = qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
    QVERIFY(wizard);
    QCOMPARE(wizard->diagnosis().row, m_row);
    QCOMPARE(wizard->diagnosis().signInId, qs(s.str(SF::Id)));
    wizard->close();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), test::kHangGuardMs); // accepted and deleted on close
}

void TestPasteError::noMatchShowsWhatToFetch()
{
    QApplication::clipboard()->setText(sample(QStringLiteral("msal-token-error.json")));
    PasteErrorDialog* dialog = m_window->pasteError();
    QCOMPARE(dialog->match().by, ErrorMatch::By::None);
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->isEnabled());
    auto* hint = dialog->findChild<QPlainTextEdit*>(QStringLiteral("fetchHint"));
    QVERIFY(hint->isVisibleTo(dialog));
    const QString shown = hint->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("GET https://graph.microsoft.com/beta/auditLogs/signIns?$filter=")));
    QVERIFY(shown.contains(QStringLiteral("correlationId eq '0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0'")));
    QVERIFY(shown.contains(QStringLiteral("CorrelationId == \"0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0\"")));
    // Copy puts exactly the query on the clipboard and says so.
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copyKql")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), dialog->fetchHint().kql);
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("copiedNote"))->text().isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copyGraph")), Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("GET https://graph.microsoft.com/beta/")));
    // Typing another error reads it again.
    dialog->setErrorText(QStringLiteral("Something failed. Please try again."));
    QVERIFY(!dialog->findChild<QPlainTextEdit*>(QStringLiteral("fetchHint"))->isVisibleTo(dialog));
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("codeMeaning"))->text(),
        QStringLiteral("No AADSTS error code in the text."));
    dialog->close();
}

void TestPasteError::emptyWindowOffersIt()
{
    MainWindow empty;
    auto* button = empty.statusBar()->findChild<QPushButton*>(QStringLiteral("pasteErrorButton"));
    QVERIFY(button);
    auto* action = empty.findChild<QAction*>(QStringLiteral("pasteErrorAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QApplication::clipboard()->setText(sample(QStringLiteral("signin-page.txt")));
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = empty.findChild<PasteErrorDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->extracted().correlationId, QStringLiteral("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("matchResult"))
                ->text()
                .startsWith(QStringLiteral("No sign-ins are loaded")));
    QVERIFY(dialog->findChild<QPlainTextEdit*>(QStringLiteral("fetchHint"))->isVisibleTo(dialog));
}

QTEST_MAIN(TestPasteError)
#include "tst_pasteerror.moc"
