// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

namespace calens {

// The words an admin sees in the Microsoft Entra admin center for what CA Lens names internally: a condition
// (the Graph analysisReasons name: "users", "devicePlatform", ...), a policy result as the sign-in log writes it
// ("notApplied", "reportOnlyFailure"), an offline evaluation's outcome ("doesNotApply").
QString conditionLabel(std::string_view reason);
QString policyResultLabel(std::string_view result);
QString outcomeLabel(std::string_view outcome);
// A What-If detail line "users: excluded (group ...)" with its condition name in admin words.
QString detailLine(std::string_view line);

} // namespace calens
