// SPDX-License-Identifier: MIT
#include "aggregate.h"

#include "diagnosis/incidents.h"
#include "diagnosis/words.h"
#include "filter.h"
#include "model/signinref.h"

#include <algorithm>
#include <unordered_map>

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
} // namespace

std::vector<Bar> topBy(const Dataset& d, const std::vector<uint32_t>& rows, Dimension dim, size_t top)
{
    std::unordered_map<uint64_t, uint64_t> counts;
    for (uint32_t row : rows) {
        const SignInRef s = d.signIn(row);
        switch (dim) {
        case Dimension::FailingPolicy:
        case Dimension::ReportOnlyFailingPolicy: {
            const PolicyResult want
                = dim == Dimension::FailingPolicy ? PolicyResult::Failure : PolicyResult::ReportOnlyFailure;
            for (const PolicyEval& e : s.evals())
                if (e.result == want) ++counts[d.policyRefs()[e.policy].displayName];
            break;
        }
        case Dimension::UnmetControl:
            for (const PolicyEval& e : s.evals())
                if (e.result == PolicyResult::Failure)
                    for (int b = 0; b < Grant::Count; ++b)
                        if (e.grant & (1 << b)) ++counts[uint64_t(b)];
            break;
        case Dimension::Identity: {
            StrId id = s.strId(SF::UserPrincipalName);
            if (!id) id = s.strId(SF::ServicePrincipalName);
            ++counts[id];
            break;
        }
        case Dimension::App:
            ++counts[s.strId(SF::AppDisplayName) ? s.strId(SF::AppDisplayName) : s.strId(SF::AppId)];
            break;
        case Dimension::IpAddress:
            ++counts[s.strId(SF::IpAddress)];
            break;
        case Dimension::Country:
            ++counts[s.strId(SF::Country)];
            break;
        case Dimension::ErrorCode:
            if (s.hasErrorCode()) ++counts[uint64_t(uint32_t(s.errorCode()))];
            break;
        case Dimension::SignInType:
            ++counts[uint64_t(s.type())];
            break;
        }
    }
    std::vector<std::pair<uint64_t, uint64_t>> sorted(counts.begin(), counts.end());
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
