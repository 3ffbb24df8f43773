// SPDX-License-Identifier: MIT
#pragma once

#include "model/iprange.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace calens::whatif {

// One address space for matching: IPv4 a.b.c.d is held as the IPv4-mapped IPv6 address ::ffff:a.b.c.d, so
// an IPv4 sign-in matches an IPv4-mapped IPv6 range ("::ffff:10.0.0.0/104") and the other way round.
using Addr16 = std::array<uint8_t, 16>;

struct Range16
{
    Addr16 lower {};
    Addr16 upper {};
    bool contains(const Addr16& a) const;
};

std::optional<Addr16> parseAddress(std::string_view text); // IPv4, IPv6, IPv4-mapped IPv6; no exceptions
// "addr/prefix" (host bits cleared, /0 and full-length prefixes allowed), a bare address, or "lo-hi".
std::optional<Range16> parseRange(std::string_view text);
Addr16 toAddr16(const IpAddress& ip);
Range16 toRange16(const IpRange& range);

} // namespace calens::whatif
