// SPDX-License-Identifier: MIT
#pragma once

#include "query/aggregate.h"
#include "query/filter.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace calens {

// One answer to "what does the current filter show": rows in display order plus the chart series,
// computed together on a worker and swapped in on the UI thread as one immutable value.
struct QuerySnapshot
{
    quint64 generation = 0;
    std::shared_ptr<const std::vector<uint32_t>> rows = std::make_shared<std::vector<uint32_t>>();
    std::vector<TimeBucket> timeline;
    std::vector<Bar> byPolicy, byControl, byIdentity, byApp, byIp, byError, byReportOnly;
    QStringList filterErrors;
    qint64 millis = 0; // time the worker spent
    // While a file loads: the answer covers the dataset's first `covered` sign-ins, and the chart
    // series may be those of an earlier batch (they follow at a lower rate) unless chartsFresh.
    size_t covered = 0;
    bool chartsFresh = true;
};

} // namespace calens
