// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace calens {

// Every input CA Lens reads. The first eight are sign-in formats (names as in the CLI contract);
// the rest carry directory data.
enum class Format
{
    GraphJson, // Graph list response(s) (v1.0/beta), one saved page or several, a single sign-in, or a fetch file
    PortalJson, // Entra admin center JSON download: bare array (or wrapped without @odata.context)
    PortalCsv, // Entra admin center CSV download (interactive, non-interactive, application, managed identity)
    LaCsv, // Log Analytics query result exported as CSV
    LaJson, // Log Analytics query API response {"tables":[{"columns":[...],"rows":[...]}]}
    DiagRecords, // diagnostic settings / Event Hubs {"records":[...]}
    DiagJsonl, // diagnostic settings storage blob PT1H.json: one record per line
    PowershellJson, // Get-MgAuditLogSignIn | ConvertTo-Json (PascalCase, maybe depth-truncated)
    Policies, // Graph conditionalAccessPolicy list or object (also What-If results)
    NamedLocations, // Graph namedLocation list or object
    ServicePrincipals, // Graph servicePrincipal list
    LaPolicyRows, // Log Analytics rows of ConditionalAccessPolicies expanded one row per policy
    DirectoryAudits, // Graph auditLogs/directoryAudits list: who changed which policy or named location
    Unknown,
};

std::string_view formatName(Format f);
std::optional<Format> formatFromName(std::string_view name);
bool isSignInFormat(Format f);

} // namespace calens
