// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <string_view>
#include <vector>

namespace calens {

// Lower-case copies of every pooled string, built once per dataset, so a substring term is answered
// per distinct string (a bitmap over string ids) and then per row by id lookups — no per-row text work.
class SearchIndex
{
public:
    explicit SearchIndex(const Dataset& dataset);
    std::string_view lower(StrId id) const
    {
        return { m_text.data() + m_offsets[id], size_t(m_offsets[id + 1] - m_offsets[id]) };
    }
    size_t size() const { return m_offsets.size() - 1; }
    // hits[id] = 1 where the string contains `needle` (already lower-case).
    std::vector<uint8_t> containing(std::string_view needle) const;
    // Rank of each string id in case-insensitive order, for sorting by text columns.
    const std::vector<uint32_t>& ranks() const;

private:
    std::vector<char> m_text;
    std::vector<uint64_t> m_offsets;
    mutable std::vector<uint32_t> m_ranks;
};

} // namespace calens
