// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis.h"
#include "flowchart.h"

#include "whatif/whatifevaluator.h"

namespace calens {

class Dataset;
class FactSheet;

// Walks the flowchart for one sign-in. Deterministic: the same data and overrides give the same result.
class Diagnoser
{
public:
    explicit Diagnoser(const Dataset& dataset, const Flowchart& chart = Flowchart::builtIn());
    enum class Detail
    {
        Full,
        NoFixes
    }; // clustering needs the cause, not the scripts
    Diagnosis diagnose(uint32_t row, const Overrides& overrides = {}, Detail detail = Detail::Full) const;

private:
    struct Outcome
    {
        bool forkToPolicies = false;
        std::string cause;
        double confidence = 0;
        std::vector<Diagnosis::Step> steps;
    };
    Outcome walk(const FactSheet& sheet, const std::string& from, const struct PolicyEval* policy,
        const Overrides& overrides) const;
    QString fill(const std::string& text, const FactSheet& sheet, const struct PolicyEval* policy) const;
    void workloadNotes(const FactSheet& sheet, QStringList& notes) const;

    // The cause an error code stands for when no policy explains the sign-in (the flowchart's "code-hint").
    void causeFromCode(const FactSheet& sheet, std::string& cause, double& confidence) const;

    const Dataset& m_dataset;
    const Flowchart& m_chart;
    whatif::WhatIfEvaluator m_whatIf; // one per diagnoser: policy extras parsed once, shared by every sign-in
};

// Finds the sign-in to diagnose: by request id, or by correlation id preferring a record with a
// Conditional Access failure (one flow can log several). UINT32_MAX when none matches.
uint32_t findSignIn(const Dataset& dataset, const QString& signInId, const QString& correlationId);

} // namespace calens
