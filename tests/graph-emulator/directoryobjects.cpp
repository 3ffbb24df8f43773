// SPDX-License-Identifier: MIT
#include "directoryobjects.h"

#include "ingest/timestamp.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

namespace calens::emulator {

using json = nlohmann::json;

namespace {

// Properties only the beta schema has (formats.md 2.1, from the beta type mappings): v1.0 neither returns
// nor accepts them.
const char* const kBetaOnly[]
    = { "conditions.deviceStates", "conditions.devices.includeDevices", "conditions.devices.excludeDevices",
          "conditions.devices.includeDeviceStates", "conditions.devices.excludeDeviceStates",
          "conditions.agentIdRiskLevels", "conditions.clientApplications.includeAgentIdServicePrincipals",
          "conditions.clientApplications.excludeAgentIdServicePrincipals",
          "conditions.clientApplications.agentIdServicePrincipalFilter", "conditions.applications.networkAccess",
          "conditions.applications.globalSecureAccess", "sessionControls.continuousAccessEvaluation",
          "sessionControls.globalSecureAccessFilteringProfile" };

json* at(json& j, const std::string& dotted, std::string* leaf)
{
    json* node = &j;
    size_t start = 0, dot;
    while ((dot = dotted.find('.', start)) != std::string::npos) {
        const std::string key = dotted.substr(start, dot - start);
        if (!node->is_object() || !node->contains(key)) return nullptr;
        node = &(*node)[key];
        start = dot + 1;
    }
    *leaf = dotted.substr(start);
    return node->is_object() ? node : nullptr;
}

json v1View(json object)
{
    for (const char* path : kBetaOnly) {
        std::string leaf;
        if (json* parent = at(object, path, &leaf)) parent->erase(leaf);
    }
    return object;
}

// The first beta-only property a v1.0 request body names, or empty.
std::string betaOnlyIn(json body)
{
    for (const char* path : kBetaOnly) {
        std::string leaf;
        if (json* parent = at(body, path, &leaf); parent && parent->contains(leaf)) return leaf;
    }
    return {};
}

RawReply notFound(const QString& id)
{
    return RawReply::graphError(404, "Request_ResourceNotFound",
        QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects are not present.")
            .arg(id));
}

json parseBody(const QByteArray& body)
{
    json j = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    return j.is_object() ? j : json();
}

bool validRanges(const json& ranges)
{
    if (!ranges.is_array()) return false;
    return std::all_of(ranges.begin(), ranges.end(), [](const json& r) {
        const std::string type = r.value("@odata.type", std::string());
        return r.is_object() && r.contains("cidrAddress") && r["cidrAddress"].is_string()
            && (type == "#microsoft.graph.iPv4CidrRange" || type == "#microsoft.graph.iPv6CidrRange");
    });
}

} // namespace

DirectoryObjects::DirectoryObjects(const std::vector<std::string>& policies, const std::vector<std::string>& locations)
{
    for (const std::string& p : policies) {
        json j = json::parse(p, nullptr, false);
        if (j.is_object() && j.contains("id")) m_policies[j["id"].get<std::string>()] = j;
    }
    for (const std::string& l : locations) {
        json j = json::parse(l, nullptr, false);
        if (j.is_object() && j.contains("id")) m_locations[j["id"].get<std::string>()] = j;
    }
}

std::map<std::string, json>* DirectoryObjects::store(const QString& collection)
{
    return collection == QLatin1String("policies")      ? &m_policies
        : collection == QLatin1String("namedLocations") ? &m_locations
                                                        : nullptr;
}

const std::map<std::string, json>* DirectoryObjects::store(const QString& collection) const
{
    return const_cast<DirectoryObjects*>(this)->store(collection);
}

void DirectoryObjects::touch(json& object)
{
    // Strictly increasing, so two writes in one millisecond still read as two changes.
    m_lastWriteMs = std::max<int64_t>(QDateTime::currentMSecsSinceEpoch(), m_lastWriteMs + 1);
    object["modifiedDateTime"] = formatIso(m_lastWriteMs);
    ++m_writes;
}

std::vector<std::string> DirectoryObjects::list(const QString& collection, bool beta) const
{
    std::vector<std::string> out;
    if (const auto* s = store(collection))
        for (const auto& [id, object] : *s) out.push_back((beta ? object : v1View(object)).dump());
    return out;
}

RawReply DirectoryObjects::get(const QString& collection, const QString& id, bool beta) const
{
    const auto* s = store(collection);
    const auto it = s ? s->find(id.toStdString()) : decltype(s->end()) {};
    if (!s || it == s->end()) return notFound(id);
    return RawReply::json(200, QByteArray::fromStdString((beta ? it->second : v1View(it->second)).dump()));
}

RawReply DirectoryObjects::patch(const QString& collection, const QString& id, const QByteArray& body, bool beta)
{
    auto* s = store(collection);
    const auto it = s ? s->find(id.toStdString()) : decltype(s->end()) {};
    if (!s || it == s->end()) return notFound(id);
    const json changes = parseBody(body);
    if (changes.is_null()) return RawReply::graphError(400, "BadRequest", QStringLiteral("Invalid request body."));
    if (!beta)
        if (const std::string unknown = betaOnlyIn(changes); !unknown.empty())
            return RawReply::graphError(400, "BadRequest",
                QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.%2'.")
                    .arg(QString::fromStdString(unknown),
                        collection == QLatin1String("policies") ? QStringLiteral("conditionalAccessPolicy")
                                                                : QStringLiteral("namedLocation")));
    if (collection == QLatin1String("namedLocations")) {
        if (changes.value("@odata.type", std::string()) != it->second.value("@odata.type", std::string()))
            return RawReply::graphError(400, "BadRequest",
                QStringLiteral("The @odata.type of a named location must be given and match the object."));
        if (changes.contains("ipRanges") && !validRanges(changes["ipRanges"]))
            return RawReply::graphError(400, "BadRequest", QStringLiteral("Invalid ipRanges."));
    }
    for (const auto& [key, value] : changes.items())
        if (key != "id" && key != "@odata.type" && key != "createdDateTime" && key != "modifiedDateTime")
            it->second[key] = value;
    touch(it->second);
    RawReply r = RawReply::json(204, {});
    return r;
}

RawReply DirectoryObjects::post(const QString& collection, const QByteArray& body, bool)
{
    if (collection != QLatin1String("namedLocations"))
        return RawReply::graphError(400, "BadRequest", QStringLiteral("Creating %1 is not emulated.").arg(collection));
    json object = parseBody(body);
    const std::string type = object.is_null() ? std::string() : object.value("@odata.type", std::string());
    if (type != "#microsoft.graph.ipNamedLocation" && type != "#microsoft.graph.countryNamedLocation")
        return RawReply::graphError(400, "BadRequest", QStringLiteral("A named location needs its @odata.type."));
    if (!object.contains("displayName") || !object["displayName"].is_string())
        return RawReply::graphError(400, "BadRequest", QStringLiteral("displayName is required."));
    if (type == "#microsoft.graph.ipNamedLocation" && !validRanges(object.value("ipRanges", json())))
        return RawReply::graphError(400, "BadRequest", QStringLiteral("Invalid ipRanges."));
    const std::string id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    object["id"] = id;
    touch(object);
    object["createdDateTime"] = object["modifiedDateTime"];
    m_locations[id] = object;
    return RawReply::json(201, QByteArray::fromStdString(object.dump()));
}

RawReply DirectoryObjects::remove(const QString& collection, const QString& id)
{
    auto* s = store(collection);
    if (!s || s->erase(id.toStdString()) == 0) return notFound(id);
    ++m_writes;
    return RawReply::json(204, {});
}

RawReply DirectoryObjects::edit(const QString& collection, const QString& id, const QByteArray& body)
{
    auto* s = store(collection);
    const auto it = s ? s->find(id.toStdString()) : decltype(s->end()) {};
    if (!s || it == s->end()) return notFound(id);
    const json changes = parseBody(body);
    if (changes.is_null()) return RawReply::graphError(400, "BadRequest", QStringLiteral("Invalid JSON."));
    it->second.merge_patch(changes); // JSON merge patch: nested objects are merged, lists replaced
    touch(it->second);
    return RawReply::json(200, QByteArray::fromStdString(it->second.dump()));
}

} // namespace calens::emulator
