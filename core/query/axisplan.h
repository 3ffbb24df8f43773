// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace calens {

// Axes whose ticks say something true: counts on whole numbers (1, 2 or 5 times a power of ten), times on
// round hours or days. Shared by the window's charts and the report's.
struct CountAxis
{
    uint64_t top = 1; // the axis runs from 0 to top
    uint64_t step = 1; // a tick every step
    int ticks() const { return int(top / step) + 1; }
};
CountAxis countAxis(uint64_t max, int maxIntervals = 4);

struct TimeAxis
{
    int64_t startMs = 0, endMs = 0; // on a tick each
    int64_t stepMs = 0;
    bool days = false; // label with dates only
    int ticks() const { return stepMs > 0 ? int((endMs - startMs) / stepMs) + 1 : 0; }
};
// An axis covering [firstMs, lastMs] in UTC; first == last still gets one step.
TimeAxis timeAxis(int64_t firstMs, int64_t lastMs, int maxIntervals = 6);

} // namespace calens
