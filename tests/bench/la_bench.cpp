// SPDX-License-Identifier: MIT
// Log Analytics assembly benchmark (run by hand): how much memory and time the client side needs to assemble
// summaries from result pages of the service's maximum size. Pages are synthesized in memory in the query API's JSON
// (no network): by default 1,000 pages of 500,000 rows of the largest-by-rows answer CA Lens asks for, blocked
// sign-ins by situation (a 64-hex-digit id, a count, first and last seen, a correlation id; ~180 bytes a row, so a
// page is ~90 MB, more than the service's 64 MB), with the situations drawn from a fixed set, as a month of
// time-split pages of one tenant repeats them. Then, smaller, the policy-results pages of the summary.
// The bound the design note states: assembly memory <= three pages (the parser's padded copy and its own buffers,
// reused from page to page, and the body) + the distinct keys (~300 bytes a situation), whatever the number of pages.
// Usage: bench_la [PAGES] [ROWS_PER_PAGE] [DISTINCT_SITUATIONS]
#include "la/incidentassembler.h"
#include "la/laquery.h"
#include "la/summaryassembler.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace calens::la;

namespace {

double peakMiB()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

std::string hexId(uint64_t n)
{
    return QCryptographicHash::hash(QByteArray::number(qulonglong(n)), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

// One page of `rows` situation rows drawn from `ids` (its own seed, so pages differ).
QByteArray situationPage(const std::vector<std::string>& ids, size_t rows, uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::string out
        = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"Situation\",\"type\":\"string\"},"
          "{\"name\":\"Count\",\"type\":\"long\"},{\"name\":\"First\",\"type\":\"datetime\"},{\"name\":"
          "\"Last\",\"type\":\"datetime\"},{\"name\":\"SampleCorrelationId\",\"type\":\"string\"}],\"rows\":[";
    out.reserve(rows * 190 + 512);
    char line[256];
    for (size_t i = 0; i < rows; ++i) {
        const std::string& id = ids[rng() % ids.size()];
        const unsigned day = 1 + unsigned(rng() % 28), hour = unsigned(rng() % 24);
        std::snprintf(line, sizeof line,
            "%s[\"%s\",%u,\"2026-10-%02uT%02u:00:00.0000000Z\",\"2026-10-%02uT%02u:59:59.0000000Z\","
            "\"%08x-0000-4000-8000-%012" PRIx64 "\"]",
            i ? "," : "", id.c_str(), unsigned(1 + rng() % 50), day, hour, day, hour, unsigned(rng()),
            uint64_t(rng() & 0xffffffffffffULL));
        out += line;
    }
    out += "]}]}";
    return QByteArray::fromStdString(out);
}

QByteArray policyPage(size_t rows, uint32_t seed)
{
    static const char* results[] = { "success", "failure", "notApplied", "reportOnlyFailure", "reportOnlySuccess" };
    std::mt19937_64 rng(seed);
    std::string out
        = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"PolicyId\",\"type\":\"string\"},"
          "{\"name\":\"Result\",\"type\":\"string\"},{\"name\":\"Count\",\"type\":\"long\"},{\"name\":"
          "\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"DisplayName\",\"type\":\"string\"}],\"rows\":[";
    char line[256];
    for (size_t i = 0; i < rows; ++i) {
        const unsigned policy = unsigned(rng() % 200);
        std::snprintf(line, sizeof line,
            "%s[\"1a2b3c4d-0000-4000-8000-%012u\",\"%s\",%u,\"2026-10-01T00:00:00.0000000Z\",\"CA%03u policy\"]",
            i ? "," : "", policy, results[rng() % 5], unsigned(1 + rng() % 1000), policy);
        out += line;
    }
    out += "]}]}";
    return QByteArray::fromStdString(out);
}

} // namespace

int main(int argc, char** argv)
{
    const size_t pages = argc > 1 ? size_t(std::strtoull(argv[1], nullptr, 10)) : 1000;
    const size_t rows = argc > 2 ? size_t(std::strtoull(argv[2], nullptr, 10)) : 500000;
    const size_t distinct = argc > 3 ? size_t(std::strtoull(argv[3], nullptr, 10)) : 1000000;
    constexpr size_t kVariants = 4; // distinct pages synthesized; the rest are those again (same size, same work)

    QElapsedTimer t;
    t.start();
    std::vector<std::string> ids;
    ids.reserve(distinct);
    for (size_t i = 0; i < distinct; ++i) ids.push_back(hexId(i));
    std::vector<QByteArray> variants;
    for (size_t v = 0; v < kVariants; ++v) variants.push_back(situationPage(ids, rows, uint32_t(v + 1)));
    ids.clear();
    ids.shrink_to_fit();
    const double pageMiB = double(variants.front().size()) / (1 << 20);
    const double before = peakMiB();
    std::printf("synthesized %zu situation pages of %zu rows (%.1f MiB each) from %zu situations in %.1f s; "
                "peak RSS %.0f MiB\n",
        kVariants, rows, pageMiB, distinct, t.elapsed() / 1000.0, before);

    // Situation counts: the incident list's first phase.
    IncidentAssembler incidents;
    t.restart();
    for (size_t p = 0; p < pages; ++p)
        if (!incidents.takeCounts(variants[p % kVariants])) {
            std::fprintf(stderr, "page %zu: %s\n", p, qPrintable(incidents.error()));
            return 1;
        }
    const double seconds = t.elapsed() / 1000.0;
    const double rowsTotal = double(pages) * double(rows);
    std::printf("situation counts: %zu pages, %.0f million rows, %zu situations in %.1f s (%.1f million rows/s, "
                "%.0f MiB/s)\n",
        pages, rowsTotal / 1e6, incidents.situationCount(), seconds, rowsTotal / 1e6 / seconds,
        double(pages) * pageMiB / seconds);
    const double after = peakMiB();
    const double bound = 3 * pageMiB + double(incidents.situationCount()) * 300 / (1 << 20);
    std::printf("  peak RSS %.0f MiB: the %zu pages held by the benchmark (%.0f MiB) + assembly %.0f MiB "
                "(stated bound: 3 x %.0f MiB page + %zu situations x ~300 B = %.0f MiB): %s\n",
        after, kVariants, kVariants * pageMiB, after - before, pageMiB, incidents.situationCount(), bound,
        after - before <= bound ? "within" : "EXCEEDED");

    // Policy results: a summary query, bounded by its keys (policies x results) however many rows.
    variants.clear();
    variants.shrink_to_fit();
    const size_t policyPages = std::max<size_t>(1, pages / 10);
    std::vector<QByteArray> policy { policyPage(rows, 7), policyPage(rows, 8) };
    SummaryAssembler summary;
    LaQuery q;
    q.kind = QueryKind::Policies;
    t.restart();
    for (size_t p = 0; p < policyPages; ++p) summary.take(q, policy[p % 2]);
    const double ps = t.elapsed() / 1000.0;
    std::printf("policy results: %zu pages of %zu rows (%.1f MiB each) in %.1f s (%.1f million rows/s); %zu policies; "
                "peak RSS %.0f MiB\n",
        policyPages, rows, double(policy.front().size()) / (1 << 20), ps, double(policyPages * rows) / 1e6 / ps,
        summary.result().summary.policies.size(), peakMiB());
    return 0;
}
