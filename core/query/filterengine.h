// SPDX-License-Identifier: MIT
#pragma once

#include "filter.h"
#include "searchindex.h"

#include <atomic>
#include <vector>

namespace calens {

// How a filter scans: by default on every core, asking the index which fields and sign-ins can match;
// { 1, false } is the plain serial scan of every row (the reference the fast path is tested against).
struct ScanOptions
{
    unsigned threads = 0; // 0: every core
    bool useIndex = true;
};

// Applies a parsed filter to the sign-ins [from, to) (all by default) and returns the matching row ids
// in dataset order. Safe to run on a worker, also while the dataset is still loading: it only reads.
// The index must have been extended after the dataset had `to` rows (else the plain scan is used).
// Returns an empty vector when cancelled (check the flag).
std::vector<uint32_t> applyFilter(const Dataset& dataset, const SearchIndex& index, const Filter& filter,
    const std::atomic<bool>* cancel = nullptr, uint32_t from = 0, uint32_t to = UINT32_MAX,
    const ScanOptions& options = {});

// Row ids of the policy evaluations (indexes into Dataset::evals()) of the given sign-ins whose result is
// in `results` (all results when empty), honouring the filter's policy/result/control terms.
std::vector<uint32_t> evalRows(const Dataset& dataset, const std::vector<uint32_t>& signIns,
    const std::vector<uint8_t>& results, const std::atomic<bool>* cancel = nullptr);

} // namespace calens
