// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace calens {

constexpr int64_t kNoTime = INT64_MIN;

// UTC milliseconds from the date forms exports use: ISO 8601 with Z or an offset and up to 7 fraction
// digits, "M/D/YYYY h:mm:ss AM" (portal, US), "M/D/YYYY, h:mm:ss.fff PM" (Log Analytics, en-US),
// D/M/YYYY when the first number cannot be a month, 24-hour clocks, and "/Date(ms)/" (Windows PowerShell).
int64_t parseTimestamp(std::string_view text);
// "2026-01-01T00:00:00Z", or "2026-01-01T00:00:00.123Z" when there are milliseconds.
std::string formatIso(int64_t ms);
int64_t daysFromCivil(int y, unsigned m, unsigned d);

struct Civil
{
    int year, month, day, hour, minute, second, millis;
};
Civil civilFromMs(int64_t ms); // UTC calendar fields of a millisecond timestamp

} // namespace calens
