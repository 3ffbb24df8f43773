// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>

namespace calens::fix {

// One fix as one typed change on one directory object. The PowerShell script, the Graph request, the portal
// steps, the plan and the blast radius are all rendered from it, so they cannot disagree about what changes.
struct Change
{
    enum class Kind
    {
        ExcludeUser, // add a user object id to conditions.users.excludeUsers of a policy
        ExcludeServicePrincipal, // add a service principal id to conditions.clientApplications.excludeServicePrincipals
        AddIpRange, // add a CIDR range to the ipRanges of an IP named location
    };
    enum class Target
    {
        Policy,
        NamedLocation
    };
    Kind kind = Kind::ExcludeUser;
    QString targetId; // the policy or the named location (a canonical GUID)
    QString targetName; // as the data names it: for people, never for code
    QString value; // the user id, service principal id (canonical GUIDs) or the canonical CIDR range
    QString valueName; // who or what the value is, for people

    Target target() const { return kind == Kind::AddIpRange ? Target::NamedLocation : Target::Policy; }
    // The property path the change adds to, as Graph names it.
    const char* path() const;
    // The top-level property a PATCH carries: Graph only promises that omitted top-level properties keep their
    // values, so the whole of this one is sent, built from the live object.
    const char* topLevelProperty() const;
    // Graph's collection for the target: "policies" or "namedLocations" under /identity/conditionalAccess/.
    const char* collection() const;
    // "add svc-x (<id>) to conditions.users.excludeUsers of 'CA016'"
    QString describe() const;
    // The kind as the plan file writes it, and back.
    const char* kindName() const;
    static bool kindFromName(const QString& name, Kind* kind);
    // Ids and ranges in their strict form (a value that is not is never placed in code or a request).
    bool isWellFormed() const;
};

// The API version CA Lens reads and writes directory objects with. Beta: its objects carry every property
// (v1.0 lacks e.g. the agent-identity fields), and a PATCH built from a v1.0 read could not carry them back.
inline constexpr const char* kObjectApiVersion = "beta";

} // namespace calens::fix
