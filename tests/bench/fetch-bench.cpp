// SPDX-License-Identifier: MIT
// fetch-bench: time-sliced parallel fetch vs one sequential query, against the Graph emulator with added
// latency per page (default 100 ms). Not a test: run by hand, prints the speed-up (target >= 3x with 4 slices).
// usage: fetch-bench [--latency MS] [--sign-ins N] [--page N] [--slices N] [--runs N]
#include "graph/fetchjob.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>

#include <algorithm>
#include <cstdio>

using namespace calens;
using namespace calens::graph;

namespace {

int arg(const QStringList& args, const char* name, int fallback)
{
    const int i = int(args.indexOf(QString::fromLatin1(name)));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

double fetchOnce(const QString& url, int slices, int concurrency, int page, size_t* count)
{
    Credentials c;
    c.method = Credentials::Method::ClientSecret;
    c.tenant = QStringLiteral("bench");
    c.clientId = QStringLiteral("bench");
    c.clientSecret = QStringLiteral("emulator-secret");
    FetchOptions o;
    o.sinceMs = parseTimestamp("2026-10-01T00:00:00Z");
    o.untilMs = parseTimestamp("2026-10-15T00:00:00Z");
    o.slices = slices;
    o.concurrency = concurrency;
    o.pageSize = page;
    o.directoryData = false;
    o.servicePrincipalSignIns = o.managedIdentitySignIns = false; // one event-type query: the slicing is measured
    FetchJob job(Endpoints { QUrl(url), QUrl(url) }, c, o);
    QEventLoop loop;
    QObject::connect(&job, &FetchJob::finished, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    job.start();
    loop.exec();
    *count = job.dataset().signInCount();
    if (job.error().isError()) std::fprintf(stderr, "fetch failed: %s\n", qPrintable(job.error().text()));
    return double(t.elapsed()) / 1000.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int latency = arg(args, "--latency", 100), signIns = arg(args, "--sign-ins", 20000);
    const int page = arg(args, "--page", 100), slices = arg(args, "--slices", 4), runs = arg(args, "--runs", 3);
    QProcess emu;
    emu.start(QStringLiteral(CALENS_GRAPH_EMULATOR),
        { QStringLiteral("--sign-ins"), QString::number(signIns), QStringLiteral("--latency"),
            QString::number(latency) });
    if (!emu.waitForReadyRead(30000)) return 1;
    const QString url = QString::fromLatin1(emu.readLine()).trimmed();
    double best1 = 1e9, bestN = 1e9;
    size_t n1 = 0, nN = 0;
    for (int i = 0; i < runs; ++i) {
        best1 = std::min(best1, fetchOnce(url, 1, 1, page, &n1));
        bestN = std::min(bestN, fetchOnce(url, slices, slices, page, &nN));
    }
    std::printf("emulator: %d sign-ins, %d ms added per page, $top=%d (interactive sign-ins fetched: %zu)\n", signIns,
        latency, page, n1);
    std::printf("sequential (1 slice):       %.2f s (best of %d)\n", best1, runs);
    std::printf(
        "parallel (%d slices, %d at once): %.2f s (best of %d), %zu sign-ins\n", slices, slices, bestN, runs, nN);
    std::printf("speed-up: %.2fx%s\n", best1 / bestN, n1 == nN ? "" : "  (COUNTS DIFFER)");
    emu.kill();
    emu.waitForFinished();
    return n1 == nN ? 0 : 1;
}
