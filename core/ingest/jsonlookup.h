// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace calens::jsonlookup {

// Case-insensitive member lookup for the small directory objects read with nlohmann (Graph is camelCase,
// PowerShell PascalCase); null counts as absent. For nlohmann::json and ordered_json alike.
template<typename Json> const Json* member(const Json& obj, std::string_view key)
{
    if (!obj.is_object()) return nullptr;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (equalsIgnoreCase(it.key(), key)) return it->is_null() ? nullptr : &*it;
    return nullptr;
}

template<typename Json> const Json* path(const Json& obj, std::initializer_list<std::string_view> keys)
{
    const Json* cur = &obj;
    for (auto k : keys) {
        cur = member(*cur, k);
        if (!cur) return nullptr;
    }
    return cur;
}

// Strings as they are, booleans and numbers as written; anything else is empty.
template<typename Json> std::string text(const Json* v)
{
    if (!v) return {};
    if (v->is_string()) return v->template get<std::string>();
    if (v->is_boolean()) return v->template get<bool>() ? "true" : "false";
    if (v->is_number()) return v->dump();
    return {};
}

} // namespace calens::jsonlookup
