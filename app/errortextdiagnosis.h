// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/diagnosis.h"

#include <QStringList>

// `calens diagnose --error-text FILE|- [PATH...]`: reads the pasted error, finds its sign-in in PATH... and
// diagnoses it; with no match (or no PATH) says exactly what to fetch. Returns the exit code.
struct ErrorTextRequest
{
    QString source; // a file, or "-" for stdin
    QStringList paths, policyFiles, namedLocationFiles;
    calens::Overrides overrides;
    bool json = false;
};
int diagnoseErrorText(const ErrorTextRequest& request);
