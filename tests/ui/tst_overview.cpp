// SPDX-License-Identifier: MIT
// The Overview dock: an empty state, key figures that agree with the data, top lists whose entries set the
// filter (the Sign-ins table then shows exactly those sign-ins), refresh on every load, a narrow dock and the
// dark palette.
#include "overview/barlist.h"
#include "overview/overviewpanel.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"

#include "diagnosis/facts.h"
#include "diagnosis/incidents.h"
#include "model/signinref.h"
#include "query/summary.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <set>

using namespace calens;

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool loadDemo(MainWindow& window)
{
    QSignalSpy ready(window.overviewPanel(), &OverviewPanel::ready);
    window.openDemo();
    return ready.wait(test::kHangGuardMs);
}

QString figure(MainWindow& window, const char* name)
{
    return window.findChild<QLabel*>(QLatin1String(name))->text();
}

// Clicks an entry as a user does and waits until the table shows the filter's rows.
QTableView* clickEntry(MainWindow& window, BarEntry* entry)
{
    if (!QTest::qWaitFor([entry] { return entry->isVisible() && entry->height() > 0; }, test::kHangGuardMs))
        return nullptr; // laid out, as the user sees it
    QSignalSpy changed(window.session(), &DataSession::snapshotChanged);
    QTest::mouseClick(entry, Qt::LeftButton, {}, entry->rect().center());
    if (!changed.wait(test::kHangGuardMs)) return nullptr;
    return window.findChild<QTableView*>(QStringLiteral("signInTableView"));
}

bool blocked(const SignInRef& s)
{
    return s.hasErrorCode() && isConditionalAccessBlock(s.errorCode());
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT
private slots:
    void emptyThenFigures();
    void topPolicySetsTheFilter();
    void topAppAndIdentitySetTheFilter();
    void followsTheData();
    void narrowDockAndDarkPalette();
};

void TestOverview::emptyThenFigures()
{
    MainWindow window;
    OverviewPanel* panel = window.overviewPanel();
    QVERIFY2(panel->plainText().startsWith(QLatin1String("Nothing loaded yet.")), qPrintable(panel->plainText()));
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    uint64_t blockedCount = 0;
    std::set<QString> identities;
    for (uint32_t r = 0; r < d.signInCount(); ++r) {
        if (!blocked(d.signIn(r))) continue;
        ++blockedCount;
        const FactSheet sheet(d, r);
        identities.insert(sheet.principalKind() + sheet.principalId());
    }
    const QLocale locale;
    QCOMPARE(figure(window, "figureSignIns"), locale.toString(qulonglong(d.signInCount())));
    QCOMPARE(figure(window, "figureBlocked"), locale.toString(qulonglong(blockedCount)));
    QCOMPARE(figure(window, "figureIdentities"), locale.toString(qulonglong(identities.size())));
    QCOMPARE(figure(window, "figureIncidents"), locale.toString(qulonglong(clusterIncidents(d).size())));
    const QString text = panel->plainText();
    QVERIFY2(text.contains(QLatin1String(" UTC (")), qPrintable(text)); // the time span
    QVERIFY(text.contains(QLatin1String("interactive")));
    QVERIFY(!text.contains(QLatin1String("nonInteractiveUser"))); // words, not enum names
    QVERIFY(!text.contains(QLatin1String("(s)")));

    // The failing policies are those `calens analyze` counts, biggest first.
    const Summary summary = summarize(d);
    BarList* policies = panel->topPolicies();
    QVERIFY(policies->count() >= 3);
    for (int i = 0; i < policies->count(); ++i) {
        uint64_t failures = 0;
        for (const auto& p : summary.policies)
            if (q(p.displayName) == policies->entry(i)->label()) failures = p.results[size_t(PolicyResult::Failure)];
        QCOMPARE(policies->entry(i)->count(), failures);
        if (i > 0) QVERIFY(policies->entry(i - 1)->count() >= policies->entry(i)->count());
    }
}

void TestOverview::topPolicySetsTheFilter()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    window.findChild<QTabWidget*>(QStringLiteral("viewTabs"))->setCurrentIndex(4); // away from the sign-ins
    BarEntry* top = window.overviewPanel()->topPolicies()->entry(1);
    const QString policy = top->label();
    QTableView* table = clickEntry(window, top);
    QVERIFY(table);
    // The filter names the policy, quoted by the query layer; the table shows exactly its failures.
    const QString filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->text();
    QCOMPARE(filter, QStringLiteral("policy:\"%1\" result:failure").arg(policy));
    QVERIFY(table->isVisible());
    QCOMPARE(uint64_t(table->model()->rowCount()), top->count());
    const Dataset& d = *window.dataset();
    for (uint32_t row : *window.session()->snapshot().rows) {
        bool failed = false;
        for (const PolicyEval& e : d.signIn(row).evals())
            failed |= e.result == PolicyResult::Failure && q(d.signIn(row).policyName(e)) == policy;
        QVERIFY2(failed, qPrintable(q(d.signIn(row).str(SF::Id))));
    }
}

void TestOverview::topAppAndIdentitySetTheFilter()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    const Dataset& d = *window.dataset();
    BarEntry* app = window.overviewPanel()->topApps()->entry(0);
    QTableView* table = clickEntry(window, app);
    QVERIFY(table);
    QCOMPARE(uint64_t(table->model()->rowCount()), app->count());
    for (uint32_t row : *window.session()->snapshot().rows) {
        QVERIFY(blocked(d.signIn(row)));
        QCOMPARE(q(d.signIn(row).str(SF::AppDisplayName)), app->label());
    }
    BarEntry* who = window.overviewPanel()->topIdentities()->entry(0);
    table = clickEntry(window, who);
    QVERIFY(table);
    QCOMPARE(uint64_t(table->model()->rowCount()), who->count());
    for (uint32_t row : *window.session()->snapshot().rows) {
        QVERIFY(blocked(d.signIn(row)));
        QCOMPARE(FactSheet(d, row).principalName(), who->label());
    }
}

void TestOverview::followsTheData()
{
    MainWindow window;
    QVERIFY(loadDemo(window));
    QSignalSpy ready(window.overviewPanel(), &OverviewPanel::ready);
    window.openPaths({ test::fixture(QString()) });
    QVERIFY(ready.wait(test::kHangGuardMs));
    QCOMPARE(figure(window, "figureSignIns"), QLocale().toString(5));
    const QString text = window.overviewPanel()->plainText();
    QVERIFY2(text.contains(QLatin1String("Microsoft Graph sign-in export")), qPrintable(text)); // formats in words
    QVERIFY(!text.contains(QLatin1String("graph-json")));
    QVERIFY(!text.contains(QLatin1String("demo tenant"))); // the previous data is gone
}

void TestOverview::narrowDockAndDarkPalette()
{
    MainWindow window;
    window.show();
    QVERIFY(loadDemo(window));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    window.resizeDocks({ dock }, { 170 }, Qt::Horizontal);
    OverviewPanel* panel = window.overviewPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->width() <= 190, test::kHangGuardMs);
    // Narrow: nothing scrolls sideways, long policy names elide (the whole name is in the tooltip).
    QVERIFY(!panel->horizontalScrollBar()->isVisible());
    QVERIFY(panel->widget()->width() <= panel->viewport()->width());
    BarEntry* entry = panel->topPolicies()->entry(0);
    QVERIFY(entry->width() <= panel->viewport()->width());
    QVERIFY(entry->fontMetrics().horizontalAdvance(entry->label()) > entry->width()); // elided, not clipped
    QVERIFY(entry->toolTip().contains(entry->label()));

    // Dark: the entry is drawn with the palette's text and highlight colours, so it reads on a dark window.
    QAction* dark = nullptr;
    for (QAction* a : window.menuBar()->findChildren<QAction*>())
        if (a->text() == QLatin1String("Dark palette")) dark = a;
    QVERIFY(dark);
    struct Restore // the palette choice is a setting: leave it as it was
    {
        QAction* action;
        bool was;
        ~Restore() { action->setChecked(was); }
    } restore { dark, dark->isChecked() };
    dark->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(entry->palette().color(QPalette::Window).lightness() < 80, test::kHangGuardMs);
    const QImage image = entry->grab().toImage();
    const QColor text = entry->palette().color(QPalette::WindowText), bar = entry->palette().color(QPalette::Highlight);
    int textPixels = 0, barPixels = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            textPixels += c.lightness() > 180; // light glyphs
            barPixels += c == bar;
        }
    QVERIFY2(textPixels > 20, qPrintable(QString::number(textPixels)));
    QVERIFY(barPixels > 20);
    QVERIFY(text.lightness() > 180);
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
