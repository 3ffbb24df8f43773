// SPDX-License-Identifier: MIT
// Incident clustering benchmark (run by hand): a synthetic tenant of N sign-ins (default 1,000,000),
// clustered into incidents (one per cause and blocking policy, with the identities inside) and "what changed"
// told per identity. The reference in the same run is a bare scan that only counts the blocked
// sign-ins: the ratio says what clustering costs on top of touching every row.
#include "diagnosis/incidents.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "synth/synthesize.h"

#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

using namespace calens;

int main(int argc, char** argv)
{
    const size_t n = argc > 1 ? size_t(std::strtoull(argv[1], nullptr, 10)) : 1000000;
    QElapsedTimer t;
    t.start();
    Dataset d;
    SynthOptions options;
    options.signIns = n;
    synthesize(options, d);
    std::printf("synthesize %zu sign-ins: %.2f s (%zu policy results)\n", n, t.elapsed() / 1000.0, d.evals().size());

    double best = 1e9, bestScan = 1e9, bestChanges = 1e9;
    size_t incidents = 0, identities = 0;
    uint64_t blocked = 0;
    for (int run = 0; run < 3; ++run) {
        t.restart();
        uint64_t count = 0;
        for (uint32_t r = 0; r < d.signInCount(); ++r) {
            const SignInRef s = d.signIn(r);
            if (s.hasErrorCode() && isConditionalAccessBlock(s.errorCode())) ++count;
        }
        bestScan = std::min(bestScan, t.nsecsElapsed() / 1e9);
        blocked = count;
        t.restart();
        auto list = clusterIncidents(d);
        best = std::min(best, t.nsecsElapsed() / 1e9);
        incidents = list.size();
        identities = 0;
        for (const Incident& i : list) identities += i.identities.size();
        t.restart();
        explainChanges(d, list);
        bestChanges = std::min(bestChanges, t.nsecsElapsed() / 1e9);
    }
    std::printf("blocked sign-ins: %llu in %zu incidents of %zu identities in all\n", (unsigned long long)blocked,
        incidents, identities);
    std::printf("reference scan (count blocked): %.3f s\n", bestScan);
    std::printf("clusterIncidents:               %.3f s  (%.1fx the scan; target: well under 1 s for 1 M)\n", best,
        best / bestScan);
    std::printf("explainChanges (per identity):  %.3f s\n", bestChanges);
    return 0;
}
