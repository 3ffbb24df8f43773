// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace calens {

class Dataset;

struct SynthOptions
{
    uint64_t seed = 1;
    size_t signIns = 2000;
    int64_t startMs = 1790812800000; // 2026-10-01T00:00:00Z
    int days = 14;
};

// Fills `out` with a synthetic tenant: CA policies, named locations, service principals and sign-ins
// that cover every AADSTS53003 cause of the CLI contract. Deterministic: same options, same dataset.
void synthesize(const SynthOptions& options, Dataset& out);

} // namespace calens
