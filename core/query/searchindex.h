// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <string_view>
#include <vector>

namespace calens {

// Lower-case copies of every pooled string, built once per dataset, so a substring term is answered
// per distinct string (a bitmap over string ids) and then per row by id lookups — no per-row text work.
// While a file loads, extend() adds the strings pooled since the last call (one thread at a time).
class SearchIndex
{
public:
    SearchIndex() = default;
    explicit SearchIndex(const Dataset& dataset) { extend(dataset); }
    void extend(const Dataset& dataset);

    std::string_view lower(StrId id) const
    {
        return { m_text.data() + m_offsets[id], size_t(m_offsets[id + 1] - m_offsets[id]) };
    }
    size_t size() const { return m_offsets.size() - 1; }
    // hits[id] = 1 where the string contains `needle` (already lower-case); size() entries.
    std::vector<uint8_t> containing(std::string_view needle) const;

private:
    std::vector<char> m_text;
    std::vector<uint64_t> m_offsets { 0 };
};

} // namespace calens
