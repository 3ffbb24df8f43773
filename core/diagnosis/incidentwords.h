// SPDX-License-Identifier: MIT
#pragma once

#include "incident.h"

#include <QString>

namespace calens {

// How the window and the report name the identities and apps of an incident.

// "user", "service principals", "managed identity"... for a principal kind as the diagnosis gives it.
QString kindWord(const QString& kind, uint64_t count = 1);
// "1 sign-in", "12 sign-ins": a count with its noun, in the singular or the plural.
QString counted(uint64_t count, const QString& one, const QString& many);
// "14 service principals", "1 user", "2 users and 1 service principal".
QString identitiesInWords(const Incident& incident);
// Up to `maxNames` identities by name ("a, b and c"); more are counted as identitiesInWords does.
QString identitiesNamed(const Incident& incident, int maxNames = 3);
// An app as an admin knows it: its name, else its resource's, else its id.
QString appLabel(const IncidentApp& app);
// "Power BI Desktop", "Azure Portal and Graph Explorer", "Azure Portal, Graph Explorer and 3 more".
QString appsInWords(const Incident& incident, const std::vector<uint32_t>& apps, int maxNames = 2);
QString appsInWords(const Incident& incident, int maxNames = 2);

// What the Incidents view says about an incident, or about one identity of it (`identity` not null): who was
// blocked, by which policy, why, and what changed for that identity (for the incident: for the identity whose
// sign-in opened it). Plain text: names and policy names are shown, never interpreted.
QString incidentDetails(const Incident& incident, const IncidentIdentity* identity = nullptr);

} // namespace calens
