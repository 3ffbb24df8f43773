// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace calens::graph {

// Where a fetch stands; sent with every page.
struct FetchProgress
{
    QString phase; // "signing in", "fetching", "done"
    QString current; // label of the query whose page just arrived
    int pages = 0;
    uint64_t signIns = 0; // distinct sign-ins in the dataset
    uint64_t duplicates = 0; // records seen twice (slice edges, re-sent pages)
    int queriesDone = 0;
    int queriesTotal = 0;
    int retries = 0;
};

} // namespace calens::graph

Q_DECLARE_METATYPE(calens::graph::FetchProgress)
