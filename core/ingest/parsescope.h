// SPDX-License-Identifier: MIT
#pragma once

#include "arena.h"

#include <simdjson.h>

#include <array>
#include <string>

namespace calens {

// Per-reader state for parsing one record: nested parsers for JSON that arrives inside strings
// (Log Analytics dynamic columns, CSV cells), an arena for strings that must outlive them, and what
// was lost to PowerShell's depth truncation.
struct ParseScope
{
    static constexpr int kMaxNesting = 4;
    std::array<simdjson::ondemand::parser, kMaxNesting> parsers;
    std::array<std::string, kMaxNesting> padded;
    Arena arena;
    simdjson::error_code error = simdjson::SUCCESS; // first parse error in this record
    uint32_t truncatedFields = 0; // bits of TruncatedField seen in this record

    void reset()
    {
        arena.reset();
        error = simdjson::SUCCESS;
        truncatedFields = 0;
    }
    void fail(simdjson::error_code e)
    {
        if (error == simdjson::SUCCESS) error = e;
    }
};

// Fields a PowerShell ConvertTo-Json with too small a -Depth turns into type-name strings.
enum TruncatedField : uint32_t
{
    TruncatedStatus = 1,
    TruncatedDevice = 2,
    TruncatedLocation = 4,
    TruncatedPolicies = 8,
    TruncatedPolicyControls = 16,
    TruncatedNetwork = 32,
    TruncatedOther = 64,
};

} // namespace calens
