// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace calens {

// One change to a Conditional Access policy or named location, from the directory audit log
// (auditLogs/directoryAudits, category "Policy"): who changed what, when, and what differs.
struct DirectoryChange
{
    std::string id; // the audit record's id
    int64_t whenMs = INT64_MIN;
    std::string activity; // "Update conditional access policy", "Add named location", ...
    std::string actor; // UPN (or name) of the admin, or the app's name when an app made the change
    bool actorIsApp = false; // app names stay in redacted reports; people do not
    std::string result; // "success", "failure", ...
    std::string targetId, targetName, targetType;
    std::vector<std::string> details; // "state: enabledForReportingButNotEnforced → enabled", at most a few
};

} // namespace calens
