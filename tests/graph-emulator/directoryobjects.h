// SPDX-License-Identifier: MIT
#pragma once

#include "rawreply.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace calens::emulator {

// Conditional Access policies and named locations as Graph keeps them: read (beta whole, v1.0 without the
// beta-only properties), updated with PATCH (the top-level properties sent replace the stored ones, the rest
// keep their values; a named location needs its @odata.type; v1.0 refuses properties it does not know),
// created (named locations, POST), deleted; modifiedDateTime moves on every write.
class DirectoryObjects
{
public:
    DirectoryObjects(const std::vector<std::string>& policies, const std::vector<std::string>& namedLocations);

    std::vector<std::string> list(const QString& collection, bool beta) const;
    RawReply get(const QString& collection, const QString& id, bool beta) const;
    RawReply patch(const QString& collection, const QString& id, const QByteArray& body, bool beta);
    RawReply post(const QString& collection, const QByteArray& body, bool beta);
    RawReply remove(const QString& collection, const QString& id);
    // For tests: an administrator changes the object in the portal behind CA Lens's back.
    RawReply edit(const QString& collection, const QString& id, const QByteArray& body);
    int writes() const { return m_writes; }

private:
    std::map<std::string, nlohmann::json>* store(const QString& collection);
    const std::map<std::string, nlohmann::json>* store(const QString& collection) const;
    void touch(nlohmann::json& object);

    std::map<std::string, nlohmann::json> m_policies, m_locations;
    int64_t m_lastWriteMs = 0;
    int m_writes = 0;
};

} // namespace calens::emulator
