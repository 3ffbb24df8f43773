// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace calens {

// An application (and the resource it asked for) that an incident blocked.
struct IncidentApp
{
    QString appId, appName, resourceId, resourceName;
    uint64_t count = 0;
};

// One identity inside an incident: who was blocked, how often, and which sign-in to diagnose for them.
struct IncidentIdentity
{
    QString kind, id, name; // kind: user | servicePrincipal | managedIdentity (the diagnosis's words)
    uint64_t count = 0;
    int64_t firstMs = INT64_MIN, lastMs = INT64_MIN;
    uint32_t firstRow = 0; // its earliest blocked sign-in: the sample the wizard opens on
    std::vector<uint32_t> rows;
    std::vector<uint32_t> apps; // positions in Incident::apps; the first is the app of its first block

    // What changed between its last success to the app of its first block and that block (explainChanges).
    uint32_t lastSuccessRow = UINT32_MAX;
    QStringList changes;
};

// One root cause: the sign-ins one policy blocked for one reason, whoever signed in and to whichever app.
// "CA002 blocks 14 service principals because they cannot answer MFA" is one problem with one fix pattern;
// the identities and apps it hit are listed inside. The diagnosis and the fix are made for a concrete
// sign-in: the incident's earliest (firstRow) or one identity's (IncidentIdentity::firstRow).
struct Incident
{
    std::string cause;
    double confidence = 0; // the lowest among its sign-ins: as sure as its least sure member
    QString policyId, policyName;
    QStringList unmetControls; // every control its sign-ins left unmet, in order of appearance
    uint64_t count = 0;
    int64_t firstMs = INT64_MIN, lastMs = INT64_MIN;
    uint32_t firstRow = 0; // the earliest blocked sign-in: the one to diagnose and show
    std::vector<uint32_t> rows;
    std::vector<IncidentIdentity> identities; // most blocked first
    std::vector<IncidentApp> apps; // most blocked first
};

} // namespace calens
