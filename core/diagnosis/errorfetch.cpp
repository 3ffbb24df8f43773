// SPDX-License-Identifier: MIT
#include "errorfetch.h"

#include "errormatch.h"

#include <algorithm>

namespace calens {

namespace {
// Entra keeps sign-in activity 30 days with P1/P2 (Microsoft Entra documentation, "Microsoft Entra data
// retention", reference-reports-data-retention); older sign-ins are gone from Graph.
constexpr int64_t kGraphRetentionMs = 30LL * 24 * 3600 * 1000;
} // namespace

std::optional<graph::FetchOptions> fetchOptionsFor(const ErrorText& error, int64_t nowMs)
{
    const bool hasTime = error.timestampMs != kNoTime;
    if (error.correlationId.isEmpty() && !hasTime) return std::nullopt;
    graph::FetchOptions options;
    if (hasTime) {
        options.sinceMs = error.timestampMs - kErrorMatchWindowMs;
        options.untilMs = std::min(nowMs, error.timestampMs + kErrorMatchWindowMs + 1); // half-open: include the end
    } else {
        options.sinceMs = nowMs - kGraphRetentionMs;
        options.untilMs = nowMs;
    }
    if (options.untilMs <= options.sinceMs) return std::nullopt; // a time in the future: nothing to ask for
    options.slices = 1;
    options.directoryData = true; // the diagnosis needs the policies and named locations as they are now
    if (!error.correlationId.isEmpty()) {
        options.correlationId = error.correlationId; // every sign-in of the flow, the successes around it too
        return options;
    }
    if (!error.codes.isEmpty()) options.errorCode = error.codes.first();
    options.appId = error.appId;
    return options;
}

} // namespace calens
