// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace calens::graph {

// What to fetch. The window is half-open: since <= createdDateTime < until.
struct FetchOptions
{
    int64_t sinceMs = 0;
    int64_t untilMs = 0;
    bool userSignIns = true; // interactive + non-interactive (one query: Graph allows combining these two)
    bool servicePrincipalSignIns = true;
    bool managedIdentitySignIns = true;
    std::optional<int> errorCode; // status/errorCode eq N
    QString correlationId, userId, appId;
    int slices = 4; // time slices per event-type query
    int concurrency = 4; // requests in flight at once
    int pageSize = 1000; // $top, at most 1000
    bool directoryData = true; // policies, named locations, referenced service principals, directory audits
};

} // namespace calens::graph
