// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace calens {

// Blocked sign-ins that share a blocking policy, principal, app/resource, unmet controls and cause:
// the unit the UI and the report work with.
struct Incident
{
    std::string cause;
    double confidence = 0;
    QString policyId, policyName;
    QStringList unmetControls;
    QString principalKind, principalId, principalName;
    QString appId, appName, resourceId, resourceName;
    uint64_t count = 0;
    int64_t firstMs = INT64_MIN, lastMs = INT64_MIN;
    uint32_t firstRow = 0; // the earliest blocked sign-in: the one to diagnose and show
    std::vector<uint32_t> rows;

    // What changed between the last success of the same principal and app and the first failure.
    uint32_t lastSuccessRow = UINT32_MAX;
    QStringList changes;
};

} // namespace calens
