// SPDX-License-Identifier: MIT
// What the window says must be true: the report it exports describes the incident asked about, the wizard
// follows changed answers to a cause, filters filter, counts agree with the command line. Each case drives
// the real widgets offscreen on the demo tenant.
#include "export/exportreportdialog.h"
#include "messagebar.h"
#include "overview/overviewpanel.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "views/incidentsview.h"
#include "views/signinsview.h"
#include "wizard/diagnosiswizard.h"

#include "diagnosis/incidents.h"
#include "model/signinref.h"

#include <QAbstractButton>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfDocument>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace calens;

namespace {

bool loadDemo(MainWindow& window)
{
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy ready(window.incidentsView(), &IncidentsView::ready);
    window.openDemo();
    if (!loaded.wait(test::kHangGuardMs)) return false;
    return !ready.isEmpty() || ready.wait(test::kHangGuardMs);
}

uint32_t rowOf(const Dataset& d, std::string_view id)
{
    const uint32_t row = d.findById(id);
    if (row == UINT32_MAX) qFatal("no sign-in %.*s in the demo tenant", int(id.size()), id.data());
    return row;
}

DiagnosisWizard* openWizard(MainWindow& window, uint32_t row)
{
    QSignalSpy opened(&window, &MainWindow::wizardOpened);
    window.diagnose(int(row));
    return opened.isEmpty() ? nullptr : qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
}

// Demo sign-ins (seed 1): a Databricks job blocked by a location policy, a Power BI refresh blocked by MFA.
constexpr std::string_view kDatabricks = "673e548c-9aa6-4418-b1b1-5cbba47d2525";
constexpr std::string_view kPowerBi = "d30df779-c277-4bfe-87d3-057667831017";

QString pdfText(const QString& path)
{
    QPdfDocument doc;
    if (doc.load(path) != QPdfDocument::Error::None) return {};
    QString text;
    for (int p = 0; p < doc.pageCount(); ++p) text += doc.getAllText(p).text() + QLatin1Char('\n');
    return text.simplified(); // lines wrap where the layout chose
}

// Exports through the dialog the window opens, as "Add to incident report" or Ctrl+E do.
QString exportThrough(ExportReportDialog* dialog, const QString& path)
{
    if (!dialog) return {};
    dialog->setPath(path);
    QSignalSpy exported(dialog, &ExportReportDialog::exported);
    dialog->exportNow();
    if (!exported.wait(test::kHangGuardMs)) return {};
    return pdfText(path);
}

QString q(const SignInRef& s, SF f)
{
    const std::string_view v = s.str(f);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

} // namespace

class TestWindowTruth : public QObject
{
    Q_OBJECT
private slots:
    void changingTheLastAnswerKeepsCauseAndFixReachable();
    void reportFromTheWizardDescribesThatIncident();
    void policyFilterAndDoubleClick();
    void unknownFieldIsNamed();
    void countryLocationsCountTheirSignIns();
    void countsAgreeEverywhere();
    void chartAxesTellTheTruth();
    void diagnoseWithNothingSelectedSaysWhatToDo();
    void unreadableFileIsSaidWhereTheAdminLooks();
    void intendedBlockIsAnOutcome();
    void redactionKeepsScriptsIntact();
    void exportScopeIsTheAdminsChoice();
};

void TestWindowTruth::changingTheLastAnswerKeepsCauseAndFixReachable()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    DiagnosisWizard* wizard = openWizard(window, rowOf(*window.dataset(), kDatabricks));
    QVERIFY(wizard);
    wizard->show();
    QCOMPARE(wizard->diagnosis().cause, std::string("untrusted-location"));
    const double confidence = wizard->diagnosis().confidence;
    const int steps = wizard->stepPageCount();
    for (int i = 1; i < steps; ++i) wizard->next();
    QWizardPage* last = wizard->currentPage();
    QVERIFY(last->objectName().startsWith(QLatin1String("step-")));
    auto* yes = last->findChild<QRadioButton*>(QStringLiteral("answer-yes"));
    auto* no = last->findChild<QRadioButton*>(QStringLiteral("answer-no"));
    QVERIFY(yes && no && no->isChecked());

    // The admin says the IP is trusted after all: the path is re-run and the cause and fix pages stay reachable.
    yes->click();
    QVERIFY(wizard->nextId() != -1);
    QVERIFY(!wizard->button(QWizard::FinishButton)->isVisible());
    QVERIFY(wizard->currentPage()->subTitle().startsWith(QLatin1String("You answered this question")));
    QVERIFY(wizard->diagnosis().steps.back().byAdmin);
    QVERIFY(wizard->diagnosis().cause != "untrusted-location");

    // And back: the answer the data gave restores the data's path, its cause and its confidence.
    QRadioButton* noAgain = wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("answer-no"));
    noAgain->click();
    QCOMPARE(wizard->diagnosis().cause, std::string("untrusted-location"));
    QCOMPARE(wizard->diagnosis().confidence, confidence);
    QVERIFY(!wizard->diagnosis().steps.back().byAdmin); // the data's answer again, not the admin's
    QCOMPARE(wizard->currentPage()->subTitle(), QStringLiteral("Answered from the sign-in data."));
    QVERIFY(wizard->nextId() != -1);
    QVERIFY(wizard->button(QWizard::NextButton)->isVisible());
    wizard->back();
    wizard->next();
    QCOMPARE(wizard->diagnosis().cause, std::string("untrusted-location"));
    while (wizard->currentPage()->objectName().startsWith(QLatin1String("step-"))) wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("causePage"));
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), QStringLiteral("fixesPage"));
    wizard->close();
}

void TestWindowTruth::reportFromTheWizardDescribesThatIncident()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    QTemporaryDir dir;
    struct Case
    {
        std::string_view id;
        QString who, app, ip;
    };
    // Two different incidents, one after the other in one window: each report is about its own sign-in.
    for (const Case& c : { Case { kDatabricks, QStringLiteral("svc-databricks-etl@contoso.com"),
                               QStringLiteral("Azure Portal"), QStringLiteral("52.174.88.137") },
             Case { kPowerBi, QStringLiteral("svc-pbirefresh@contoso.com"), QStringLiteral("Power BI Desktop"),
                 QString() } }) {
        const SignInRef s = d.signIn(rowOf(d, c.id));
        DiagnosisWizard* wizard = openWizard(window, rowOf(d, c.id));
        QVERIFY(wizard);
        while (wizard->currentPage()->objectName() != QLatin1String("causePage")) wizard->next();
        const QString cause = wizard->currentPage()->title().section(QStringLiteral(": "), 1);
        QSignalSpy opened(&window, &MainWindow::wizardOpened);
        auto* add = wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("addToReportButton"));
        QVERIFY(add);
        add->click();
        auto* dialog = window.findChild<ExportReportDialog*>(QStringLiteral("exportReportDialog"));
        QVERIFY(dialog);
        QVERIFY2(dialog->scopeText().contains(c.who), qPrintable(dialog->scopeText()));
        const QString text
            = exportThrough(dialog, dir.filePath(QString::fromLatin1(c.id.data(), 8) + QStringLiteral(".pdf")));
        QVERIFY(!text.isEmpty());
        QVERIFY2(text.contains(c.who + QStringLiteral(" blocked from ") + c.app), qPrintable(text.left(400)));
        QString compact = text; // an ID may wrap after one of its hyphens
        compact.remove(QLatin1Char(' '));
        QVERIFY2(compact.contains(q(s, SF::CorrelationId)), "the diagnosed sign-in's correlation ID");
        QVERIFY2(text.contains(cause), qPrintable(cause));
        if (!c.ip.isEmpty()) QVERIFY(text.contains(c.ip));
        for (std::string_view other : { kDatabricks, kPowerBi })
            if (other != c.id)
                QVERIFY2(!compact.contains(q(d.signIn(rowOf(d, other)), SF::CorrelationId)),
                    "nothing of the other incident");
        dialog->close();
        delete dialog;
        wizard->close();
    }
    // Ctrl+E afterwards reports on every incident shown, not on the last sign-in diagnosed.
    ExportReportDialog* all = window.exportReport();
    QVERIFY(all->scopeText().contains(QLatin1String("incident")));
    const QString text = exportThrough(all, dir.filePath(QStringLiteral("all.pdf")));
    QVERIFY2(text.contains(QLatin1String("Conditional Access blocks,")), qPrintable(text.left(300)));
    QVERIFY(!text.contains(QLatin1String("The sign-in with correlation ID")));
}

static int appliedCount(const Dataset& d, const QString& policyName)
{
    int n = 0;
    for (uint32_t r = 0; r < d.signInCount(); ++r) {
        const SignInRef s = d.signIn(r);
        for (const PolicyEval& e : s.evals()) {
            const std::string_view name = d.text(d.policyRefs()[e.policy].displayName);
            if (QString::fromUtf8(name.data(), qsizetype(name.size())).contains(policyName, Qt::CaseInsensitive)
                && (e.result == PolicyResult::Success || e.result == PolicyResult::Failure
                    || e.result == PolicyResult::ReportOnlySuccess || e.result == PolicyResult::ReportOnlyFailure
                    || e.result == PolicyResult::ReportOnlyInterrupted)) {
                ++n;
                break;
            }
        }
    }
    return n;
}

void TestWindowTruth::policyFilterAndDoubleClick()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    // The README's own example narrows to the sign-ins the policy applied to.
    window.setFilterText(QStringLiteral("policy:\"Require compliant device\""));
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    window.applyFilterNow();
    QVERIFY(changed.wait(test::kHangGuardMs));
    const int applied = appliedCount(d, QStringLiteral("Require compliant device"));
    QVERIFY(applied > 0 && applied < 2000);
    QCOMPARE(table->model()->rowCount(), applied);

    // Double-clicking a policy in the Policies tab filters the sign-ins by it.
    window.setFilterText(QString());
    window.applyFilterNow();
    QVERIFY(changed.wait(test::kHangGuardMs));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    auto* policies = window.findChild<QTableView*>(QStringLiteral("policiesTable"));
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i)->isAncestorOf(policies)) tabs->setCurrentIndex(i);
    QTRY_VERIFY_WITH_TIMEOUT(policies->model()->rowCount() > 0, test::kHangGuardMs);
    int row = -1;
    for (int r = 0; r < policies->model()->rowCount(); ++r)
        if (policies->model()->index(r, 0).data().toString().startsWith(QLatin1String("CA002"))) row = r;
    QVERIFY(row >= 0);
    const QString name = policies->model()->index(row, 0).data().toString();
    const QRect cell = policies->visualRect(policies->model()->index(row, 0));
    QTest::mouseClick(policies->viewport(), Qt::LeftButton, {}, cell.center()); // a real double click starts with one
    QTest::mouseDClick(policies->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(changed.wait(test::kHangGuardMs));
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QCOMPARE(edit->text(), QStringLiteral("policy:\"%1\"").arg(name));
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.signInsView()));
    QCOMPARE(table->model()->rowCount(), appliedCount(d, name));
    QVERIFY(table->model()->rowCount() < 2000);
}

void TestWindowTruth::unknownFieldIsNamed()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    window.setFilterText(QStringLiteral("erorr:53003"));
    window.applyFilterNow();
    QVERIFY(changed.wait(test::kHangGuardMs));
    QCOMPARE(table->model()->rowCount(), 2000); // not applied
    auto* counts = window.findChild<QLabel*>(QStringLiteral("filterCounts"));
    QVERIFY(counts);
    QVERIFY2(counts->text().contains(QLatin1String("erorr")) && counts->text().contains(QLatin1String("error:")),
        qPrintable(counts->text()));
}

void TestWindowTruth::countryLocationsCountTheirSignIns()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    auto* locations = window.findChild<QTableView*>(QStringLiteral("namedLocationsTable"));
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i)->isAncestorOf(locations)) tabs->setCurrentIndex(i);
    QTRY_VERIFY_WITH_TIMEOUT(locations->model()->rowCount() > 0, test::kHangGuardMs);
    int checked = 0;
    for (const NamedLocation& n : d.namedLocations()) {
        if (n.kind != NamedLocation::Kind::Country) continue;
        int want = 0;
        for (uint32_t r = 0; r < d.signInCount(); ++r) {
            const std::string country(d.signIn(r).str(SF::Country));
            want += std::find(n.countries.begin(), n.countries.end(), country) != n.countries.end();
        }
        QVERIFY2(want > 0, n.displayName.c_str()); // the demo has sign-ins from the blocked countries
        for (int row = 0; row < locations->model()->rowCount(); ++row)
            if (locations->model()->index(row, 0).data().toString() == QString::fromStdString(n.displayName)) {
                QCOMPARE(locations->model()->index(row, 4).data().toInt(), want);
                ++checked;
            }
    }
    QVERIFY(checked > 0);
}

void TestWindowTruth::countsAgreeEverywhere()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    int blocked = 0, blocked53003 = 0;
    for (uint32_t r = 0; r < d.signInCount(); ++r) {
        const SignInRef s = d.signIn(r);
        blocked += s.hasErrorCode() && isConditionalAccessBlock(s.errorCode());
        blocked53003 += s.hasErrorCode() && s.errorCode() == 53003;
    }
    QVERIFY(blocked > blocked53003); // the demo has other Conditional Access codes too
    // The overview, the quick filter, the report and the command line give the same figure.
    auto* figure = window.findChild<QLabel*>(QStringLiteral("figureBlocked"));
    QTRY_COMPARE_WITH_TIMEOUT(figure->text(), QLocale().toString(blocked), test::kHangGuardMs);
    const QString overview = window.overviewPanel()->plainText();
    QVERIFY2(overview.contains(QStringLiteral("%1 Blocked by Conditional Access").arg(QLocale().toString(blocked))),
        qPrintable(overview));
    QVERIFY(overview.contains(QStringLiteral("%1 with error 53003").arg(QLocale().toString(blocked53003))));
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    window.findChild<QComboBox*>(QStringLiteral("quickFilter"))->setCurrentIndex(1);
    QVERIFY(changed.wait(test::kHangGuardMs));
    QCOMPARE(window.findChild<QTableView*>(QStringLiteral("signInTableView"))->model()->rowCount(), blocked);
    window.findChild<QComboBox*>(QStringLiteral("quickFilter"))->setCurrentIndex(0);
    QVERIFY(changed.wait(test::kHangGuardMs));
    QTemporaryDir dir;
    const QString text = exportThrough(window.exportReport(), dir.filePath(QStringLiteral("all.pdf")));
    QVERIFY2(text.contains(QStringLiteral("Blocked sign-ins %1 sign-ins of").arg(blocked)), qPrintable(text.left(500)));
    QVERIFY(!text.contains(QLatin1String("Not verified: Not verified")));
    QVERIFY(!text.contains(QLatin1String("Verified: Fixed")));

    const QString demo = dir.filePath(QStringLiteral("demo.json"));
    QCOMPARE(test::runCalens({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"),
                                 QStringLiteral("--sign-ins"), QStringLiteral("2000"), QStringLiteral("-o"), demo })
                 .code,
        0);
    const test::CliRun analyze = test::runCalens({ QStringLiteral("analyze"), demo, QStringLiteral("--json") });
    const QJsonObject json = QJsonDocument::fromJson(analyze.out).object();
    QCOMPARE(json.value(QStringLiteral("blockedByConditionalAccess")).toInt(), blocked);
    QCOMPARE(json.value(QStringLiteral("blocked53003")).toInt(), blocked53003);
}

void TestWindowTruth::chartAxesTellTheTruth()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    auto* view = window.findChild<QWidget*>(QStringLiteral("timeChart"))->findChild<QChartView*>();
    QVERIFY(view);
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    for (const QString& filter : { QStringLiteral("error:53003 type:managedIdentity"),
             QString(QStringLiteral("corr:") + QString::fromLatin1(kDatabricks.data(), 8)), QString() }) {
        window.setFilterText(filter);
        window.applyFilterNow();
        QVERIFY(changed.wait(test::kHangGuardMs));
        const auto vertical = view->chart()->axes(Qt::Vertical);
        if (vertical.isEmpty()) continue;
        auto* y = qobject_cast<QValueAxis*>(vertical.front());
        QVERIFY(y);
        const double step = (y->max() - y->min()) / (y->tickCount() - 1);
        QCOMPARE(step, std::round(step)); // every gridline on a whole count
        QVERIFY(step >= 1);
    }
    // Nothing shown: the chart says so instead of five "01-01 00:00" labels.
    window.setFilterText(QStringLiteral("corr:no-such-sign-in"));
    window.applyFilterNow();
    QVERIFY(changed.wait(test::kHangGuardMs));
    QVERIFY(view->chart()->axes().isEmpty());
    QVERIFY2(view->chart()->title().contains(QLatin1String("none")), qPrintable(view->chart()->title()));
}

void TestWindowTruth::diagnoseWithNothingSelectedSaysWhatToDo()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &MainWindow::wizardOpened);
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier); // nothing loaded
    QVERIFY(opened.isEmpty());
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("open sign-in exports")),
        qPrintable(window.messageBar()->text()));
    QVERIFY(loadDemo(window));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    table->setCurrentIndex(QModelIndex());
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(opened.isEmpty());
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("Select a sign-in")),
        qPrintable(window.messageBar()->text()));
    // With one selected, Ctrl+D opens the wizard on it.
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(opened.size(), 1);
    qobject_cast<QWidget*>(opened.front().front().value<QWidget*>())->close();
}

void TestWindowTruth::unreadableFileIsSaidWhereTheAdminLooks()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("screenshot.png"));
    {
        QFile f(png);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(200, '\x01'));
    }
    MainWindow window;
    window.show();
    // Nothing loaded before: the window stays empty and the bar names the file and the reason.
    window.openPaths({ png });
    QTRY_VERIFY_WITH_TIMEOUT(!window.messageBar()->text().isEmpty(), test::kHangGuardMs);
    QCOMPARE(int(window.messageBar()->kind()), int(MessageBar::Kind::Error));
    QVERIFY2(window.messageBar()->text().contains(png), qPrintable(window.messageBar()->text()));
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("Nothing could be read")),
        qPrintable(window.messageBar()->text()));
    // Data loaded: opening a file with no sign-ins keeps it and says why.
    QVERIFY(loadDemo(window));
    QVERIFY(window.messageBar()->text().isEmpty());
    window.openPaths({ png });
    QTRY_VERIFY_WITH_TIMEOUT(!window.messageBar()->text().isEmpty(), test::kHangGuardMs);
    QVERIFY(window.messageBar()->text().contains(png));
    QCOMPARE(window.dataset()->signInCount(), size_t(2000));
}

void TestWindowTruth::intendedBlockIsAnOutcome()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    // A contractor kept out of Azure management: recognised as intended; the user is told, nothing is changed.
    DiagnosisWizard* wizard = openWizard(window, rowOf(d, "4859ad96-1096-444c-b618-6f8c6a7495d8"));
    QVERIFY(wizard);
    while (wizard->currentPage()->objectName() != QLatin1String("causePage")) wizard->next();
    auto* yes = wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("intended-yes"));
    QVERIFY(yes && yes->isChecked());
    wizard->next();
    QVERIFY2(wizard->currentPage()->title().contains(QLatin1String("No policy change")),
        qPrintable(wizard->currentPage()->title()));
    QVERIFY(wizard->currentPage()->findChild<QLabel*>(QStringLiteral("tellUser")));
    // The admin disagrees: the fix is the outcome again.
    wizard->back();
    wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("intended-no"))->click();
    QCOMPARE(wizard->diagnosis().intent.answer, Answer::No);
    wizard->next();
    QVERIFY(wizard->currentPage()->title().startsWith(QLatin1String("The fix")));
    wizard->close();

    // A job from a new egress IP: CA Lens cannot tell; the admin says it is intended, and the report says so.
    wizard = openWizard(window, rowOf(d, kDatabricks));
    while (wizard->currentPage()->objectName() != QLatin1String("causePage")) wizard->next();
    QVERIFY(wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("intended-unknown"))->isChecked());
    wizard->currentPage()->findChild<QRadioButton*>(QStringLiteral("intended-yes"))->click();
    wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("addToReportButton"))->click();
    QTemporaryDir dir;
    const QString text = exportThrough(window.findChild<ExportReportDialog*>(QStringLiteral("exportReportDialog")),
        dir.filePath(QStringLiteral("i.pdf")));
    QVERIFY2(text.contains(QLatin1String("Outcome: the block is intended")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QLatin1String("The admin judged that the policy did its job")));
    QVERIFY(text.contains(QLatin1String("If it is a fault after all")));
    wizard->close();
}

void TestWindowTruth::redactionKeepsScriptsIntact()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    DiagnosisWizard* wizard = openWizard(window, rowOf(*window.dataset(), kPowerBi));
    while (wizard->currentPage()->objectName() != QLatin1String("causePage")) wizard->next();
    wizard->currentPage()->findChild<QPushButton*>(QStringLiteral("addToReportButton"))->click();
    auto* dialog = window.findChild<ExportReportDialog*>(QStringLiteral("exportReportDialog"));
    dialog->findChild<QCheckBox*>(QStringLiteral("redact"))->setChecked(true);
    dialog->findChild<QCheckBox*>(QStringLiteral("alsoJson"))->setChecked(true);
    QTemporaryDir dir;
    const QString text = exportThrough(dialog, dir.filePath(QStringLiteral("redacted.pdf")));
    QVERIFY(!text.isEmpty());
    QFile json(dir.filePath(QStringLiteral("redacted.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray all = json.readAll();
    for (const QByteArray& identity : { QByteArray("svc-pbirefresh") }) {
        QVERIFY2(!text.contains(QLatin1String(identity)), identity.constData());
        QVERIFY2(!all.contains(identity), identity.constData());
    }
    // Identities are replaced, never syntax: the script's code around the literals is the template's.
    QVERIFY2(all.contains("'@odata.type' = $cidrType"), "the script's '@odata.type' key is intact");
    QVERIFY(all.contains("$body['@odata.type'] = $odataType"));
    QVERIFY(!all.contains("@redacted.invalid'@"));
    wizard->close();
}

void TestWindowTruth::exportScopeIsTheAdminsChoice()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    QSignalSpy incidents(window.incidentsView(), &IncidentsView::ready);
    window.setFilterText(QStringLiteral("user:svc-pbirefresh"));
    window.applyFilterNow();
    QVERIFY(incidents.wait(test::kHangGuardMs));
    ExportReportDialog* dialog = window.exportReport();
    QVERIFY2(dialog->scopeText().contains(QLatin1String("from the sign-ins shown")), qPrintable(dialog->scopeText()));
    QTemporaryDir dir;
    // The shown sign-ins: only that job's blocks; everything: every block of the data, whatever the filter.
    QString text = exportThrough(dialog, dir.filePath(QStringLiteral("shown.pdf")));
    QVERIFY2(!text.contains(QLatin1String("Blocked sign-ins 89 sign-ins")), qPrintable(text.left(400)));
    dialog = window.exportReport();
    dialog->setScope(ExportReportDialog::Scope::Everything);
    text = exportThrough(dialog, dir.filePath(QStringLiteral("all.pdf")));
    QVERIFY2(text.contains(QLatin1String("Blocked sign-ins 89 sign-ins")), qPrintable(text.left(400)));
}

QTEST_MAIN(TestWindowTruth)
#include "tst_windowtruth.moc"
