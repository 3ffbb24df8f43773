// SPDX-License-Identifier: MIT
#pragma once

#include "searchindex.h"
#include "signintablemodel.h"

#include <atomic>
#include <vector>

namespace calens {

// The sort keys are the table's columns: one list, kept by the model.
using SignInColumn = SignInTableModel::Column;

// Sorts row ids by one column; text columns compare case-insensitively through the index's ranks.
// Stable: equal keys keep dataset order. Returns false when cancelled (rows then unspecified).
bool sortRows(const Dataset& dataset, const SearchIndex& index, std::vector<uint32_t>& rows, SignInColumn column,
    bool descending, const std::atomic<bool>* cancel = nullptr);

// The string a text column shows (the same choice the table model makes), as a pool id.
StrId displayedText(const Dataset& dataset, uint32_t row, SignInColumn column);

} // namespace calens
