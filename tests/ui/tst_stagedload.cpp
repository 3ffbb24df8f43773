// SPDX-License-Identifier: MIT
// Staged loading: the rows of a big export are in the Sign-ins table, and follow the filter, before the
// load ends; batches are appended under QAbstractItemModelTester; the finished table equals a plain load's.
// Deterministic: the reader is held at chosen row counts (LoadWorker's read gate) until the test lets it go.
#include "export/formatwriters.h"
#include "loadworker.h"
#include "messagebar.h"
#include "model/signinref.h"
#include "overview/overviewpanel.h"
#include "query/signintablemodel.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"
#include "ui/mainwindow.h"
#include "views/incidentsview.h"
#include "views/signinsview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <deque>
#include <mutex>

using namespace calens;

namespace {

constexpr qint64 kSignIns = 2400;

// Holds the reading thread when the count of sign-ins reaches the next stop, until release().
class ReadGate
{
public:
    explicit ReadGate(std::deque<qint64> stops)
        : m_stops(std::move(stops))
    { }
    void operator()(qint64 signIns) // on the reading thread
    {
        std::unique_lock lock(m_mutex);
        if (m_stops.empty() || signIns < m_stops.front()) return;
        m_heldAt = signIns;
        m_released = false;
        m_changed.wait(lock, [this] { return m_released; });
        if (!m_stops.empty()) m_stops.pop_front(); // releaseAll() cleared them
        m_heldAt = -1;
    }
    qint64 heldAt()
    {
        std::lock_guard lock(m_mutex);
        return m_heldAt;
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }
    void releaseAll()
    {
        std::lock_guard lock(m_mutex);
        m_stops.clear();
        m_released = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<qint64> m_stops;
    qint64 m_heldAt = -1;
    bool m_released = false;
};

QTableView* table(MainWindow& w)
{
    return w.findChild<QTableView*>(QStringLiteral("signInTableView"));
}

// What the table shows, cell by cell: comparable across two loads of the same file.
QStringList cells(MainWindow& w)
{
    QStringList out;
    const QAbstractItemModel* m = table(w)->model();
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c) out << m->index(r, c).data().toString();
    return out;
}

void typeFilter(MainWindow& w, const QString& text)
{
    auto* edit = w.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Rows < count with error code 53003, counted by hand (not by the filter engine).
int blockedAmongFirst(const Dataset& d, qint64 count)
{
    int n = 0;
    for (uint32_t r = 0; r < count; ++r) n += d.signIn(r).hasErrorCode() && d.signIn(r).errorCode() == 53003;
    return n;
}

} // namespace

class TestStagedLoad : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rowsAndFilterBeforeTheLoadEnds();
    void cancelBringsBackWhatWasShown();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestStagedLoad::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dataset d;
    SynthOptions o;
    o.signIns = size_t(kSignIns);
    synthesize(o, d);
    m_file = m_dir.filePath(QStringLiteral("signins.json"));
    QString error;
    QVERIFY2(exporter::writeGraphJson(d, m_file, &error), qPrintable(error));
}

void TestStagedLoad::rowsAndFilterBeforeTheLoadEnds()
{
    MainWindow window;
    window.show();
    QAbstractItemModelTester tester(
        table(window)->model(), QAbstractItemModelTester::FailureReportingMode::QtTest); // on every batch
    auto gate = std::make_shared<ReadGate>(std::deque<qint64> { 600, 1200, 1800 });
    window.loader()->setReadGate([gate](qint64 n) { (*gate)(n); });
    QSignalSpy loaded(&window, &MainWindow::loaded);
    QSignalSpy finished(window.loader(), &LoadWorker::finished);
    QSignalSpy inserted(table(window)->model(), &QAbstractItemModel::rowsInserted);
    window.openPaths({ m_file });

    // The reader stops at 600 sign-ins: they reach the table although the load has not finished.
    QTRY_COMPARE_WITH_TIMEOUT(gate->heldAt(), 600, test::kHangGuardMs);
    QTRY_COMPARE_WITH_TIMEOUT(table(window)->model()->rowCount(), 600, test::kHangGuardMs);
    QVERIFY(finished.isEmpty());
    QVERIFY(loaded.isEmpty());
    QVERIFY(window.session()->loading());
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("filterCounts"))->text().contains(QLatin1String("so far")));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    QCOMPARE(tabs->currentWidget(), window.signInsView());
    QVERIFY(!tabs->isTabEnabled(tabs->indexOf(window.incidentsView())));
    QVERIFY(!window.overviewPanel()->isEnabled()); // the overview waits for the whole load, and says so
    QVERIFY(window.overviewPanel()->toolTip().contains(QLatin1String("when the load finishes")));
    window.diagnoseSelected(); // needs the whole load: says so instead of opening on half the data
    QVERIFY(window.messageBar()->text().contains(QLatin1String("when the load finishes")));

    // A filter typed now applies to the rows read so far.
    const Dataset& partial = *window.session()->dataset();
    const int blocked600 = blockedAmongFirst(partial, 600);
    QVERIFY(blocked600 > 0 && blocked600 < 600);
    typeFilter(window, QStringLiteral("error:53003"));
    QTRY_COMPARE_WITH_TIMEOUT(table(window)->model()->rowCount(), blocked600, test::kHangGuardMs);
    for (int r = 0; r < table(window)->model()->rowCount(); ++r) {
        const auto row = table(window)->model()->index(r, 0).data(SignInTableModel::SignInRowRole).toUInt();
        QVERIFY(row < 600);
        QCOMPARE(partial.signIn(row).errorCode(), 53003);
    }
    QVERIFY(finished.isEmpty());
    table(window)->selectRow(2);
    const int selected = window.signInsView()->currentSignIn();
    QVERIFY(selected >= 0);

    // Each batch: the filter runs on the new rows, which are added to the table; the selection stays.
    for (const qint64 next : { 1200, 1800 }) {
        inserted.clear();
        gate->release();
        QTRY_COMPARE_WITH_TIMEOUT(gate->heldAt(), next, test::kHangGuardMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            table(window)->model()->rowCount(), blockedAmongFirst(partial, next), test::kHangGuardMs);
        QVERIFY(finished.isEmpty());
        QCOMPARE(window.signInsView()->currentSignIn(), selected);
    }
    QVERIFY(!inserted.isEmpty()); // appended, not reset: what the admin looks at stays in place

    gate->releaseAll();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    QVERIFY(!window.session()->loading());
    QVERIFY(tabs->isTabEnabled(tabs->indexOf(window.incidentsView())));
    QCOMPARE(window.signInsView()->currentSignIn(), selected);
    QCOMPARE(window.dataset()->signInCount(), size_t(kSignIns));

    // The finished table is the table of a plain load of the same file, filtered and not.
    MainWindow plain;
    QSignalSpy plainLoaded(&plain, &MainWindow::loaded);
    plain.openPaths({ m_file });
    QVERIFY(plainLoaded.wait(test::kHangGuardMs));
    QSignalSpy snapshot(plain.session(), &DataSession::snapshotChanged);
    typeFilter(plain, QStringLiteral("error:53003"));
    QVERIFY(snapshot.wait(test::kHangGuardMs));
    QCOMPARE(table(window)->model()->rowCount(), blockedAmongFirst(*plain.dataset(), kSignIns));
    QCOMPARE(cells(window), cells(plain));
    QSignalSpy stagedSnapshot(window.session(), &DataSession::snapshotChanged);
    typeFilter(window, QString());
    typeFilter(plain, QString());
    QVERIFY(stagedSnapshot.wait(test::kHangGuardMs));
    if (table(plain)->model()->rowCount() != kSignIns) QVERIFY(snapshot.wait(test::kHangGuardMs));
    QCOMPARE(table(window)->model()->rowCount(), int(kSignIns));
    QCOMPARE(cells(window), cells(plain));
}

void TestStagedLoad::cancelBringsBackWhatWasShown()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(test::kHangGuardMs));
    const QStringList before = cells(window);
    const Dataset* demo = window.dataset();
    OverviewPanel* overview = window.overviewPanel();
    const QString overviewBefore = overview->plainText();

    auto gate = std::make_shared<ReadGate>(std::deque<qint64> { 500 });
    window.loader()->setReadGate([gate](qint64 n) { (*gate)(n); });
    QSignalSpy finished(window.loader(), &LoadWorker::finished);
    window.openPaths({ m_file });
    QTRY_COMPARE_WITH_TIMEOUT(gate->heldAt(), 500, test::kHangGuardMs);
    QTRY_COMPARE_WITH_TIMEOUT(table(window)->model()->rowCount(), 500, test::kHangGuardMs);
    QVERIFY(window.dataset() != demo);

    QPushButton* cancel = nullptr;
    for (auto* b : window.findChildren<QPushButton*>())
        if (b->text() == QLatin1String("Cancel")) cancel = b;
    QVERIFY(cancel && cancel->isVisible());
    cancel->click();
    gate->releaseAll();
    QVERIFY(finished.wait(test::kHangGuardMs));
    QVERIFY(finished.first().at(2).toBool()); // cancelled
    QTRY_COMPARE_WITH_TIMEOUT(window.dataset(), demo, test::kHangGuardMs);
    QVERIFY(!window.session()->loading());
    QTRY_COMPARE_WITH_TIMEOUT(cells(window), before, test::kHangGuardMs);
    QTRY_COMPARE_WITH_TIMEOUT(overview->plainText(), overviewBefore, test::kHangGuardMs); // summarized again
    QVERIFY(overview->isEnabled());
    bool said = false; // the admin is told what happened to the rows that were on screen
    for (const QLabel* l : window.statusBar()->findChildren<QLabel*>())
        said |= l->text().contains(QLatin1String("cancelled")) && l->text().contains(QLatin1String("discarded"));
    QVERIFY(said);
}

QTEST_MAIN(TestStagedLoad)
#include "tst_stagedload.moc"
