// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

namespace calens {

class Dataset;

// Names for the ids a policy lists, from what the data holds: service principals and applications (the
// service principal list and the apps sign-ins name), users (the UPNs sign-ins name), named locations, and
// Conditional Access's special values. An id the data cannot name says what it is ("group 1a2b…").
class DirectoryNames
{
public:
    enum class Kind
    {
        User,
        Group,
        Role,
        ServicePrincipal,
        Application,
        Location
    };
    // Only the ids in `wanted` are looked up in the sign-ins (one pass), so this stays cheap on big data.
    DirectoryNames(const Dataset& dataset, const std::vector<std::string>& wanted);
    QString name(Kind kind, const std::string& id) const;
    QString list(Kind kind, const std::vector<std::string>& ids) const; // "svc-a, group 1a2b…", empty when none

private:
    std::unordered_map<std::string, std::string> m_names; // id -> display name
};

} // namespace calens
