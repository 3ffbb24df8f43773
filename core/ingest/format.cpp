// SPDX-License-Identifier: MIT
#include "format.h"

#include <array>

namespace calens {

namespace {
constexpr std::array<std::string_view, 14> kNames { "graph-json", "portal-json", "portal-csv", "la-csv", "la-json",
    "diag-records", "diag-jsonl", "powershell-json", "policies", "named-locations", "service-principals",
    "la-policy-rows", "directory-audits", "unknown" };
}

std::string_view formatName(Format f)
{
    return kNames[size_t(f)];
}

std::optional<Format> formatFromName(std::string_view name)
{
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return Format(i);
    return std::nullopt;
}

bool isSignInFormat(Format f)
{
    return int(f) <= int(Format::PowershellJson);
}

} // namespace calens
