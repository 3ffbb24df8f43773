// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace calens {

class Dataset;
struct Incident;

struct ReportRequest
{
    QString title; // empty: derived from the incident
    QString correlationId; // empty: every Conditional Access block in the data
    bool redact = false;
    int64_t generatedAtMs = INT64_MIN; // INT64_MIN: now (tests and the sample pin it)
    QString toolVersion; // empty: this build's version
    size_t detailedIncidents = 12; // incidents with a full section; the rest are in the overview table
};

// Builds the report for incidents the caller already has (the window's), biggest first. `focusRow` is the
// sign-in the admin asked about (diagnosed instead of the first incident's first sign-in).
ReportModel buildReport(const Dataset& dataset, std::vector<Incident> incidents, const ReportRequest& request,
    uint32_t focusRow = UINT32_MAX);

// The `calens report` path: clusters the blocks, or picks the incident of --correlation-id. Nothing when
// there is nothing to report (no such correlation id, no block); `error` says why.
std::optional<ReportModel> buildReport(const Dataset& dataset, const ReportRequest& request, QString* error);

} // namespace calens
