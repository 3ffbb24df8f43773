// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace calens {

struct IpAddress
{
    bool v6 = false;
    std::array<uint8_t, 16> bytes {}; // IPv4 uses the first four
    static std::optional<IpAddress> parse(std::string_view text);
};

// A CIDR range or a lower..upper range; parse() clears host bits ("2001:db8::1/48" -> 2001:db8::/48).
struct IpRange
{
    bool v6 = false;
    std::array<uint8_t, 16> lower {};
    std::array<uint8_t, 16> upper {};
    static std::optional<IpRange> parseCidr(std::string_view text);
    static std::optional<IpRange> fromBounds(const IpAddress& lo, const IpAddress& hi);
    bool contains(const IpAddress& ip) const;
};

} // namespace calens
