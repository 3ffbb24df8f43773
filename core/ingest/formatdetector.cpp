// SPDX-License-Identifier: MIT
#include "formatdetector.h"

#include "model/enums.h"

#include <string>
#include <vector>

namespace calens {

namespace {

struct HeadScan
{
    char top = 0;
    std::vector<std::string> topKeys; // keys of the top-level object, in order
    std::string context; // "@odata.context" value
    std::vector<std::string> firstRecordKeys; // keys of the first object in the first record array (or top array)
    bool firstValueEndsOnFirstLine = false;
    bool secondTopValue = false;
};

bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// A tolerant walk over the head: collects keys at depth 1 and of the first record; stops where the head ends.
HeadScan scanHead(std::string_view s)
{
    HeadScan h;
    size_t i = 0;
    while (i < s.size() && isWs(s[i])) ++i;
    if (i >= s.size()) return h;
    h.top = s[i];
    int depth = 0;
    int recordDepth = -1; // depth at which the first record object sits
    bool inFirstRecord = false, firstRecordDone = false;
    std::string lastKey;
    bool expectKey = false;
    size_t firstNewline = s.find('\n', i);
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            size_t j = i + 1;
            std::string str;
            while (j < s.size() && s[j] != '"') {
                if (s[j] == '\\' && j + 1 < s.size()) ++j;
                str += s[j];
                ++j;
            }
            if (j >= s.size()) break;
            size_t k = j + 1;
            while (k < s.size() && isWs(s[k])) ++k;
            const bool isKey = k < s.size() && s[k] == ':';
            if (isKey) {
                if (depth == 1 && h.top == '{') h.topKeys.push_back(str);
                if (inFirstRecord && depth == recordDepth + 1) h.firstRecordKeys.push_back(str);
                lastKey = str;
            } else if (depth == 1 && lastKey == "@odata.context") {
                h.context = str;
            }
            (void)expectKey;
            i = j;
            continue;
        }
        if (c == '{' || c == '[') {
            if (c == '{' && !firstRecordDone && !inFirstRecord) {
                // The first object inside an array, or the top object when no array comes first.
                const bool inArray = (h.top == '[' && depth == 1)
                    || (h.top == '{' && depth == 2 && !h.topKeys.empty()
                        && (h.topKeys.back() == "value" || h.topKeys.back() == "records"));
                if (inArray) {
                    inFirstRecord = true;
                    recordDepth = depth;
                }
            }
            ++depth;
            continue;
        }
        if (c == '}' || c == ']') {
            --depth;
            if (inFirstRecord && depth == recordDepth) {
                inFirstRecord = false;
                firstRecordDone = true;
            }
            if (depth == 0) {
                h.firstValueEndsOnFirstLine = firstNewline == std::string_view::npos || i < firstNewline;
                size_t k = i + 1;
                while (k < s.size() && isWs(s[k])) ++k;
                h.secondTopValue = k < s.size() && (s[k] == '{' || s[k] == '[');
                break;
            }
        }
    }
    return h;
}

bool has(const std::vector<std::string>& keys, std::string_view k)
{
    for (const auto& key : keys)
        if (equalsIgnoreCase(key, k)) return true;
    return false;
}

bool hasExact(const std::vector<std::string>& keys, std::string_view k)
{
    for (const auto& key : keys)
        if (key == k) return true;
    return false;
}

bool looksLikeSignIn(const std::vector<std::string>& keys)
{
    return has(keys, "createdDateTime") || has(keys, "userPrincipalName")
        || has(keys, "appliedConditionalAccessPolicies") || has(keys, "conditionalAccessStatus")
        || has(keys, "correlationId");
}

std::optional<Format> directoryFormat(const std::vector<std::string>& keys, std::string_view context)
{
    if (context.find("namedLocations") != std::string_view::npos) return Format::NamedLocations;
    if (context.find("conditionalAccess/policies") != std::string_view::npos
        || context.find("whatIfAnalysisResult") != std::string_view::npos)
        return Format::Policies;
    if (context.find("servicePrincipals") != std::string_view::npos) return Format::ServicePrincipals;
    if (context.find("directoryAudits") != std::string_view::npos) return Format::DirectoryAudits;
    if (has(keys, "grantControls") || (has(keys, "conditions") && has(keys, "state"))) return Format::Policies;
    if (has(keys, "ipRanges") || has(keys, "countriesAndRegions")) return Format::NamedLocations;
    if (has(keys, "servicePrincipalType") || has(keys, "appOwnerOrganizationId")) return Format::ServicePrincipals;
    if (has(keys, "activityDisplayName") && (has(keys, "targetResources") || has(keys, "initiatedBy")))
        return Format::DirectoryAudits;
    return std::nullopt;
}

bool isPascal(const std::vector<std::string>& keys)
{
    int pascal = 0, camel = 0;
    for (const auto& k : keys) {
        if (k.empty() || k[0] == '@') continue;
        if (k[0] >= 'A' && k[0] <= 'Z')
            ++pascal;
        else
            ++camel;
    }
    return pascal > camel;
}

Detection detectCsv(std::string_view s)
{
    Detection d;
    const size_t nl = s.find('\n');
    std::string_view header = s.substr(0, nl);
    auto contains = [&](std::string_view k) { return header.find(k) != std::string_view::npos; };
    if (contains("TimeGenerated [UTC]") || (contains("TimeGenerated") && contains("ResultType"))
        || (contains("OperationName") && contains("ConditionalAccessStatus")))
        d.format = Format::LaCsv;
    else if (contains("Request ID") && (contains("Date (UTC)") || contains("Date")))
        d.format = Format::PortalCsv;
    else
        d.reason = QStringLiteral("not a sign-in export CA Lens knows (the first line is not a known CSV header, "
                                  "and the content is not JSON)");
    return d;
}

} // namespace

Detection detectFormat(std::string_view head, bool atEof)
{
    Detection d;
    if (head.size() >= 3 && uint8_t(head[0]) == 0xEF && uint8_t(head[1]) == 0xBB && uint8_t(head[2]) == 0xBF) {
        d.bomLength = 3;
        head.remove_prefix(3);
    }
    size_t i = 0;
    while (i < head.size() && isWs(head[i])) ++i;
    if (i == head.size()) {
        d.reason
            = atEof ? QStringLiteral("the file is empty") : QStringLiteral("the file starts with blank space only");
        return d;
    }
    const size_t probe = std::min<size_t>(head.size(), 4096);
    size_t controls = 0;
    for (size_t k = 0; k < probe; ++k) {
        const uint8_t c = uint8_t(head[k]);
        if (c == 0 || (c < 0x09) || (c > 0x0D && c < 0x20)) ++controls;
    }
    // A few stray control bytes (a NUL inside one record, a NUL-padded tail) leave the rest readable: the
    // reader skips what they spoil. Binary data has many, or starts with one.
    const uint8_t lead = uint8_t(head[i]);
    if (controls * 32 > probe || lead == 0 || lead < 0x09 || (lead > 0x0D && lead < 0x20)) {
        d.reason = (head.size() >= 2
                       && ((uint8_t(head[0]) == 0xFF && uint8_t(head[1]) == 0xFE)
                           || (uint8_t(head[0]) == 0xFE && uint8_t(head[1]) == 0xFF)))
            ? QStringLiteral("the file is UTF-16 text; save it as UTF-8 (e.g. Out-File -Encoding utf8)")
            : QStringLiteral("binary data, not a text export");
        return d;
    }

    const char first = head[i];
    if (first != '{' && first != '[') {
        Detection csv = detectCsv(head.substr(i));
        csv.bomLength = d.bomLength;
        return csv;
    }

    const HeadScan h = scanHead(head.substr(i));
    if (first == '[') {
        d.shape = JsonShape::Array;
        const auto& keys = h.firstRecordKeys;
        if (keys.empty()) {
            d.format = Format::PortalJson; // an empty array, or one that starts with something we cannot see yet
            return d;
        }
        if (has(keys, "RequestId") && has(keys, "policyId")) {
            d.format = Format::LaPolicyRows;
        } else if (hasExact(keys, "@odata.context") || hasExact(keys, "value")) {
            d.format = Format::GraphJson; // saved pages in an array
        } else if (auto dir = directoryFormat(keys, {})) {
            d.format = *dir;
        } else if (has(keys, "properties") && (has(keys, "category") || has(keys, "operationName"))) {
            d.format = Format::DiagRecords;
        } else if (isPascal(keys) && looksLikeSignIn(keys)) {
            d.format = Format::PowershellJson;
        } else if (looksLikeSignIn(keys)) {
            d.format = Format::PortalJson;
        } else {
            d.reason = QStringLiteral("a JSON array whose objects are not sign-ins, policies or named locations");
        }
        return d;
    }

    // A top-level object.
    const auto& top = h.topKeys;
    if (h.secondTopValue && h.firstValueEndsOnFirstLine) d.shape = JsonShape::Lines;
    if (has(top, "tables")) {
        d.format = Format::LaJson;
        d.shape = JsonShape::Container;
        return d;
    }
    if (has(top, "records")) {
        d.format = Format::DiagRecords; // Event Hubs payloads may follow each other, one per line
        d.shape = JsonShape::Container;
        return d;
    }
    if (has(top, "value")) {
        d.shape = JsonShape::Container; // pages one after another are walked like one
        if (auto dir = directoryFormat(h.firstRecordKeys, h.context)) {
            d.format = *dir;
            return d;
        }
        if (h.context.find("signIns") != std::string::npos || h.context.find("signins") != std::string::npos
            || hasExact(top, "@odata.context") || hasExact(top, "@odata.nextLink"))
            d.format = Format::GraphJson;
        else if (isPascal(h.firstRecordKeys))
            d.format = Format::PowershellJson;
        else
            d.format = Format::PortalJson;
        return d;
    }
    if (has(top, "properties") && (has(top, "category") || has(top, "operationName") || has(top, "time"))) {
        d.format = Format::DiagJsonl;
        if (d.shape != JsonShape::Lines) d.shape = JsonShape::SingleObject;
        if (h.secondTopValue) d.shape = h.firstValueEndsOnFirstLine ? JsonShape::Lines : JsonShape::SingleObject;
        return d;
    }
    if (has(top, "policies") || has(top, "namedLocations") || has(top, "signIns") || has(top, "directoryAudits")) {
        d.format = Format::GraphJson; // a fetch file whose sign-in list is not first
        return d;
    }
    if (auto dir = directoryFormat(top, h.context)) {
        d.format = *dir;
        d.shape = JsonShape::SingleObject;
        return d;
    }
    if (looksLikeSignIn(top)) {
        d.format = isPascal(top) ? Format::PowershellJson : Format::GraphJson;
        if (d.shape != JsonShape::Lines) d.shape = JsonShape::SingleObject;
        return d;
    }
    if (has(top, "signInIdentity") || has(top, "signInConditions")) {
        d.reason = QStringLiteral("a What-If request (a hypothetical sign-in), not sign-in evidence; it is an input "
                                  "for a What-If evaluation, not for analysis");
        return d;
    }
    if (top.empty() && !atEof) {
        d.format = Format::GraphJson; // keys beyond the head: let the reader find out
        return d;
    }
    d.reason = QStringLiteral("a JSON object that is not a sign-in export, policy or named-location list");
    return d;
}

} // namespace calens
