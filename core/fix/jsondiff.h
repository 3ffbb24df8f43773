// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace calens::fix {

// A field-level difference between two versions of an object: the dotted path of the property and its value
// before and after (null when absent). Lists are compared whole: a list that differs is one entry.
struct FieldChange
{
    std::string path;
    nlohmann::json before, after;
};
std::vector<FieldChange> diffObjects(const nlohmann::json& before, const nlohmann::json& after);

} // namespace calens::fix
