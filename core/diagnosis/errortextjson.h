// SPDX-License-Identifier: MIT
#pragma once

#include "errormatch.h"
#include "errortext.h"
#include "fetchhint.h"

#include <nlohmann/json.hpp>

namespace calens {

// `calens diagnose --error-text --json`: the contract's "fromError" object (codes, correlationId, requestId,
// timestamp, appId, ipAddress, matchedBy) with the other fields read as extra keys; null for what was not found.
nlohmann::ordered_json fromErrorJson(const ErrorText& error, ErrorMatch::By matchedBy);
// The contract's "fetchHint": { graphFilter, graphRequests, kql, window }.
nlohmann::ordered_json toJson(const FetchHint& hint);

} // namespace calens
