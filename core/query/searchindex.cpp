// SPDX-License-Identifier: MIT
#include "searchindex.h"

#include <QString>

#include <algorithm>
#include <thread>

namespace calens {

void SearchIndex::extend(const Dataset& dataset)
{
    const StringPool& pool = dataset.strings();
    const size_t n = pool.size(); // once: the loader may be adding more
    if (m_offsets.capacity() < n + 1) m_offsets.reserve(std::max(n + 1, m_offsets.capacity() * 2));
    for (StrId id = StrId(size()); id < n; ++id) {
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

} // namespace calens
