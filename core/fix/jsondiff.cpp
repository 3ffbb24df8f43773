// SPDX-License-Identifier: MIT
#include "jsondiff.h"

#include <set>

namespace calens::fix {

namespace {

void diff(
    const std::string& path, const nlohmann::json& a, const nlohmann::json& b, std::vector<FieldChange>& out, int depth)
{
    if (a == b) return;
    if (a.is_object() && b.is_object() && depth < 32) {
        std::set<std::string> keys;
        for (const auto& [k, v] : a.items()) keys.insert(k);
        for (const auto& [k, v] : b.items()) keys.insert(k);
        for (const std::string& k : keys) {
            const nlohmann::json none;
            std::string child = path;
            if (!child.empty()) child += '.';
            child += k;
            diff(child, a.contains(k) ? a[k] : none, b.contains(k) ? b[k] : none, out, depth + 1);
        }
        return;
    }
    out.push_back({ path, a, b });
}

} // namespace

std::vector<FieldChange> diffObjects(const nlohmann::json& before, const nlohmann::json& after)
{
    std::vector<FieldChange> out;
    diff(std::string(), before, after, out, 0);
    return out;
}

} // namespace calens::fix
