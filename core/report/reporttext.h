// SPDX-License-Identifier: MIT
#pragma once

#include "reportmodel.h"

#include <functional>

namespace calens {

// Calls `edit` on every string of the model (charts, tables and scripts included), so a pass such as
// redaction cannot miss a field added later as long as it is added here too.
// With `includeCode` false, the fixes' scripts and Graph requests are left out (they are edited inside their
// string literals only, see Redactor::applyToPowerShell).
void forEachString(ReportModel& model, const std::function<void(QString&)>& edit, bool includeCode = true);

// Makes text taken from logs inert when shown: bidirectional overrides, zero-width characters, line separators
// and other control characters (except tab and newline) become a visible "[U+202E]", so a name cannot
// reorder or hide what follows (text::visibleControls).
QString neutralizeControls(const QString& text);

} // namespace calens
