// SPDX-License-Identifier: MIT
#pragma once

#include "cloud.h"
#include "fetchoptions.h"
#include "ingest/format.h"

#include <QString>
#include <QUrl>

#include <utility>
#include <vector>

namespace calens::graph {

// One list query to follow to its last page.
struct PlannedQuery
{
    enum class Kind
    {
        SignIns,
        Policies,
        NamedLocations,
        ServicePrincipals,
        DirectoryAudits
    };
    Kind kind = Kind::SignIns;
    QString label; // "servicePrincipal 2026-10-01T00:00:00Z..2026-10-01T06:00:00Z"
    QUrl url;
    int chain = -1; // which run of pages this is, set when it starts (the fetch tracks each run's links)
    Format format() const;
};

// [since, until) cut into n contiguous half-open slices of (almost) equal length: no gap, no overlap.
std::vector<std::pair<int64_t, int64_t>> timeSlices(int64_t sinceMs, int64_t untilMs, int n);

// The $filter of one sign-in query (event-type clause, time slice, error code, correlation, user, app).
QString signInFilter(const FetchOptions& options, const QString& typeClause, int64_t fromMs, int64_t toMs);

// Event-type queries × time slices for /beta/auditLogs/signIns, with Prefer handled by the client.
std::vector<PlannedQuery> planSignInQueries(const FetchOptions& options, const Endpoints& endpoints);
// CA policies, named locations and the directory audits of policy changes in the window.
std::vector<PlannedQuery> planDirectoryQueries(const FetchOptions& options, const Endpoints& endpoints);
// Service principals by appId or object id, 15 per query ("in" takes at most 15 values).
std::vector<PlannedQuery> planServicePrincipalQueries(
    const std::vector<QString>& appIds, const std::vector<QString>& objectIds, const Endpoints& endpoints);

QUrl listUrl(const Endpoints& endpoints, const QString& path, const QString& filter, int top);

} // namespace calens::graph
