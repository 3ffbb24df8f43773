// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include "diagnosis/diagnosis.h"

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

// The sign-in the admin asked about and the answers they gave in the wizard: the report is then about that
// sign-in's incident alone, diagnosed on that sign-in with those answers.
struct ReportFocus
{
    uint32_t row = UINT32_MAX;
    Overrides answers;
    bool isSet() const { return row != UINT32_MAX; }
};

// The incident `row` belongs to: among `incidents` (the window's), else among every block of the data.
// Nothing when the sign-in was not blocked by Conditional Access; `error` says so.
std::optional<Incident> incidentOf(
    const Dataset& dataset, const std::vector<Incident>& incidents, uint32_t row, QString* error);

// Builds the report for incidents the caller already has (the window's), biggest first; with a focus, for
// the focus sign-in's incident only (no incidents when it was not blocked: check with incidentOf first).
ReportModel buildReport(const Dataset& dataset, std::vector<Incident> incidents, const ReportRequest& request,
    const ReportFocus& focus = {});

// The `calens report` path: clusters the blocks, or picks the incident of --correlation-id. Nothing when
// there is nothing to report (no such correlation id, no block); `error` says why.
std::optional<ReportModel> buildReport(const Dataset& dataset, const ReportRequest& request, QString* error);

} // namespace calens
