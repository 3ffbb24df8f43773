// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace calens::la {

// An incident assembled from a workspace's answers: the situations that share incidentKey(), with their counts.
// The rows stay in the workspace; `situations` names them for fetching.
struct RemoteIncident
{
    struct Member
    {
        QString kind, id, name; // an identity (kind: user | servicePrincipal | managedIdentity), or an app (no kind)
        uint64_t count = 0;
    };
    std::string key; // incidentKey() of its situations
    std::string cause;
    double confidence = 0; // the lowest among its situations
    QString policyId, policyName;
    QStringList unmetControls;
    // The identity, app and resource of its earliest sign-in, the one the diagnosis is shown for.
    QString principalKind, principalId, principalName, appId, appName, resourceId, resourceName;
    uint64_t count = 0;
    int64_t firstMs = INT64_MIN, lastMs = INT64_MIN;
    QString sampleCorrelationId; // of its earliest sign-in
    uint32_t sampleRow = UINT32_MAX; // that sign-in in the samples dataset
    std::vector<QString> situations; // sorted
    std::vector<Member> identities, apps; // most blocked first
    // The last success of the same identity to the same app before the first failure (LastSuccess), if found.
    int64_t lastSuccessMs = INT64_MIN;
    QString lastSuccessCorrelationId;
};

} // namespace calens::la
