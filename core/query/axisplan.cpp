// SPDX-License-Identifier: MIT
#include "axisplan.h"

#include <algorithm>
#include <iterator>

namespace calens {

CountAxis countAxis(uint64_t max, int maxIntervals)
{
    maxIntervals = std::max(1, maxIntervals);
    max = std::max<uint64_t>(max, 1);
    for (uint64_t power = 1;; power *= 10)
        for (uint64_t m : { 1, 2, 5 }) {
            const uint64_t step = m * power;
            const uint64_t intervals = (max + step - 1) / step;
            if (intervals <= uint64_t(maxIntervals)) return { intervals * step, step };
        }
}

TimeAxis timeAxis(int64_t firstMs, int64_t lastMs, int maxIntervals)
{
    constexpr int64_t kHour = 3600000, kDay = 24 * kHour;
    constexpr int64_t kSteps[] = { kHour, 2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay, 2 * kDay, 7 * kDay,
        14 * kDay, 28 * kDay, 91 * kDay, 364 * kDay };
    maxIntervals = std::max(1, maxIntervals);
    if (lastMs < firstMs) std::swap(firstMs, lastMs);
    auto floorTo = [](int64_t v, int64_t step) { return (v >= 0 ? v / step : (v - step + 1) / step) * step; };
    TimeAxis a;
    for (int64_t step : kSteps) {
        const int64_t start = floorTo(firstMs, step);
        const int64_t end = floorTo(lastMs, step) + step; // the last time lies inside the axis
        if ((end - start) / step <= maxIntervals || step == kSteps[std::size(kSteps) - 1]) {
            a = { start, end, step, step >= kDay };
            break;
        }
    }
    return a;
}

} // namespace calens
