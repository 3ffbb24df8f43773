// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace calens::fix {

// The object after the change, made on the live copy the caller read (never on an export), and the body of
// the PATCH that sends it: the whole changed top-level property of the live object, plus the @odata.type a
// named location update requires. Nothing when the change does not apply to this object any more (already
// excluded, the range already there, the policy does not target service principals); `why` says so.
struct AppliedChange
{
    nlohmann::json after;
    nlohmann::json patchBody;
};
std::optional<AppliedChange> applyChange(const nlohmann::json& live, const Change& change, QString* why);

// The PATCH body that puts `before`'s value of the change's top-level property back (rollback).
nlohmann::json restoreBody(const nlohmann::json& before, const Change& change);

// Server-maintained properties a comparison of two reads must not count (they move on every write).
nlohmann::json withoutVolatile(nlohmann::json object);

} // namespace calens::fix
