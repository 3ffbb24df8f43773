// SPDX-License-Identifier: MIT
#pragma once

#include "iprange.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calens {

struct NamedLocation
{
    enum class Kind : uint8_t
    {
        Ip,
        Country,
        Unknown
    };
    std::string id;
    std::string displayName;
    Kind kind = Kind::Unknown;
    bool isTrusted = false;
    std::vector<IpRange> ranges; // ip locations, host bits cleared
    std::vector<std::string> rangeTexts; // as written, for display and round trips
    std::vector<std::string> countries; // country locations, ISO 3166 alpha-2
    bool includeUnknownCountries = false;
    std::string countryLookupMethod;
    int64_t createdMs = INT64_MIN, modifiedMs = INT64_MIN;
    std::string json;
};

} // namespace calens
