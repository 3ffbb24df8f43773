// SPDX-License-Identifier: MIT
#include "searchindex.h"

#include <QString>

#include <algorithm>
#include <numeric>
#include <thread>

namespace calens {

SearchIndex::SearchIndex(const Dataset& dataset)
{
    const StringPool& pool = dataset.strings();
    m_offsets.reserve(pool.size() + 1);
    m_offsets.push_back(0);
    for (StrId id = 0; id < pool.size(); ++id) {
        const std::string_view s = pool.view(id);
        bool ascii = true;
        for (char c : s) ascii &= uint8_t(c) < 0x80;
        if (ascii) {
            for (char c : s) m_text.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
        } else {
            const QByteArray low = QString::fromUtf8(s.data(), qsizetype(s.size())).toLower().toUtf8();
            m_text.insert(m_text.end(), low.begin(), low.end());
        }
        m_offsets.push_back(m_text.size());
    }
}

std::vector<uint8_t> SearchIndex::containing(std::string_view needle) const
{
    std::vector<uint8_t> hits(size(), 0);
    if (needle.empty()) return hits;
    auto scan = [&](size_t from, size_t to) {
        for (size_t id = from; id < to; ++id) hits[id] = lower(StrId(id)).find(needle) != std::string_view::npos;
    };
    // Millions of distinct strings (request and correlation ids): two halves on two cores.
    if (size() < 200000) {
        scan(1, size());
        return hits;
    }
    std::thread other(scan, size_t(1), size() / 2);
    scan(size() / 2, size());
    other.join();
    return hits;
}

const std::vector<uint32_t>& SearchIndex::ranks() const
{
    if (m_ranks.empty()) {
        std::vector<uint32_t> order(size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [this](uint32_t a, uint32_t b) { return lower(a) < lower(b); });
        m_ranks.resize(size());
        for (uint32_t r = 0; r < order.size(); ++r) m_ranks[order[r]] = r;
    }
    return m_ranks;
}

} // namespace calens
