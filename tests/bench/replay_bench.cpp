// SPDX-License-Identifier: MIT
// Replay benchmark (run by hand, never by ctest): every logged sign-in evaluated offline and compared with the log.
//   bench_replay FILE...   an export, e.g. built with `calens synth --sign-ins 1000000 -o FILE`
//   (tests/bench/replay-bench.sh) bench_replay [N]       N synthetic sign-ins made in memory (default 1,000,000)
// The reference in the same run is a bare pass that turns every sign-in into the What-If's input and throws it away:
// the ratio says what evaluating and comparing cost on top of reading each record once.
#include "ingest/ingestjob.h"
#include "model/signinref.h"
#include "synth/synthesize.h"
#include "whatif/replay.h"
#include "whatif/whatifinput.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace calens;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QElapsedTimer t;
    t.start();
    Dataset d;
    const bool files = argc > 1 && QFileInfo::exists(QString::fromLocal8Bit(argv[1]));
    if (files) {
        IngestJob job(d);
        QStringList paths;
        for (int i = 1; i < argc; ++i) paths << QString::fromLocal8Bit(argv[i]);
        job.addInputs(paths);
        job.run();
        std::printf("load %zu sign-ins: %.2f s\n", d.signInCount(), t.nsecsElapsed() / 1e9);
    } else {
        SynthOptions options;
        options.signIns = argc > 1 ? size_t(std::strtoull(argv[1], nullptr, 10)) : 1000000;
        synthesize(options, d);
        std::printf("synthesize %zu sign-ins: %.2f s\n", d.signInCount(), t.nsecsElapsed() / 1e9);
    }

    double bestScan = 1e9, bestReplay = 1e9;
    whatif::ReplayReport last;
    for (int run = 0; run < 3; ++run) {
        t.restart();
        size_t touched = 0;
        for (uint32_t r = 0; r < d.signInCount(); ++r) {
            const SignInRef s = d.signIn(r);
            if (s.policyDetail() != Tristate::True) continue;
            touched += whatif::fromSignIn(s).apps.size();
        }
        bestScan = std::min(bestScan, t.nsecsElapsed() / 1e9);
        t.restart();
        last = whatif::replayLog(d, 0);
        bestReplay = std::min(bestReplay, t.nsecsElapsed() / 1e9);
        if (touched == 0 && d.signInCount() > 0) std::printf("(no sign-in carries per-policy results)\n");
    }
    std::printf("compared %llu sign-ins, %llu pairs: %.1f%% agree, %llu not enough information, %llu contradictions\n",
        (unsigned long long)last.signIns, (unsigned long long)last.total.pairs, 100.0 * last.agreement(),
        (unsigned long long)last.total.notEnoughInformation, (unsigned long long)last.total.contradictions);
    std::printf("reference pass (fromSignIn for every sign-in): %.3f s\n", bestScan);
    std::printf("replayLog:                                     %.3f s  (%.1fx the reference pass)\n", bestReplay,
        bestReplay / bestScan);
    return 0;
}
