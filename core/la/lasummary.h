// SPDX-License-Identifier: MIT
#pragma once

#include "query/aggregate.h"
#include "query/summary.h"

#include <vector>

namespace calens::la {

// What `calens analyze` reports and the overview and charts show, assembled from a workspace's answers.
struct LaSummary
{
    Summary summary; // the analyze keys (Summary::first/last: the time range of the sign-ins)
    std::vector<Bar> apps, identities; // blocked by Conditional Access, biggest first (label, count)
    std::vector<TimeBucket> timeline; // every bin from the first to the last sign-in, empty ones included
    int64_t binMs = 0;
};

} // namespace calens::la
