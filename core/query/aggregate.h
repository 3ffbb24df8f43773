// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"
#include "searchindex.h"

#include <QString>

#include <vector>

namespace calens {

// What the charts show, computed off the UI thread from the rows the table shows.
struct Bar
{
    QString label;
    QString filterTerm; // typed into the filter bar when the bar is clicked
    uint64_t count = 0;
};

enum class Dimension
{
    FailingPolicy,
    ReportOnlyFailingPolicy,
    UnmetControl,
    Identity,
    App,
    IpAddress,
    ErrorCode,
    SignInType,
    Country
};

// The `top` largest groups of `rows` (blocked-by-policy counts only failing evaluations). An index that
// covers the rows lets the policy and control series skip sign-ins without such evaluations.
std::vector<Bar> topBy(const Dataset& dataset, const std::vector<uint32_t>& rows, Dimension dimension, size_t top = 10,
    const SearchIndex* index = nullptr);

struct TimeBucket
{
    int64_t startMs = 0;
    uint64_t total = 0, blocked = 0; // blocked: Conditional Access block codes
};
// Evenly sized buckets (a round hour or day multiple) over the rows' time range.
std::vector<TimeBucket> timeline(const Dataset& dataset, const std::vector<uint32_t>& rows, int maxBuckets = 72);
// The bucket size timeline() uses for a time range: the smallest round step that needs fewer than `maxBuckets`
// (also what a Log Analytics summary bins by, so both draw the same chart).
int64_t timelineStep(int64_t firstMs, int64_t lastMs, int maxBuckets = 72);

// What the Sign-ins view charts for the rows shown: the time line and seven top-8 series, computed
// together on every core (`threads` 1: one after the other).
struct ChartSeries
{
    std::vector<TimeBucket> timeline;
    std::vector<Bar> byPolicy, byReportOnly, byControl, byIdentity, byApp, byIp, byError;
};
ChartSeries chartSeries(const Dataset& dataset, const std::vector<uint32_t>& rows, const SearchIndex* index = nullptr,
    unsigned threads = 0);

} // namespace calens
