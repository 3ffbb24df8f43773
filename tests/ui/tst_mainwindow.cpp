// SPDX-License-Identifier: MIT
// The window as a user drives it (offscreen): load, filter by typing and by clicking a chart, select a
// sign-in, walk the wizard to a cause and read the fix; every model checked by QAbstractItemModelTester.
#include "charts/barchart.h"
#include "export/exportreportdialog.h"
#include "overview/overviewpanel.h"
#include "query/directorytablemodels.h"
#include "query/evaltablemodel.h"
#include "query/replaydisagreementmodel.h"
#include "query/replaytallymodel.h"
#include "query/signintablemodel.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "views/incidentsview.h"
#include "views/replayview.h"
#include "views/signinsview.h"
#include "wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace calens;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensFixtureFolder();
    void filterByTypingAndByChart();
    void wizardToCauseAndFix();
    void wizardAnswerChangesThePath();
    void incidentsAndModels();
    void exportReportFromTheWindow();
    void logReplayTab();

private:
    static void waitForSnapshot(MainWindow& w)
    {
        QSignalSpy spy(w.session(), &DataSession::snapshotChanged);
        QVERIFY(spy.wait(test::kHangGuardMs));
    }
};

void TestMainWindow::opensFixtureFolder()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy summarized(window.overviewPanel(), &OverviewPanel::ready);
    window.openPaths({ test::fixture(QString()) });
    QVERIFY(loaded.wait(test::kHangGuardMs));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 5);
    auto* details = window.findChild<QTreeWidget*>(QStringLiteral("signInDetails"));
    QVERIFY(details && details->topLevelItemCount() > 0); // the first row is selected and shown
    QCOMPARE(details->topLevelItem(0)->text(0), QStringLiteral("Time (UTC)"));
    if (summarized.isEmpty()) QVERIFY(summarized.wait(test::kHangGuardMs));
    const QString summary = window.overviewPanel()->plainText();
    QVERIFY2(summary.contains(QLatin1String("5 Sign-ins")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("What-If request"))); // passed-over inputs are explained
}

void TestMainWindow::filterByTypingAndByChart()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    QCOMPARE(window.dataset()->signInCount(), size_t(2000));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->model()->rowCount(), 2000);

    // Typing: debounced, then applied off the UI thread.
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTest::keyClicks(edit, QStringLiteral("error:53003"));
    waitForSnapshot(window);
    const int blocked = table->model()->rowCount();
    QVERIFY(blocked > 0 && blocked < 2000);
    for (int r = 0; r < blocked; ++r)
        QCOMPARE(table->model()->index(r, SignInTableModel::ErrorCode).data().toInt(), 53003);

    // Clicking the biggest "blocked by policy" bar narrows to that policy.
    BarChart* byPolicy = window.signInsView()->charts().front();
    QVERIFY(byPolicy->barCount() > 0);
    byPolicy->clickBar(0);
    waitForSnapshot(window);
    QVERIFY(edit->text().contains(QLatin1String("policy:")));
    const int narrowed = table->model()->rowCount();
    QVERIFY(narrowed > 0 && narrowed <= blocked);
    QCOMPARE(uint64_t(narrowed), window.session()->snapshot().byPolicy.front().count); // the charts follow the table

    // A term that cannot be read is reported, not applied.
    edit->setText(QStringLiteral("error:abc"));
    window.applyFilterNow();
    waitForSnapshot(window);
    QVERIFY(!window.session()->snapshot().filterErrors.isEmpty());
    QCOMPARE(table->model()->rowCount(), 2000);

    // The quick filter combines with the text.
    edit->clear();
    window.findChild<QComboBox*>(QStringLiteral("quickFilter"))->setCurrentIndex(1);
    waitForSnapshot(window);
    QVERIFY(table->model()->rowCount() >= blocked); // error:ca includes 53003 and the related codes

    // The time range counts back from the newest sign-in of the data, not from today.
    window.findChild<QComboBox*>(QStringLiteral("quickFilter"))->setCurrentIndex(0);
    waitForSnapshot(window);
    const Dataset* d = window.dataset();
    const int64_t newest = d->latestCreated();
    int lastDay = 0;
    for (uint32_t r = 0; r < d->signInCount(); ++r) lastDay += d->signIn(r).createdMs() >= newest - 86400000;
    QVERIFY(lastDay > 0 && lastDay < 2000);
    auto* range = window.findChild<QComboBox*>(QStringLiteral("timeRange"));
    range->setCurrentIndex(range->findData(1));
    waitForSnapshot(window);
    QCOMPARE(table->model()->rowCount(), lastDay);
    range->setCurrentIndex(range->findData(0));
    waitForSnapshot(window);
    QCOMPARE(table->model()->rowCount(), 2000);
}

static DiagnosisWizard* openWizardOn(MainWindow& window, const std::function<bool(const SignInRef&)>& pick)
{
    const Dataset* d = window.dataset();
    for (uint32_t r = 0; r < d->signInCount(); ++r)
        if (pick(d->signIn(r))) {
            QSignalSpy opened(&window, &MainWindow::wizardOpened);
            window.diagnose(int(r));
            return qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
        }
    return nullptr;
}

void TestMainWindow::wizardToCauseAndFix()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    DiagnosisWizard* wizard = openWizardOn(window, [](const SignInRef& s) {
        if (s.errorCode() != 53003 || s.type() != SignInType::NonInteractiveUser) return false;
        for (const PolicyEval& e : s.evals())
            if (e.result == PolicyResult::Failure && e.grant == Grant::Mfa) return true;
        return false;
    });
    QVERIFY(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("step-ca-error"));
    for (int i = 0; i < wizard->stepPageCount(); ++i) wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("causePage"));
    QVERIFY(wizard->currentPage()->title().contains(QLatin1String("MFA is required")));
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("fixesPage"));
    const auto scripts = wizard->currentPage()->findChildren<QPlainTextEdit*>(QStringLiteral("fixScript"));
    QVERIFY(!scripts.isEmpty());
    bool exclusion = false;
    for (auto* s : scripts)
        exclusion |= s->toPlainText().contains(QLatin1String("Invoke-MgGraphRequest -Method PATCH"));
    QVERIFY(exclusion);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("verifyPage"));
    wizard->close();
}

void TestMainWindow::wizardAnswerChangesThePath()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    DiagnosisWizard* wizard = openWizardOn(window, [](const SignInRef& s) {
        if (s.errorCode() != 53003) return false;
        for (const PolicyEval& e : s.evals())
            if (e.result == PolicyResult::Failure && e.grant == Grant::CompliantDevice) return true;
        return false;
    });
    QVERIFY(wizard);
    QCOMPARE(wizard->diagnosis().cause, std::string("device-not-compliant"));
    while (wizard->currentPage()->objectName() != QLatin1String("step-device-state")) {
        QVERIFY(wizard->currentPage()->objectName().startsWith(QLatin1String("step-")));
        wizard->next();
    }
    auto* yes = wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("answer-yes"));
    QVERIFY(yes && !yes->isChecked());
    yes->click(); // the admin knows better: the rest of the path is rebuilt
    QVERIFY(wizard->diagnosis().cause != "device-not-compliant");
    wizard->next();
    QVERIFY(wizard->currentPage()->objectName() != QLatin1String("step-device-state"));
    wizard->close();
}

void TestMainWindow::incidentsAndModels()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy incidentsReady(window.incidentsView(), &IncidentsView::ready);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    if (incidentsReady.isEmpty()) QVERIFY(incidentsReady.wait(test::kHangGuardMs));
    auto* incidents = window.findChild<QTreeView*>(QStringLiteral("incidentsTree"));
    QVERIFY(incidents);
    QAbstractItemModelTester t1(incidents->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(incidents->model()->rowCount() > 5);
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    window.show();
    for (const char* name : { "policyResultsTable", "policiesTable", "namedLocationsTable" }) {
        auto* table = window.findChild<QTableView*>(QLatin1String(name));
        QVERIFY2(table, name);
        QCOMPARE(table->model()->rowCount(), 0); // hidden views wait until they are shown
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(table)) tabs->setCurrentIndex(i);
        // Shown: counted on a worker, then swapped in.
        QTRY_VERIFY2_WITH_TIMEOUT(table->model()->rowCount() > 0, name, 30000);
    }
    auto* policies = window.findChild<QTableView*>(QStringLiteral("policiesTable"));
    QCOMPARE(policies->model()->rowCount(), 25);
}

void TestMainWindow::exportReportFromTheWindow()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy ready(window.incidentsView(), &IncidentsView::ready);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    if (ready.isEmpty()) QVERIFY(ready.wait(test::kHangGuardMs));
    ExportReportDialog* dialog = window.exportReport();
    QVERIFY(dialog);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("incident.pdf"));
    dialog->setPath(pdf);
    QSignalSpy exported(dialog, &ExportReportDialog::exported);
    dialog->exportNow(); // built and rendered on a worker
    QVERIFY(exported.wait(test::kHangGuardMs));
    QPdfDocument doc;
    QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
    QVERIFY(doc.pageCount() > 3);
    QVERIFY(window.findChild<QDialog*>(QStringLiteral("reportPreview")));
}

void TestMainWindow::logReplayTab()
{
    // The demo tenant replayed in the window: agreement by policy and by condition, disagreements with the
    // condition that decided them, in an admin's words (no internal names on screen), and no contradiction.
    MainWindow window;
    window.show();
    QSignalSpy ready(window.replayView(), &ReplayView::ready);
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    if (ready.isEmpty()) QVERIFY(ready.wait(test::kHangGuardMs));
    ReplayView* view = window.replayView();
    QAbstractItemModelTester t1(view->policyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(view->conditionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(view->disagreementModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view->policyModel()->rowCount(), 25);
    QVERIFY(view->conditionModel()->rowCount() >= 5);
    QVERIFY(view->disagreementModel()->rowCount() > 0);
    QVERIFY2(view->summaryText().contains(QLatin1String(" 0 contradictions")), qPrintable(view->summaryText()));
    int contradictions = 0;
    for (int r = 0; r < view->policyModel()->rowCount(); ++r)
        contradictions += view->policyModel()->index(r, ReplayTallyModel::Contradictions).data().toInt();
    QCOMPARE(contradictions, 0);
    QStringList shown;
    for (const QAbstractItemModel* m : { static_cast<const QAbstractItemModel*>(view->conditionModel()),
             static_cast<const QAbstractItemModel*>(view->disagreementModel()) })
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c) shown << m->index(r, c).data().toString();
    for (const char* internal : { "notEnoughInformation", "doesNotApply", "notApplied", "workloadIdentities",
             "servicePrincipalRisk", "devicePlatform" })
        QVERIFY2(!shown.contains(QLatin1String(internal)), internal);
    QVERIFY(shown.contains(QLatin1String("Users")));
    QVERIFY(shown.contains(QLatin1String("Not enough information")));
    // Sorting is the model's own (no proxy): the policy with the lowest agreement first.
    view->findChild<QTableView*>(QStringLiteral("replayByPolicy"))
        ->sortByColumn(ReplayTallyModel::Agreement, Qt::AscendingOrder);
    QVERIFY(view->policyModel()->index(0, ReplayTallyModel::Agreement).data(Qt::UserRole).toDouble()
        <= view->policyModel()->index(24, ReplayTallyModel::Agreement).data(Qt::UserRole).toDouble());
    auto* details = view->findChild<QPlainTextEdit*>(QStringLiteral("replayDetails"));
    QVERIFY(details && details->toPlainText().contains(QLatin1String("the log says")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
