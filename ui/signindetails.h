// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/inputreport.h"
#include "model/dataset.h"
#include "query/summary.h"

#include <QString>

#include <vector>

namespace calens {

// Text for the details pane: every field of one sign-in and its policy results, failures first.
QString signInDetailsText(const Dataset& dataset, uint32_t row);
// The overview beside the table: inputs, counts, and the policies that blocked. Log text is escaped.
QString summaryHtml(const Dataset& dataset, const Summary& summary, const std::vector<InputReport>& reports);

} // namespace calens
