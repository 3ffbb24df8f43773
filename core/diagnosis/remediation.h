// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis.h"
#include "flowchart.h"

namespace calens {

class Dataset;
class FactSheet;

// The fixes for a diagnosis, ready to review and never applied: portal steps, a Microsoft Graph
// PowerShell script that saves the current object before the smallest change, the equivalent Graph
// request, and how to verify (the sign-in to expect, a Log Analytics query, a Graph filter).
std::vector<Diagnosis::Fix> buildFixes(
    const Dataset& dataset, const FactSheet& sheet, const Diagnosis& diagnosis, const Flowchart& chart);

} // namespace calens
