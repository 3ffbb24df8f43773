// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include <functional>

namespace calens {

// Calls `edit` on every string of the model (charts, tables and scripts included), so a pass such as
// redaction cannot miss a field added later as long as it is added here too.
void forEachString(ReportModel& model, const std::function<void(QString&)>& edit);

// Makes text taken from logs inert when shown: bidirectional overrides, zero-width characters, line separators
// and other control characters (except tab and newline) become a visible "[U+202E]", so a name cannot
// reorder or hide what follows (text::visibleControls).
QString neutralizeControls(const QString& text);

} // namespace calens
