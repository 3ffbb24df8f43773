// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"

#include <nlohmann/json.hpp>

#include <QStringList>

#include <string>
#include <vector>

namespace calens {
class Dataset;
}

namespace calens::fix {

// What a change does to the sign-ins at hand, decided by the What-If evaluator with the live object before and
// after the change in place of the loaded one: the diagnosed sign-ins it lets through (or not, and why), and
// every other sign-in whose outcome for an affected policy changes.
struct BlastRadius
{
    struct Collateral
    {
        std::string signInId, policyId, policyName;
        std::string before; // the policy's result in the log ("failure", "success", ...)
        std::string after; // "notApplied" (let through) or "applies" (newly caught)
        std::string identity, ipAddress;
    };
    std::vector<std::string> fixed, notFixed; // diagnosed sign-in ids
    QStringList notFixedWhy; // one line per sign-in in notFixed
    std::vector<Collateral> collateral;
    QStringList affectedPolicies; // names of the policies whose evaluation the change can move
    QStringList summary; // sentences for the admin
    bool fixes() const { return !fixed.empty() && notFixed.empty(); }
};

// `before` / `after`: the live object before and after the change. `diagnosed`: the incident's sign-in rows.
BlastRadius blastRadius(const Dataset& dataset, const Change& change, const nlohmann::json& before,
    const nlohmann::json& after, const std::vector<uint32_t>& diagnosed);

} // namespace calens::fix
