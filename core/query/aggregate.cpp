// SPDX-License-Identifier: MIT
#include "aggregate.h"

#include "diagnosis/incidents.h"
#include "diagnosis/words.h"
#include "filter.h"
#include "model/signinref.h"
#include "parallel.h"

#include <algorithm>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString quoted(const QString& s)
{
    return quoteFilterValue(s);
}

// Counts by key with open addressing: a million increments into a few thousand keys stay in cache,
// where a node-based map allocates and chases pointers.
class Counts
{
public:
    void add(uint64_t key)
    {
        if (m_used * 2 >= m_slots.size()) grow();
        size_t i = mix(key) & (m_slots.size() - 1);
        while (m_slots[i].second && m_slots[i].first != key) i = (i + 1) & (m_slots.size() - 1);
        if (!m_slots[i].second) {
            m_slots[i].first = key;
            ++m_used;
        }
        ++m_slots[i].second;
    }
    std::vector<std::pair<uint64_t, uint64_t>> items() const
    {
        std::vector<std::pair<uint64_t, uint64_t>> out;
        out.reserve(m_used);
        for (const auto& slot : m_slots)
            if (slot.second) out.push_back(slot);
        return out;
    }

private:
    static size_t mix(uint64_t k) { return size_t((k * 0x9E3779B97F4A7C15ull) >> 20); }
    void grow()
    {
        std::vector<std::pair<uint64_t, uint64_t>> old(m_slots.empty() ? 64 : m_slots.size() * 2);
        old.swap(m_slots);
        m_used = 0;
        for (const auto& slot : old)
            if (slot.second) {
                size_t i = mix(slot.first) & (m_slots.size() - 1);
                while (m_slots[i].second) i = (i + 1) & (m_slots.size() - 1);
                m_slots[i] = slot;
                ++m_used;
            }
    }
    std::vector<std::pair<uint64_t, uint64_t>> m_slots; // (key, count); count 0 = free
    size_t m_used = 0;
};
} // namespace

std::vector<Bar> topBy(
    const Dataset& d, const std::vector<uint32_t>& rows, Dimension dim, size_t top, const SearchIndex* index)
{
    // The index's summaries tell which sign-ins have a failed (or report-only failed) evaluation at all.
    const bool summaries
        = index && std::all_of(rows.begin(), rows.end(), [&](uint32_t r) { return r < index->rows(); });
    auto has
        = [&](uint32_t row, PolicyResult r) { return !summaries || (index->resultsOf(row) & (1u << unsigned(r))); };
    Counts counts;
    for (uint32_t row : rows) {
        const SignInRef s = d.signIn(row);
        switch (dim) {
        case Dimension::FailingPolicy:
        case Dimension::ReportOnlyFailingPolicy: {
            const PolicyResult want
                = dim == Dimension::FailingPolicy ? PolicyResult::Failure : PolicyResult::ReportOnlyFailure;
            if (!has(row, want)) break;
            for (const PolicyEval& e : s.evals())
                if (e.result == want) counts.add(d.policyRefs()[e.policy].displayName);
            break;
        }
        case Dimension::UnmetControl:
            if (!has(row, PolicyResult::Failure)) break;
            for (const PolicyEval& e : s.evals())
                if (e.result == PolicyResult::Failure)
                    for (int b = 0; b < Grant::Count; ++b)
                        if (e.grant & (1 << b)) counts.add(uint64_t(b));
            break;
        case Dimension::Identity: {
            StrId id = s.strId(SF::UserPrincipalName);
            if (!id) id = s.strId(SF::ServicePrincipalName);
            counts.add(id);
            break;
        }
        case Dimension::App: {
            const StrId name = s.strId(SF::AppDisplayName);
            counts.add(name ? name : s.strId(SF::AppId));
            break;
        }
        case Dimension::IpAddress:
            counts.add(s.strId(SF::IpAddress));
            break;
        case Dimension::Country:
            counts.add(s.strId(SF::Country));
            break;
        case Dimension::ErrorCode:
            if (s.hasErrorCode()) counts.add(uint64_t(uint32_t(s.errorCode())));
            break;
        case Dimension::SignInType:
            counts.add(uint64_t(s.type()));
            break;
        }
    }
    std::vector<std::pair<uint64_t, uint64_t>> sorted = counts.items();
    std::sort(sorted.begin(), sorted.end(),
        [](auto a, auto b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (sorted.size() > top) sorted.resize(top);
    std::vector<Bar> out;
    for (auto [key, count] : sorted) {
        Bar b;
        b.count = count;
        switch (dim) {
        case Dimension::FailingPolicy:
            b.label = q(d.text(StrId(key)));
            b.filterTerm = QStringLiteral("policy:%1 result:failure").arg(quoted(b.label));
            break;
        case Dimension::ReportOnlyFailingPolicy:
            b.label = q(d.text(StrId(key)));
            b.filterTerm = QStringLiteral("policy:%1 result:reportOnlyFailure").arg(quoted(b.label));
            break;
        case Dimension::UnmetControl:
            b.filterTerm = QStringLiteral("control:") + q(grantName(int(key)));
            b.label = controlWord(q(grantName(int(key))));
            break;
        case Dimension::ErrorCode:
            b.label = QString::number(int32_t(uint32_t(key)));
            b.filterTerm = QStringLiteral("error:") + b.label;
            break;
        case Dimension::SignInType:
            b.label = q(name(SignInType(key)));
            b.filterTerm = QStringLiteral("type:") + b.label;
            break;
        default: {
            b.label = key ? q(d.text(StrId(key))) : QStringLiteral("(none)");
            const char* field = dim == Dimension::Identity ? "user"
                : dim == Dimension::App                    ? "app"
                : dim == Dimension::IpAddress              ? "ip"
                                                           : "country";
            b.filterTerm = key ? QStringLiteral("%1:%2").arg(QLatin1String(field), quoted(b.label)) : QString();
        }
        }
        out.push_back(b);
    }
    return out;
}

int64_t timelineStep(int64_t first, int64_t last, int maxBuckets)
{
    static const int64_t steps[] = { 60000, 300000, 900000, 3600000, 3 * 3600000LL, 6 * 3600000LL, 12 * 3600000LL,
        86400000, 7 * 86400000LL, 30 * 86400000LL };
    for (int64_t s : steps)
        if ((last - first) / s < maxBuckets) return s;
    return steps[std::size(steps) - 1];
}

ChartSeries chartSeries(const Dataset& d, const std::vector<uint32_t>& rows, const SearchIndex* index, unsigned threads)
{
    ChartSeries c;
    // One series per task, on every core: the eight take about the same time each.
    const std::pair<std::vector<Bar>*, Dimension> bars[]
        = { { &c.byPolicy, Dimension::FailingPolicy }, { &c.byReportOnly, Dimension::ReportOnlyFailingPolicy },
              { &c.byControl, Dimension::UnmetControl }, { &c.byIdentity, Dimension::Identity },
              { &c.byApp, Dimension::App }, { &c.byIp, Dimension::IpAddress }, { &c.byError, Dimension::ErrorCode } };
    parallelFor(std::size(bars) + 1, threads, [&](size_t i) {
        if (i == std::size(bars))
            c.timeline = timeline(d, rows);
        else
            *bars[i].first = topBy(d, rows, bars[i].second, 8, index);
    });
    return c;
}

std::vector<TimeBucket> timeline(const Dataset& d, const std::vector<uint32_t>& rows, int maxBuckets)
{
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (uint32_t row : rows) {
        const int64_t t = d.signIn(row).createdMs();
        if (t == INT64_MIN) continue;
        first = std::min(first, t);
        last = std::max(last, t);
    }
    if (first == INT64_MAX) return {};
    const int64_t step = timelineStep(first, last, maxBuckets);
    const int64_t start = first - ((first % step) + step) % step;
    std::vector<TimeBucket> out(size_t((last - start) / step + 1));
    for (size_t i = 0; i < out.size(); ++i) out[i].startMs = start + int64_t(i) * step;
    for (uint32_t row : rows) {
        const SignInRef s = d.signIn(row);
        const int64_t t = s.createdMs(); // once: a row still loading may be rewritten between the passes
        if (t < start) continue;
        const size_t at = size_t((t - start) / step);
        if (at >= out.size()) continue;
        TimeBucket& b = out[at];
        ++b.total;
        if (s.hasErrorCode() && isConditionalAccessBlock(s.errorCode())) ++b.blocked;
    }
    return out;
}

} // namespace calens
