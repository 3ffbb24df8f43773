// SPDX-License-Identifier: MIT
#pragma once

#include "answer.h"
#include "blockintent.h"

#include "fix/change.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace calens {

// The outcome of diagnosing one sign-in: the path through the flowchart with its evidence, the ranked
// causes, the policies that blocked, and the fixes to review. Plain values: it crosses threads and
// feeds the CLI JSON, the wizard and the report alike.
struct Diagnosis
{
    struct Step
    {
        std::string id;
        QString question;
        QString label; // a few words, for the drawn path
        Answer answer = Answer::Unknown;
        Answer dataAnswer = Answer::Unknown; // what the data said, whoever answered
        bool byAdmin = false;
        QStringList evidence;
        QString help;
        QString policyId; // set for questions about one failing policy
    };
    struct Cause
    {
        std::string id;
        double confidence = 0;
        QStringList evidence;
        QString policyId; // the failing policy this cause explains, if any
    };
    struct BlockingPolicy
    {
        QString id, displayName, result;
        QStringList unmetControls;
    };
    struct GraphRequest
    {
        QString method, url;
        std::string body; // JSON text; "{}" when there is none
    };
    struct Fix
    {
        std::string id;
        QString title, portal, powershell, verify, kql, graphFilter;
        QString tab; // the title in a few words, for a tab; empty when the flowchart has none
        GraphRequest graphRequest;
        QString policyId;
        QString withheld; // why there is no script or request (an id in the data is not well-formed)
        // The one change this fix makes, when it is one CA Lens can plan, apply and roll back (calens fix).
        std::optional<fix::Change> change;
    };

    uint32_t row = 0;
    QString signInId, correlationId;
    bool hasErrorCode = false;
    int errorCode = 0;
    QString principalKind, principalId, principalName;
    std::vector<BlockingPolicy> blockingPolicies;
    std::string cause = "unknown";
    double confidence = 0;
    std::vector<Cause> causes; // best first
    std::vector<Step> steps;
    std::vector<Fix> fixes;
    BlockIntent intent; // whether the block is the policy doing its job (then tell the user, change nothing)
    QStringList notes; // report-only policies that would block, service dependencies, missing inputs
};

// An admin's answer to a question, overriding what the data said. Key: the step id, or
// "<step id>@<policy id>" for a question about one failing policy.
using Overrides = std::map<std::string, Answer>;

} // namespace calens
