// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace calens::text {

// Strict forms for values that go into scripts, queries and URLs. Anything else in the data (an id with a
// quote, braces, spaces; an address with a scope id) is refused rather than repaired.

// A GUID as Entra writes object, app, policy and tenant ids: 8-4-4-4-12 hexadecimal digits, nothing around.
bool isCanonicalGuid(const QString& text);

// An IPv4 or IPv6 address in its canonical text (inet_ntop: lower case, shortest IPv6), or nothing: no scope
// id ("fe80::1%eth0"), no leading zeros or short IPv4 forms, no whitespace, no prefix.
std::optional<QString> canonicalIp(const QString& text);

// An address with a prefix length ("203.0.113.0/24", "2001:db8::/48") in canonical form, or nothing. The
// prefix must fit the family; host bits are kept as written (a /32 of one address is common).
std::optional<QString> canonicalCidr(const QString& text);

} // namespace calens::text
