// SPDX-License-Identifier: MIT
// A pasted error that matches nothing loaded: "Fetch from the tenant…" signs in (emulator), fetches only the
// sign-ins of the error's correlation ID and opens the wizard on the one it names; sign-ins already loaded stay
// in their window. And when CA Lens's own sign-in is refused by Conditional Access, the Connect dialog offers to
// read that refusal like a pasted error, without offering a fetch that cannot sign in.
#include "connect/connectdialog.h"
#include "emulatorprocess.h"
#include "paste/pasteerrordialog.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "wizard/diagnosiswizard.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace calens;

namespace {

const QString kTenant = QStringLiteral("contoso.onmicrosoft.com");
const QString kClientId = QStringLiteral("11111111-2222-3333-4444-555555555555");

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void prepare(ConnectDialog& dialog, const test::EmulatorProcess& emu)
{
    dialog.setEndpoints(emu.url(), emu.url());
    dialog.setTenant(kTenant, kClientId);
    dialog.setClientSecret(QString::fromLatin1(test::kEmulatorSecret));
}

// An MSAL token error as a daemon's log shows it, for the sign-in `s`.
QString msalError(const SignInRef& s)
{
    const QString when = QString::fromStdString(formatIso(s.createdMs())).replace(QLatin1Char('T'), QLatin1Char(' '));
    return QStringLiteral(R"({"error":"invalid_grant","error_description":"AADSTS53003: Access has been blocked by )"
                          R"(Conditional Access policies. The access policy does not allow token issuance. Trace ID: )"
                          R"(%1 Correlation ID: %2 Timestamp: %3","error_codes":[53003],"timestamp":"%3",)"
                          R"("trace_id":"%1","correlation_id":"%2"})")
        .arg(QStringLiteral("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"), qs(s.str(SF::CorrelationId)), when);
}

} // namespace

class TestPasteFetch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("calens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_pastefetchdialog"));
        QSettings().clear();
        QString error;
        QVERIFY2(m_emu.start(&error), qPrintable(error));
        // What the tenant holds: one full fetch, to pick a blocked sign-in the way an admin's user would hit it.
        ConnectDialog dialog;
        prepare(dialog, m_emu);
        dialog.setWindow(parseTimestamp("2026-09-30T00:00:00Z"), parseTimestamp("2026-10-20T00:00:00Z"));
        QSignalSpy fetched(&dialog, &ConnectDialog::fetched);
        dialog.connectNow();
        QVERIFY(fetched.wait(test::kHangGuardMs));
        m_tenant = fetched.at(0).at(0).value<std::shared_ptr<const Dataset>>();
        for (uint32_t r = 0; r < m_tenant->signInCount() && m_row == UINT32_MAX; ++r) {
            const SignInRef s = m_tenant->signIn(r);
            if (s.errorCode() == 53003 && !s.str(SF::CorrelationId).empty()) m_row = r;
        }
        QVERIFY(m_row != UINT32_MAX);
    }

    void fetchesJustThatSignInAndDiagnoses()
    {
        const SignInRef blocked = m_tenant->signIn(m_row);
        MainWindow window; // nothing loaded
        QPointer<PasteErrorDialog> paste = window.pasteError(msalError(blocked));
        QCOMPARE(paste->match().by, ErrorMatch::By::None);
        auto* fetch = paste->findChild<QPushButton*>(QStringLiteral("fetchButton"));
        QVERIFY(fetch->isVisibleTo(paste));
        QTest::mouseClick(fetch, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(paste.isNull(), test::kHangGuardMs);

        auto* connect = window.findChild<ConnectDialog*>();
        QVERIFY(connect);
        const QString limit = connect->findChild<QLabel*>(QStringLiteral("fetchLimit"))->text();
        QVERIFY2(limit.contains(qs(blocked.str(SF::CorrelationId))), qPrintable(limit));
        prepare(*connect, m_emu);
        QSignalSpy opened(&window, &MainWindow::wizardOpened);
        connect->connectNow();
        QVERIFY2(opened.wait(test::kHangGuardMs),
            qPrintable(window.findChild<QLabel*>(QStringLiteral("connectStatus"))->text()));
        auto* wizard = qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
        QVERIFY(wizard);
        QCOMPARE(wizard->diagnosis().signInId, qs(blocked.str(SF::Id)));
        // Only the flow of that correlation ID came, with the policies to diagnose it against.
        const Dataset* shown = window.dataset();
        QVERIFY(shown->signInCount() >= 1);
        QVERIFY(shown->signInCount() < m_tenant->signInCount());
        for (uint32_t r = 0; r < shown->signInCount(); ++r)
            QCOMPARE(shown->signIn(r).str(SF::CorrelationId), blocked.str(SF::CorrelationId));
        QVERIFY(!shown->policies().empty());
        wizard->close();
    }

    void loadedSignInsStayInTheirWindow()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loaded);
        window.openDemo();
        QVERIFY(loaded.wait(test::kHangGuardMs));
        const size_t before = window.dataset()->signInCount();
        const QWidgetList topLevels = QApplication::topLevelWidgets();
        const QSet<QWidget*> windowsBefore(topLevels.cbegin(), topLevels.cend());

        PasteErrorDialog* paste = window.pasteError(msalError(m_tenant->signIn(m_row)));
        QCOMPARE(paste->match().by, ErrorMatch::By::None); // the demo tenant is another tenant
        QTest::mouseClick(paste->findChild<QPushButton*>(QStringLiteral("fetchButton")), Qt::LeftButton);

        MainWindow* other = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* m = qobject_cast<MainWindow*>(w); m && m != &window && !windowsBefore.contains(w)) other = m;
        QVERIFY2(other, "the fetch opens in a new window");
        auto* connect = other->findChild<ConnectDialog*>();
        QVERIFY(connect);
        QVERIFY(
            connect->findChild<QLabel*>(QStringLiteral("fetchLimit"))->text().contains(QLatin1String("new window")));
        prepare(*connect, m_emu);
        QSignalSpy opened(other, &MainWindow::wizardOpened);
        connect->connectNow();
        QVERIFY(opened.wait(test::kHangGuardMs));
        QCOMPARE(window.dataset()->signInCount(), before); // the loaded data is untouched
        QVERIFY(other->dataset()->signInCount() < before);
        delete other;
    }

    void ownRefusedSignInIsReadLikeAPastedError()
    {
        test::EmulatorProcess refusing({ QStringLiteral("--token-error"), QStringLiteral("53003") });
        QString error;
        QVERIFY2(refusing.start(&error), qPrintable(error));
        MainWindow window;
        ConnectDialog* connect = window.openConnectDialog();
        prepare(*connect, refusing);
        auto* diagnose = connect->findChild<QPushButton*>(QStringLiteral("diagnoseRefusal"));
        QVERIFY(!diagnose->isVisibleTo(connect));
        connect->connectNow();
        auto* status = connect->findChild<QLabel*>(QStringLiteral("connectStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("AADSTS53003")), test::kHangGuardMs);
        QVERIFY(diagnose->isVisibleTo(connect));
        QTest::mouseClick(diagnose, Qt::LeftButton);

        auto* paste = window.findChild<PasteErrorDialog*>();
        QVERIFY(paste);
        QVERIFY(paste->extracted().codes.contains(53003));
        QVERIFY(!paste->extracted().correlationId.isEmpty());
        QVERIFY(paste->extracted().timestampMs != kNoTime);
        QVERIFY(
            paste->findChild<QLabel*>(QStringLiteral("codeMeaning"))->text().startsWith(QLatin1String("AADSTS53003")));
        // The same sign-in cannot fetch its own log: no fetch button, a note on where the entry is, the queries.
        QVERIFY(!paste->findChild<QPushButton*>(QStringLiteral("fetchButton"))->isVisibleTo(paste));
        QVERIFY(paste->findChild<QLabel*>(QStringLiteral("ownSignInNote"))->isVisibleTo(paste));
        QVERIFY(paste->fetchHint().graphFilter.contains(paste->extracted().correlationId));
        QVERIFY(paste->findChild<QPlainTextEdit*>(QStringLiteral("fetchHint"))->isVisibleTo(paste));
    }

private:
    test::EmulatorProcess m_emu { { QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--sign-ins"),
        QStringLiteral("600") } };
    std::shared_ptr<const Dataset> m_tenant;
    uint32_t m_row = UINT32_MAX;
};

QTEST_MAIN(TestPasteFetch)
#include "tst_pastefetchdialog.moc"
