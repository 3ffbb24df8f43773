// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include <vector>

namespace calens {

class Dataset;
struct Incident;

// The timeline and the breakdowns (by policy, by unmet control, by identity), as series.
void addCharts(ReportModel& model, const Dataset& dataset, const std::vector<Incident>& incidents, int64_t firstMs,
    int64_t lastMs);

// The incident overview and the appendix of affected sign-ins, oldest first.
void addTables(ReportModel& model, const Dataset& dataset, const std::vector<Incident>& incidents);

} // namespace calens
