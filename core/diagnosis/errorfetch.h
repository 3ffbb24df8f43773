// SPDX-License-Identifier: MIT
#pragma once

#include "errortext.h"
#include "graph/fetchoptions.h"

#include <optional>

namespace calens {

// What to ask Graph for when a pasted error matches nothing loaded: the sign-ins of its correlation ID (any kind,
// any result, around its time, else over Graph's 30 days), or without one the blocked sign-ins of its app within
// the match window of its time. No answer when the error names neither a correlation ID nor a time.
// `nowMs` bounds the window: Graph rejects a window in the future.
std::optional<graph::FetchOptions> fetchOptionsFor(const ErrorText& error, int64_t nowMs);

} // namespace calens
