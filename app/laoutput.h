// SPDX-License-Identifier: MIT
#pragma once

#include "la/lajob.h"

#include <QString>

// What `calens la` and `calens adx` print when the queries are done: the summary with analyze's keys, the incident
// list, or what fetch wrote; each says which queries had to be split to stay within the service's limits.
struct LaOutput
{
    const calens::la::LaJob& job;
    calens::la::TimeWindow window;
    calens::la::LaPipeline::Verb verb;
    int incident;
    QString outPath;

    void printSummary(bool json) const;
    void printIncidents(bool json) const;
    void printFetch(bool json, uint64_t rows) const;
};
