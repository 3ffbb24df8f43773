// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

namespace calens {

// What one value may add to page layout (PDF and HTML). Text layout grows faster than a paragraph's length and
// table layout faster than its rows, so one 512 KB name or 100,000 failing policies took minutes. Longer strings
// are cut and say how much more the JSON report has; longer lists keep their first entries and say how many
// more there are. The JSON report is written from the model as it is, whole.
struct LayoutLimits
{
    qsizetype maxChars = 2000; // per string (a script keeps 20,000)
    qsizetype maxScriptChars = 20000;
    size_t maxPolicies = 50; // blocking policies per incident
    qsizetype maxItems = 40; // evidence lines per step, notes, changes, conditions, other causes
    size_t maxSteps = 60;
    size_t maxOverviewRows = 500; // incidents in the overview table (the appendix keeps every sign-in)
    size_t maxIdentityRows = 200; // identities listed in an incident's section
};

// `model` within `limits`, for the PDF and HTML renderers.
ReportModel limitedForLayout(const ReportModel& model, const LayoutLimits& limits = {});

} // namespace calens
