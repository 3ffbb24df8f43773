// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/diagnosis.h"
#include "diagnosis/flowchart.h"

// The human text of `calens diagnose`: the sign-in, the cause, the path of questions, the fixes.
void printDiagnosis(const calens::Diagnosis& d, const calens::Flowchart& chart);
