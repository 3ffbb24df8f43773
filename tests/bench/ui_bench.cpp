// SPDX-License-Identifier: MIT
// UI responsiveness benchmark (run by hand, offscreen or under Xvfb):
//   1. on N synthetic sign-ins (default 1,000,000): filter change → rows ready (p50/p95 over a set of
//      filters, on every core with the search index, and the plain serial scan beside it), sort, the
//      Sign-ins view's chart series (the eight it shows); the reference in the same run is a bare scan of
//      every row;
//   2. with FILE given: the longest UI-thread stall (gap between 5 ms timer ticks) while the window
//      loads FILE (e.g. the 1 GB export of tests/bench/ingest-bench.sh), and the time until the first
//      rows are in the Sign-ins table (rows are shown while the file loads).
#include "model/signinref.h"
#include "query/aggregate.h"
#include "query/filterengine.h"
#include "query/rowsort.h"
#include "synth/synthesize.h"
#include "ui/mainwindow.h"

#include "session/datasession.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace calens;

static double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const size_t n = argc > 1 ? size_t(std::strtoull(argv[1], nullptr, 10)) : 1000000;
    QElapsedTimer t;
    t.start();
    Dataset d;
    SynthOptions o;
    o.signIns = n;
    synthesize(o, d);
    std::printf("synthesized %zu sign-ins in %.1f s\n", n, t.elapsed() / 1000.0);
    t.restart();
    const SearchIndex index(d);
    std::printf("search index: %.0f ms (once per load, on the worker)\n", double(t.elapsed()));

    t.restart();
    uint64_t count = 0;
    for (uint32_t r = 0; r < d.signInCount(); ++r) count += d.signIn(r).errorCode() == 53003;
    const double scan = double(t.nsecsElapsed()) / 1e6;

    const char* filters[] = { "error:53003", "type:servicePrincipal", "svc-", "policy:CA002 result:failure",
        "ip:20.0.0.0/8", "control:mfa", "-error:0 country:NL", "user:contoso app:power", "result:reportOnlyFailure",
        "after:2026-10-10 error:ca" };
    std::vector<double> filterMs, chartMs, serialMs, serialChartMs;
    std::printf("  %-28s %9s %9s %9s %9s\n", "filter", "rows", "serial", "fast", "charts");
    for (int round = 0; round < 3; ++round)
        for (const char* f : filters) {
            const Filter filter = parseFilter(QString::fromLatin1(f));
            t.restart();
            const auto serial = applyFilter(d, index, filter, nullptr, 0, UINT32_MAX, { 1, false });
            serialMs.push_back(double(t.nsecsElapsed()) / 1e6);
            t.restart();
            auto rows = applyFilter(d, index, filter);
            filterMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (rows != serial) std::printf("  %s: the fast path disagrees with the serial scan!\n", f);
            t.restart();
            chartSeries(d, rows, &index, 1);
            serialChartMs.push_back(double(t.nsecsElapsed()) / 1e6);
            t.restart();
            chartSeries(d, rows, &index);
            chartMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (round == 0)
                std::printf("  %-28s %9zu %6.1f ms %6.1f ms %6.1f ms\n", f, rows.size(), serialMs.back(),
                    filterMs.back(), chartMs.back());
        }
    std::vector<uint32_t> all(d.signInCount());
    std::iota(all.begin(), all.end(), 0u);
    t.restart();
    sortRows(d, index, all, SignInColumn::Time, true);
    const double sortTime = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    sortRows(d, index, all, SignInColumn::Identity, false);
    const double sortText = double(t.nsecsElapsed()) / 1e6;
    std::printf("reference scan of every row: %.1f ms (%llu blocked)\n", scan, (unsigned long long)count);
    std::printf("filter change: p50 %.1f ms, p95 %.1f ms (%.1fx the scan; target p95 < 50 ms); serial scan without "
                "the index: p50 %.1f ms, p95 %.1f ms\n",
        percentile(filterMs, 0.5), percentile(filterMs, 0.95), percentile(filterMs, 0.95) / scan,
        percentile(serialMs, 0.5), percentile(serialMs, 0.95));
    std::printf("chart series: p95 %.1f ms (target < 50 ms); on one core p95 %.1f ms\n", percentile(chartMs, 0.95),
        percentile(serialChartMs, 0.95));
    std::printf("sort all rows: by time %.0f ms, by identity %.0f ms (target < 300 ms)\n", sortTime, sortText);

    if (argc > 2) {
        MainWindow window;
        window.show();
        QElapsedTimer gap;
        gap.start();
        qint64 worst = 0;
        QTimer tick;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] { worst = std::max(worst, gap.restart()); });
        tick.start();
        QSignalSpy loaded(&window, &MainWindow::loaded);
        QSignalSpy batches(window.session(), &DataSession::partialSnapshotChanged);
        auto* signIns = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
        QElapsedTimer total;
        total.start();
        qint64 firstRows = -1;
        QObject::connect(signIns->model(), &QAbstractItemModel::rowsInserted, [&] {
            if (firstRows < 0) firstRows = total.elapsed();
        });
        QObject::connect(signIns->model(), &QAbstractItemModel::modelReset, [&] {
            if (firstRows < 0 && signIns->model()->rowCount() > 0) firstRows = total.elapsed();
        });
        window.openPaths({ QString::fromLocal8Bit(argv[2]) });
        loaded.wait(600000);
        std::printf("loaded %s in %.1f s; longest UI-thread stall %lld ms (target <= 50 ms)\n", argv[2],
            total.elapsed() / 1000.0, (long long)worst);
        std::printf("  first rows in the table after %lld ms; %lld batches shown while loading\n", (long long)firstRows,
            (long long)batches.count());

        // Each tab computes what it shows when first shown, then the time range is changed.
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
        for (const char* name : { "policyResultsTable", "policiesTable", "namedLocationsTable", "incidentsTree" }) {
            auto* table = window.findChild<QAbstractItemView*>(QLatin1String(name));
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->widget(i)->isAncestorOf(table)) tabs->setCurrentIndex(i);
            gap.restart();
            worst = 0;
            total.restart();
            while (table->model()->rowCount() == 0 && total.elapsed() < 120000) QTest::qWait(5);
            std::printf("  %-20s ready in %5lld ms (%d rows); longest UI-thread stall %lld ms\n", name,
                (long long)total.elapsed(), table->model()->rowCount(), (long long)worst);
        }
        auto* range = window.findChild<QComboBox*>(QStringLiteral("timeRange"));
        QSignalSpy snapshot(window.session(), &DataSession::snapshotChanged);
        gap.restart();
        worst = 0;
        total.restart();
        range->setCurrentIndex(range->findData(7));
        snapshot.wait(120000);
        std::printf("  time range -> last 7 days: %lld ms; longest UI-thread stall %lld ms\n",
            (long long)total.elapsed(), (long long)worst);
    }
    return 0;
}
