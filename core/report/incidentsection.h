// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include "diagnosis/diagnosis.h"

#include <cstdint>

namespace calens {

class Dataset;
struct Incident;

// One incident's section: the blocking policies with their unmet controls and conditions, the diagnosis
// path with evidence and who answered, the fixes with scripts, and whether a later sign-in succeeded.
// `row` is the sign-in to diagnose (the one asked about, or the incident's first).
// `answers` are the admin's, given in the wizard.
ReportIncident incidentSection(
    const Dataset& dataset, const Incident& incident, uint32_t row, int number, const Overrides& answers = {});

QString causeTitle(const std::string& causeId);
QString isoText(int64_t ms); // "2026-10-14 23:42 UTC"; "-" when unknown
QString timeText(int64_t ms); // "2026-10-14 23:42:13"

} // namespace calens
