// SPDX-License-Identifier: MIT
#include "ipmatch.h"

#include <algorithm>
#include <cstring>

namespace calens::whatif {

namespace {

Addr16 mapped(const uint8_t* v4)
{
    Addr16 a {};
    a[10] = 0xff;
    a[11] = 0xff;
    std::memcpy(a.data() + 12, v4, 4);
    return a;
}

bool isMapped(const Addr16& a)
{
    for (int i = 0; i < 10; ++i)
        if (a[size_t(i)]) return false;
    return a[10] == 0xff && a[11] == 0xff;
}

} // namespace

bool Range16::contains(const Addr16& a) const
{
    // IPv4 and IPv6 stay apart: "::/0" is every IPv6 address, not every IPv4 one too.
    if ((isMapped(lower) && isMapped(upper)) != isMapped(a)) return false;
    return std::memcmp(a.data(), lower.data(), 16) >= 0 && std::memcmp(a.data(), upper.data(), 16) <= 0;
}

Addr16 toAddr16(const IpAddress& ip)
{
    if (!ip.v6) return mapped(ip.bytes.data());
    return ip.bytes;
}

Range16 toRange16(const IpRange& r)
{
    if (r.v6) return { r.lower, r.upper };
    return { mapped(r.lower.data()), mapped(r.upper.data()) };
}

std::optional<Addr16> parseAddress(std::string_view text)
{
    auto ip = IpAddress::parse(text); // QHostAddress: no exceptions; maps ::ffff:a.b.c.d to IPv4 itself
    if (!ip) return std::nullopt;
    return toAddr16(*ip);
}

std::optional<Range16> parseRange(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 100) return std::nullopt;
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        const size_t dash = text.find('-');
        if (dash != std::string_view::npos) {
            auto lo = parseAddress(text.substr(0, dash)), hi = parseAddress(text.substr(dash + 1));
            if (!lo || !hi) return std::nullopt;
            if (std::memcmp(lo->data(), hi->data(), 16) > 0) std::swap(*lo, *hi);
            return Range16 { *lo, *hi };
        }
        auto a = parseAddress(text);
        if (!a) return std::nullopt;
        return Range16 { *a, *a };
    }
    const std::string_view addrText = text.substr(0, slash), prefixText = text.substr(slash + 1);
    auto ip = IpAddress::parse(addrText);
    if (!ip || prefixText.empty() || prefixText.size() > 3) return std::nullopt;
    int prefix = 0;
    for (char c : prefixText) {
        if (c < '0' || c > '9') return std::nullopt;
        prefix = prefix * 10 + (c - '0');
    }
    // The prefix counts bits of the address as written: IPv4 /0../32; IPv6 (mapped included) /0../128.
    const bool writtenAsV6 = addrText.find(':') != std::string_view::npos;
    if (prefix > (writtenAsV6 ? 128 : 32)) return std::nullopt;
    const Addr16 a = toAddr16(*ip);
    int bits = prefix;
    if (!writtenAsV6) bits += 96; // ::ffff:0:0/96 holds IPv4
    Range16 r;
    for (int i = 0; i < 16; ++i) {
        const int keep = std::clamp(bits - i * 8, 0, 8);
        const uint8_t mask = keep == 0 ? 0 : uint8_t(0xFF << (8 - keep));
        r.lower[size_t(i)] = a[size_t(i)] & mask;
        r.upper[size_t(i)] = uint8_t(r.lower[size_t(i)] | uint8_t(~mask));
    }
    return r;
}

} // namespace calens::whatif
