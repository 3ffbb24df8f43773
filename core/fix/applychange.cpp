// SPDX-License-Identifier: MIT
#include "applychange.h"

namespace calens::fix {

using json = nlohmann::json;

namespace {

const char* kIpNamedLocation = "#microsoft.graph.ipNamedLocation";

bool containsString(const json& list, const std::string& value)
{
    for (const json& v : list)
        if (v.is_string() && v.get<std::string>() == value) return true;
    return false;
}

json cidrRange(const std::string& cidr)
{
    return json { { "@odata.type",
                      cidr.find(':') != std::string::npos ? "#microsoft.graph.iPv6CidrRange"
                                                          : "#microsoft.graph.iPv4CidrRange" },
        { "cidrAddress", cidr } };
}

std::optional<AppliedChange> refuse(QString* why, const QString& text)
{
    if (why) *why = text;
    return std::nullopt;
}

} // namespace

json withoutVolatile(json object)
{
    if (object.is_object()) {
        object.erase("modifiedDateTime");
        object.erase("@odata.context");
    }
    return object;
}

std::optional<AppliedChange> applyChange(const json& live, const Change& change, QString* why)
{
    if (!live.is_object()) return refuse(why, QStringLiteral("the object read from Graph is not a JSON object"));
    if (!change.isWellFormed())
        return refuse(why, QStringLiteral("the change names an id or range that is not in its strict form"));
    if (live.value("id", std::string()) != change.targetId.toStdString())
        return refuse(why, QStringLiteral("the object read is not %1").arg(change.targetId));
    AppliedChange out;
    out.after = live;
    const std::string value = change.value.toStdString();
    if (change.target() == Change::Target::Policy) {
        json& conditions = out.after["conditions"];
        if (!conditions.is_object()) return refuse(why, QStringLiteral("the policy has no conditions"));
        const char* parent = change.kind == Change::Kind::ExcludeUser ? "users" : "clientApplications";
        const char* list = change.kind == Change::Kind::ExcludeUser ? "excludeUsers" : "excludeServicePrincipals";
        json& node = conditions[parent];
        if (!node.is_object())
            return refuse(why,
                change.kind == Change::Kind::ExcludeUser
                    ? QStringLiteral("the policy has no user assignments to exclude from")
                    : QStringLiteral("the policy does not target service principals (no workload identities "
                                     "in its assignments), so excluding one changes nothing"));
        json& excluded = node[list];
        if (excluded.is_null()) excluded = json::array();
        if (!excluded.is_array())
            return refuse(why, QStringLiteral("%1 is not a list").arg(QLatin1String(change.path())));
        if (containsString(excluded, value))
            return refuse(why,
                QStringLiteral("%1 is already excluded in the live policy; nothing to change")
                    .arg(change.valueName.isEmpty() ? change.value : change.valueName));
        excluded.push_back(value);
        out.patchBody = json { { "conditions", conditions } };
        return out;
    }
    if (live.value("@odata.type", std::string()) != kIpNamedLocation)
        return refuse(why, QStringLiteral("the named location is not an IP ranges location"));
    json& ranges = out.after["ipRanges"];
    if (ranges.is_null()) ranges = json::array();
    if (!ranges.is_array()) return refuse(why, QStringLiteral("ipRanges is not a list"));
    for (const json& r : ranges)
        if (r.is_object() && r.value("cidrAddress", std::string()) == value)
            return refuse(
                why, QStringLiteral("%1 is already in the live named location; nothing to change").arg(change.value));
    ranges.push_back(cidrRange(value));
    out.patchBody = json { { "@odata.type", kIpNamedLocation }, { "ipRanges", ranges } };
    return out;
}

json restoreBody(const json& before, const Change& change)
{
    json body = json::object();
    if (change.target() == Change::Target::NamedLocation) body["@odata.type"] = kIpNamedLocation;
    const char* top = change.topLevelProperty();
    body[top] = before.contains(top) ? before[top] : json::array();
    return body;
}

} // namespace calens::fix
