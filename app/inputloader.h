// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingestjob.h"
#include "model/dataset.h"

#include <QStringList>

// Loads the inputs a command names into a dataset and says, on stderr, what could not be read.
// Returns 0, or 2 when an input named on the command line cannot be used or nothing was readable.
int loadInputs(calens::IngestJob& job, const QStringList& paths, const QStringList& policyFiles,
    const QStringList& namedLocationFiles);
