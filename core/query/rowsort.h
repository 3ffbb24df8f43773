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
bool isTextColumn(SignInColumn column);

// The order sortRows() sorts in, one pair at a time: for merging newly loaded rows into sorted ones.
class RowOrder
{
public:
    RowOrder(const Dataset& dataset, const SearchIndex& index, SignInColumn column, bool descending);
    bool operator()(uint32_t a, uint32_t b) const;

private:
    const Dataset* m_d;
    const SearchIndex* m_index;
    SignInColumn m_column;
    bool m_descending;
};

} // namespace calens
