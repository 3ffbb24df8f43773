// SPDX-License-Identifier: MIT
#include "auditparser.h"

#include "jsonlookup.h"
#include "timestamp.h"

#include <algorithm>
#include <unordered_set>

namespace calens {

namespace {

using json = nlohmann::ordered_json; // the diff follows the object's own order: state before conditions
using jsonlookup::member;
using jsonlookup::path;
using jsonlookup::text;

constexpr size_t kMaxDetails = 8;
constexpr size_t kMaxShown = 80;
constexpr int kMaxDepth = 12;
constexpr int kMaxNesting = 64; // nlohmann compares and prints recursively: deeper text is not parsed

// Bracket depth outside strings, so hostile nesting never reaches recursive code.
bool shallow(std::string_view s)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxNesting) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

bool containsIgnoreCase(std::string_view hay, std::string_view needle)
{
    if (needle.size() > hay.size()) return false;
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
        if (equalsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
    return false;
}

// Timestamps and ids change with every save and say nothing about why sign-ins started failing.
bool isNoise(std::string_view key)
{
    return key.empty() || key[0] == '@' || equalsIgnoreCase(key, "modifiedDateTime")
        || equalsIgnoreCase(key, "createdDateTime") || equalsIgnoreCase(key, "id")
        || equalsIgnoreCase(key, "templateId");
}

std::string shorten(std::string s)
{
    if (s.size() <= kMaxShown) return s;
    size_t cut = kMaxShown;
    while (cut > 0 && (uint8_t(s[cut]) & 0xC0) == 0x80) --cut; // not inside a UTF-8 sequence
    s.resize(cut);
    return s + "…";
}

std::string brief(const json& v)
{
    if (v.is_null()) return "(none)";
    if (v.is_string()) return shorten(v.get<std::string>());
    if (v.is_array()) {
        if (v.empty()) return "(none)";
        std::string out;
        for (size_t i = 0; i < v.size() && i < 3; ++i) {
            if (i) out += ", ";
            out += brief(v[i]);
        }
        if (v.size() > 3) out += ", … (" + std::to_string(v.size()) + " in all)";
        return out;
    }
    if (v.is_object()) {
        // Small records such as {"cidrAddress": "203.0.113.0/24"} read best as their values.
        std::string out;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (isNoise(it.key())) continue;
            if (it->is_structured() || out.size() > kMaxShown) return "{…}";
            if (!out.empty()) out += ' ';
            out += brief(*it);
        }
        return out.empty() ? "{…}" : out;
    }
    return v.dump();
}

void diff(const json& before, const json& after, const std::string& at, std::vector<std::string>& out, int depth)
{
    if (out.size() >= kMaxDetails || before == after) return;
    const std::string label = at.empty() ? std::string("value") : at;
    if (depth < kMaxDepth && before.is_object() && after.is_object()) {
        std::vector<std::string> keys;
        for (auto it = after.begin(); it != after.end(); ++it) keys.push_back(it.key());
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key())) keys.push_back(it.key());
        for (const std::string& k : keys) {
            if (isNoise(k)) continue;
            const json none;
            const auto b = before.find(k), a = after.find(k);
            std::string where = at;
            if (!where.empty()) where += '.';
            where += k;
            diff(b == before.end() ? none : *b, a == after.end() ? none : *a, where, out, depth + 1);
        }
        return;
    }
    const bool listsBefore = before.is_array() || before.is_null(), listsAfter = after.is_array() || after.is_null();
    if (listsBefore && listsAfter && (before.is_array() || after.is_array())) {
        // Hashed by their text, so lists of any length compare in linear time.
        auto textsOf = [](const json& list) {
            std::unordered_set<std::string> texts;
            if (list.is_array())
                for (const json& e : list) texts.insert(e.dump());
            return texts;
        };
        const std::unordered_set<std::string> was = textsOf(before), is = textsOf(after);
        // Up to three examples each way, and how many in all.
        auto missingFrom = [](const json& list, const std::unordered_set<std::string>& other) {
            std::pair<json, size_t> found { json::array(), 0 };
            if (list.is_array())
                for (const json& e : list)
                    if (!other.count(e.dump()) && found.second++ < 3) found.first.push_back(e);
            return found;
        };
        auto describe = [](const std::pair<json, size_t>& found) {
            std::string text = brief(found.first);
            if (found.second > found.first.size()) text += ", … (" + std::to_string(found.second) + " in all)";
            return text;
        };
        const auto added = missingFrom(after, was), removed = missingFrom(before, is);
        std::string line = label + ":";
        if (added.second) line += " added " + describe(added);
        if (added.second && removed.second) line += ";";
        if (removed.second) line += " removed " + describe(removed);
        if (!added.second && !removed.second) line += " reordered";
        out.push_back(line);
        return;
    }
    out.push_back(label + ": " + brief(before) + " → " + brief(after));
}

// Audit values are strings that usually hold JSON ("\"enabled\"", "[\"a\"]", a whole policy object).
json decode(const json* v)
{
    if (!v) return json();
    if (!v->is_string()) return *v;
    const std::string& s = v->get_ref<const std::string&>();
    if (!shallow(s)) return *v;
    json parsed = json::parse(s, nullptr, false);
    return parsed.is_discarded() ? *v : parsed;
}

} // namespace

std::optional<DirectoryChange> parseDirectoryAudit(std::string_view s, QString* error, bool* isConditionalAccess)
{
    if (!shallow(s)) {
        if (error) *error = QStringLiteral("nested deeper than %1 levels").arg(kMaxNesting);
        return std::nullopt;
    }
    const json j = json::parse(s.begin(), s.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (error) *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    DirectoryChange c;
    c.id = text(member(j, "id"));
    c.whenMs = parseTimestamp(text(member(j, "activityDateTime")));
    c.activity = text(member(j, "activityDisplayName"));
    c.result = text(member(j, "result"));
    c.actor = text(path(j, { "initiatedBy", "user", "userPrincipalName" }));
    if (c.actor.empty()) c.actor = text(path(j, { "initiatedBy", "user", "displayName" }));
    if (c.actor.empty()) {
        c.actor = text(path(j, { "initiatedBy", "app", "displayName" }));
        if (c.actor.empty()) c.actor = text(path(j, { "initiatedBy", "app", "servicePrincipalName" }));
        c.actorIsApp = !c.actor.empty();
    }
    const json* targets = member(j, "targetResources");
    const json* target = targets && targets->is_array() && !targets->empty() ? &(*targets)[0] : nullptr;
    if (target) {
        c.targetId = text(member(*target, "id"));
        c.targetName = text(member(*target, "displayName"));
        c.targetType = text(member(*target, "type"));
        if (const json* props = member(*target, "modifiedProperties"); props && props->is_array())
            for (const json& p : *props) {
                const std::string name = text(member(p, "displayName"));
                const json before = decode(member(p, "oldValue")), after = decode(member(p, "newValue"));
                // The whole object under one property (ConditionalAccessPolicy, NamedLocation): name the
                // fields inside it rather than the wrapper.
                const bool whole = before.is_object() || after.is_object();
                diff(before, after, whole ? std::string() : name, c.details, 0);
            }
    }
    if (isConditionalAccess) {
        const std::string category = text(member(j, "category"));
        const bool caActivity
            = containsIgnoreCase(c.activity, "conditional access") || containsIgnoreCase(c.activity, "named location");
        *isConditionalAccess
            = caActivity && (category.empty() || equalsIgnoreCase(category, "Policy")) && !c.targetId.empty();
    }
    return c;
}

} // namespace calens
