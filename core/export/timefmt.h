// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/timestamp.h"

#include <cstdint>
#include <string>

namespace calens::exporter {

using calens::Civil;
using calens::civilFromMs;

// The date spellings the exports use, appended to `out`.
void appendIsoSeconds(std::string& out, int64_t ms); // 2026-10-01T08:19:41Z (Graph, portal)
void appendIso7(std::string& out, int64_t ms); // 2026-10-01T08:19:41.0000000Z (Log Analytics API, diag time)
void appendIsoOffset(std::string& out, int64_t ms); // 2026-10-01T08:19:41.0000000+00:00 (diag properties)
void appendUsLocale(std::string& out, int64_t ms); // 10/1/2026, 8:19:41.000 AM (Log Analytics portal CSV)
void appendDate(std::string& out, int64_t ms); // 2026-10-01

} // namespace calens::exporter
