// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace calens {

// The counts `calens analyze` reports (and the GUI's overview shows), computed in one pass.
struct Summary
{
    struct PolicyCounts
    {
        std::string id;
        std::string displayName;
        std::array<uint64_t, 9> results {}; // by PolicyResult
    };
    uint64_t signIns = 0;
    std::array<uint64_t, 5> types {}; // by SignInType
    std::map<int64_t, uint64_t> errorCodes; // errorCode -> count; sign-ins without a code are not counted
    uint64_t blocked53003 = 0;
    // Blocked by Conditional Access: AADSTS53003 and the other Conditional Access codes (isConditionalAccessBlock),
    // the same sign-ins as the filter error:ca, the Incidents view and the report.
    uint64_t blockedByCa = 0;
    std::array<uint64_t, 4> caStatus {}; // by CaStatus
    std::vector<PolicyCounts> policies; // in order of first appearance
    std::array<uint64_t, 10> unmetControls {}; // mfa, compliantDevice, ..., termsOfUse, other (see unmetControlName)
    int64_t first = INT64_MAX, last = INT64_MIN;
    uint64_t withoutPolicyDetail = 0; // sign-ins whose log has no per-policy list at all
};

Summary summarize(const Dataset& dataset);
const char* unmetControlName(size_t index);
uint16_t unmetControlBits(size_t index); // the Grant bits that unmetControls[index] counts
// "89 blocked by Conditional Access (87 with error 53003, 2 with other Conditional Access codes)": the one
// wording of that figure, for the command line, the window and the report.
QString blockedByCaText(const Summary& summary);

} // namespace calens
