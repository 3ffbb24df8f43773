// SPDX-License-Identifier: MIT
#pragma once

#include "tri.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace calens::whatif {

// What a device filter rule sees for one `device.<property>`.
struct PropertyValue
{
    enum class Kind : uint8_t
    {
        Unknown, // the input does not say
        Null, // the device is not registered: every property is null
        Value
    };
    Kind kind = Kind::Unknown;
    std::string value;
};
using PropertyLookup = std::function<PropertyValue(std::string_view property)>;

// A parsed Conditional Access "filter for devices" rule (the documented rule syntax):
//   device.<property> -eq|-ne|-startsWith|-notStartsWith|-endsWith|-notEndsWith|-contains|-notContains "value"
//   device.<property> -in|-notIn ["a", "b"]
// joined with -and / -or (-and binds tighter) and parentheses; operators and property names are
// case-insensitive, values are compared case-insensitively; a value may be quoted ("…" or '…') or a bare
// word (True, False). Parsing never throws and caps the nesting depth, so any text is safe to pass.
// A property of an unregistered device is null: positive operators are false on it, negative ones true
// (Microsoft Learn, "Filter for devices": "use the negative operator" to target unregistered devices).
class DeviceFilter
{
public:
    static constexpr int kMaxDepth = 32;
    static constexpr size_t kMaxLength = 16 * 1024;

    static DeviceFilter parse(std::string_view rule);

    bool valid() const { return m_root != nullptr; }
    const std::string& error() const { return m_error; } // why the rule could not be parsed
    std::vector<std::string> properties() const; // the properties the rule reads (lower case)
    Tri evaluate(const PropertyLookup& lookup) const; // Unknown when an invalid rule or a needed property is unknown

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    std::string m_error;
};

} // namespace calens::whatif
