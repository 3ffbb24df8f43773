// SPDX-License-Identifier: MIT
// The Incidents view on the demo tenant: one row per root cause with its identities as children (the tree
// model under QAbstractItemModelTester), causes in words, a double-click on an identity opens the wizard on
// that identity's sign-in, "Show its sign-ins" filters to them, and the report from the tab is about the
// selected incident.
#include "export/exportreportdialog.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "views/incidentsview.h"
#include "wizard/diagnosiswizard.h"

#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"
#include "model/signinref.h"
#include "query/incidenttreemodel.h"

#include <QAbstractItemModelTester>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace calens;

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool loadDemo(MainWindow& window)
{
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy ready(window.incidentsView(), &IncidentsView::ready);
    window.openDemo();
    if (!loaded.wait(test::kHangGuardMs)) return false;
    return !ready.isEmpty() || ready.wait(test::kHangGuardMs);
}

// The demo's Power BI refresh accounts blocked by the MFA policy: one incident, several identities.
QModelIndex mfaIncident(const IncidentTreeModel& model)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const Incident* inc = model.incidentAt(model.index(r, 0));
        if (inc->cause == "mfa-non-interactive" && inc->policyName.contains(QLatin1String("Power BI"))
            && inc->identities.size() >= 2)
            return model.index(r, 0);
    }
    return {};
}

} // namespace

class TestIncidentsView : public QObject
{
    Q_OBJECT
private slots:
    void oneRowPerRootCause();
    void doubleClickAnIdentityDiagnosesItsSignIn();
    void showTheIdentitysSignIns();
    void reportOnTheSelectedIncident();
};

void TestIncidentsView::oneRowPerRootCause()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("incidentsTree"));
    QVERIFY(tree);
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto& model = *window.incidentsView()->model();
    const std::vector<Incident> all = clusterIncidents(*window.dataset());
    QCOMPARE(model.rowCount(), int(all.size())); // no filter: every root cause of the data
    QVERIFY(model.rowCount() < 30); // the demo's 89 blocks are not 57 problems any more
    uint64_t signIns = 0;
    static const QRegularExpression causeId(QStringLiteral("^[a-z]+(-[a-z]+)+$"));
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex incident = model.index(r, 0);
        const Incident& inc = all[size_t(r)];
        QCOMPARE(model.rowCount(incident), int(inc.identities.size()));
        const QString cause = incident.data().toString();
        QCOMPARE(cause, causeInWords(inc.cause));
        QVERIFY2(!causeId.match(cause).hasMatch(), qPrintable(cause)); // words, not the cause's id
        QCOMPARE(model.index(r, IncidentTreeModel::Policy).data().toString(),
            inc.policyName.isEmpty() ? QStringLiteral("(the log names no policy)") : inc.policyName);
        QCOMPARE(model.index(r, IncidentTreeModel::Identities).data().toString(), identitiesInWords(inc));
        const uint64_t count = model.index(r, IncidentTreeModel::SignIns).data().toULongLong();
        QCOMPARE(count, inc.count);
        signIns += count;
        uint64_t children = 0;
        for (int c = 0; c < model.rowCount(incident); ++c) {
            QCOMPARE(model.index(c, 0, incident).data().toString(), inc.identities[size_t(c)].name);
            children += model.index(c, IncidentTreeModel::SignIns, incident).data().toULongLong();
            QCOMPARE(model.index(c, 0, incident).data(IncidentTreeModel::SignInRowRole).toULongLong(),
                qulonglong(inc.identities[size_t(c)].firstRow));
        }
        QCOMPARE(children, count); // the identities share the incident's sign-ins
    }
    uint64_t blocked = 0;
    for (uint32_t r = 0; r < window.dataset()->signInCount(); ++r)
        blocked += window.dataset()->signIn(r).hasErrorCode()
            && isConditionalAccessBlock(window.dataset()->signIn(r).errorCode());
    QCOMPARE(signIns, blocked); // nothing lost

    // The details say who was hit and what changed, in words.
    tree->setCurrentIndex(mfaIncident(model));
    const QString details = window.findChild<QPlainTextEdit*>(QStringLiteral("incidentDetails"))->toPlainText();
    QVERIFY2(details.contains(QLatin1String("blocked 2 users")), qPrintable(details));
    QVERIFY(details.contains(QLatin1String("What changed for")));
    QVERIFY(!details.contains(QLatin1String("mfa-non-interactive")));
}

void TestIncidentsView::doubleClickAnIdentityDiagnosesItsSignIn()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->setCurrentWidget(window.incidentsView());
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("incidentsTree"));
    const auto& model = *window.incidentsView()->model();
    const QModelIndex incident = mfaIncident(model);
    QVERIFY(incident.isValid());
    tree->expand(incident);
    const QModelIndex second = model.index(1, 0, incident); // not the identity the incident began with
    const IncidentIdentity* who = model.identityAt(second);
    QVERIFY(who && who->firstRow != model.incidentAt(incident)->firstRow);
    tree->scrollTo(second);
    QSignalSpy opened(&window, &MainWindow::wizardOpened);
    const QPoint at = tree->visualRect(second).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(opened.size(), 1);
    auto* wizard = qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
    QVERIFY(wizard);
    QCOMPARE(wizard->diagnosis().signInId, q(window.dataset()->signIn(who->firstRow).str(SF::Id)));
    wizard->close();

    // Ctrl+D on the incident row: its earliest sign-in.
    tree->setCurrentIndex(incident);
    QCOMPARE(window.incidentsView()->currentSignIn(), int(model.incidentAt(incident)->firstRow));
}

void TestIncidentsView::showTheIdentitysSignIns()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("incidentsTree"));
    const auto& model = *window.incidentsView()->model();
    const QModelIndex incident = mfaIncident(model);
    const Incident inc = *model.incidentAt(incident);
    const IncidentIdentity who = inc.identities.at(1);
    tree->setCurrentIndex(model.index(1, 0, incident));
    // Counted here from the data: that identity's blocks where that policy failed.
    int want = 0;
    for (uint32_t r = 0; r < d.signInCount(); ++r) {
        const SignInRef s = d.signIn(r);
        if (!s.hasErrorCode() || !isConditionalAccessBlock(s.errorCode())) continue;
        if (q(s.str(SF::UserId)) != who.id && q(s.str(SF::ServicePrincipalId)) != who.id) continue;
        bool failed = false;
        for (const PolicyEval& e : s.evals())
            failed |= e.result == PolicyResult::Failure && q(s.policyName(e)).contains(inc.policyName);
        want += failed;
    }
    QVERIFY(want >= int(who.count));
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    window.findChild<QPushButton*>(QStringLiteral("showIncidentSignInsButton"))->click();
    QVERIFY(changed.wait(test::kHangGuardMs));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    QCOMPARE(table->model()->rowCount(), want);
    QVERIFY(table->isVisible()); // the Sign-ins tab is shown
}

void TestIncidentsView::reportOnTheSelectedIncident()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->setCurrentWidget(window.incidentsView());
    auto* tree = window.findChild<QTreeView*>(QStringLiteral("incidentsTree"));
    const auto& model = *window.incidentsView()->model();
    const QModelIndex incident = mfaIncident(model);
    const Incident inc = *model.incidentAt(incident);
    tree->setCurrentIndex(incident);
    ExportReportDialog* dialog = window.exportReport(); // Ctrl+E from the Incidents tab
    QVERIFY(dialog);
    QVERIFY2(dialog->scopeText().startsWith(QLatin1String("This incident: ") + inc.policyName),
        qPrintable(dialog->scopeText()));
    QTemporaryDir dir;
    dialog->setPath(dir.filePath(QStringLiteral("incident.pdf")));
    QSignalSpy exported(dialog, &ExportReportDialog::exported);
    dialog->exportNow();
    QVERIFY(exported.wait(test::kHangGuardMs));
    QPdfDocument doc;
    QCOMPARE(doc.load(dir.filePath(QStringLiteral("incident.pdf"))), QPdfDocument::Error::None);
    QString text;
    for (int p = 0; p < doc.pageCount(); ++p) text += doc.getAllText(p).text() + QLatin1Char(' ');
    text = text.simplified();
    QVERIFY2(text.contains(QStringLiteral("%1 sign-ins of %2 identities").arg(inc.count).arg(inc.identities.size())),
        qPrintable(text.left(600)));
    QVERIFY(text.contains(QLatin1String("Identities affected")));
    for (const IncidentIdentity& who : inc.identities) QVERIFY2(text.contains(who.name), qPrintable(who.name));
}

QTEST_MAIN(TestIncidentsView)
#include "tst_incidentsview.moc"
