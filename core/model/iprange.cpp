// SPDX-License-Identifier: MIT
#include "iprange.h"

#include <QHostAddress>
#include <QString>

#include <algorithm>
#include <cstring>

namespace calens {

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 64) return std::nullopt;
    // Dotted IPv4 is most of every log: read it by hand, QHostAddress is slow for millions of rows.
    if (text.find(':') == std::string_view::npos) {
        IpAddress ip;
        int part = 0, value = -1;
        for (char c : text) {
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return std::nullopt;
            } else if (c == '.' && value >= 0 && part < 3) {
                ip.bytes[size_t(part++)] = uint8_t(value);
                value = -1;
            } else {
                return std::nullopt;
            }
        }
        if (part != 3 || value < 0) return std::nullopt;
        ip.bytes[3] = uint8_t(value);
        return ip;
    }
    QHostAddress addr;
    if (!addr.setAddress(QString::fromLatin1(text.data(), qsizetype(text.size())))) return std::nullopt;
    IpAddress ip;
    bool isV4 = false;
    const quint32 v4 = addr.toIPv4Address(&isV4);
    if (isV4) {
        ip.bytes[0] = uint8_t(v4 >> 24);
        ip.bytes[1] = uint8_t(v4 >> 16);
        ip.bytes[2] = uint8_t(v4 >> 8);
        ip.bytes[3] = uint8_t(v4);
        return ip;
    }
    const Q_IPV6ADDR v6 = addr.toIPv6Address();
    ip.v6 = true;
    std::memcpy(ip.bytes.data(), v6.c, 16);
    return ip;
}

std::optional<IpRange> IpRange::parseCidr(std::string_view text)
{
    const size_t slash = text.find('/');
    auto ip = IpAddress::parse(text.substr(0, slash));
    if (!ip) return std::nullopt;
    // "::ffff:10.0.0.0/104" is an IPv4 range written in IPv6: the address reads as IPv4, the prefix counts 96 more
    // bits.
    const bool mapped = !ip->v6 && text.substr(0, slash).find(':') != std::string_view::npos;
    const int bits = ip->v6 ? 128 : 32;
    int prefix = bits;
    if (slash != std::string_view::npos) {
        std::string_view p = text.substr(slash + 1);
        if (p.empty() || p.size() > 3) return std::nullopt;
        prefix = 0;
        for (char c : p) {
            if (c < '0' || c > '9') return std::nullopt;
            prefix = prefix * 10 + (c - '0');
        }
        if (mapped) {
            if (prefix < 96) return std::nullopt; // wider than the mapped block: not an IPv4 range
            prefix -= 96;
        }
        if (prefix > bits) return std::nullopt;
    }
    IpRange r;
    r.v6 = ip->v6;
    const int bytes = bits / 8;
    for (int i = 0; i < bytes; ++i) {
        const int keep = std::clamp(prefix - i * 8, 0, 8);
        const uint8_t mask = keep == 0 ? 0 : uint8_t(0xFF << (8 - keep));
        r.lower[size_t(i)] = ip->bytes[size_t(i)] & mask;
        r.upper[size_t(i)] = uint8_t(r.lower[size_t(i)] | uint8_t(~mask));
    }
    return r;
}

std::optional<IpRange> IpRange::fromBounds(const IpAddress& lo, const IpAddress& hi)
{
    if (lo.v6 != hi.v6) return std::nullopt;
    IpRange r;
    r.v6 = lo.v6;
    r.lower = lo.bytes;
    r.upper = hi.bytes;
    if (std::memcmp(r.lower.data(), r.upper.data(), 16) > 0) std::swap(r.lower, r.upper);
    return r;
}

bool IpRange::contains(const IpAddress& ip) const
{
    if (ip.v6 != v6) return false;
    const size_t n = v6 ? 16 : 4;
    return std::memcmp(ip.bytes.data(), lower.data(), n) >= 0 && std::memcmp(ip.bytes.data(), upper.data(), n) <= 0;
}

} // namespace calens
