// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/incident.h"
#include "ingest/inputreport.h"
#include "summary.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <vector>

namespace calens {

// One bar of the overview's top lists: what it counts, how many, and the filter that shows those sign-ins.
struct OverviewEntry
{
    QString label;
    uint64_t count = 0;
    QString filter; // a filter-bar term, quoted by the query layer
};

// What the Overview dock shows for the loaded data, as values (the widget draws them).
struct Overview
{
    uint64_t signIns = 0, blockedByCa = 0, blocked53003 = 0, identitiesAffected = 0, incidents = 0;
    QString blockedText; // "89 blocked by Conditional Access (87 with error 53003, …)"
    int64_t firstMs = INT64_MAX, lastMs = INT64_MIN;
    std::array<uint64_t, 5> types {}; // by SignInType
    std::vector<OverviewEntry> policies, apps, identities; // biggest first
    size_t policiesKnown = 0, namedLocationsKnown = 0;
    QStringList inputs; // one line per input: file, format in words, records, problems
};

// The overview of everything loaded (not of the filter: its entries set the filter). `incidents` are the
// clusters of every block in the data; `top` bounds each list.
Overview computeOverview(const Dataset& dataset, const Summary& summary, const std::vector<Incident>& incidents,
    const std::vector<InputReport>& reports, size_t top = 5);

// "Microsoft Graph sign-in export", "Entra admin center CSV download"...: a format as an admin knows it.
QString formatInWords(Format format);

} // namespace calens
