// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace calens::whatif {

// Three-valued (Kleene) truth: what an offline evaluation can say about one test.
enum class Tri : uint8_t
{
    No,
    Yes,
    Unknown
};

constexpr Tri triOf(bool b)
{
    return b ? Tri::Yes : Tri::No;
}
constexpr Tri triAnd(Tri a, Tri b)
{
    if (a == Tri::No || b == Tri::No) return Tri::No;
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return Tri::Yes;
}
constexpr Tri triOr(Tri a, Tri b)
{
    if (a == Tri::Yes || b == Tri::Yes) return Tri::Yes;
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return Tri::No;
}
constexpr Tri triNot(Tri a)
{
    return a == Tri::Unknown ? a : (a == Tri::Yes ? Tri::No : Tri::Yes);
}

// Include/exclude precedence as Conditional Access applies it: an exclusion always wins.
constexpr Tri inScope(Tri included, Tri excluded)
{
    return triAnd(included, triNot(excluded));
}

} // namespace calens::whatif
