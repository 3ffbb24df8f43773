// SPDX-License-Identifier: MIT
#pragma once

#include "errortext.h"

#include <cstdint>

namespace calens {

class Dataset;

// The sign-in a pasted error stands for, and how it was found.
struct ErrorMatch
{
    enum class By
    {
        None,
        CorrelationId,
        RequestId,
        Time // within kErrorMatchWindowMs of the error's time, narrowed by app, IP, device and user
    };
    uint32_t row = UINT32_MAX;
    By by = By::None;
    bool found() const { return by != By::None; }
};

// Clocks differ a little and a flow's sign-in can precede the error an app reports by minutes.
constexpr int64_t kErrorMatchWindowMs = 5 * 60 * 1000;

// Correlation id, else request id, else the time: a failed sign-in within the window whose code is one of the
// error's and that no hint contradicts; the one that agrees with the most hints wins, then the closest in time.
// Time alone (no hint agrees) is a match only when exactly one sign-in fits.
ErrorMatch matchErrorText(const Dataset& dataset, const ErrorText& error);

const char* matchedByName(ErrorMatch::By by); // "correlationId", "requestId", "time", "none"

} // namespace calens
