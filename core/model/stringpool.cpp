// SPDX-License-Identifier: MIT
#include "stringpool.h"

#include <cstring>

namespace calens {

namespace {
constexpr size_t kBlockSize = 1 << 20;
}

StringPool::StringPool()
{
    m_slots.assign(1024, 0);
    m_views.push_back({});
    m_hashes.push_back(0);
}

uint64_t StringPool::hash(std::string_view text)
{
    // FNV-1a over 8-byte words: fast enough for short ids and names, no dependency.
    uint64_t h = 1469598103934665603ull ^ text.size();
    const char* p = text.data();
    size_t n = text.size();
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n--) h = (h ^ static_cast<unsigned char>(*p++)) * 1099511628211ull;
    h ^= h >> 32;
    return h * 0x9E3779B97F4A7C15ull;
}

std::string_view StringPool::store(std::string_view text)
{
    if (text.size() > kBlockSize / 4) {
        auto big = std::make_unique<char[]>(text.size());
        std::memcpy(big.get(), text.data(), text.size());
        std::string_view v(big.get(), text.size());
        m_blocks.insert(m_blocks.begin(), std::move(big)); // keep the current block last
        return v;
    }
    if (m_blockLeft < text.size()) {
        m_blocks.push_back(std::make_unique<char[]>(kBlockSize));
        m_blockPos = m_blocks.back().get();
        m_blockLeft = kBlockSize;
    }
    std::memcpy(m_blockPos, text.data(), text.size());
    std::string_view v(m_blockPos, text.size());
    m_blockPos += text.size();
    m_blockLeft -= text.size();
    return v;
}

void StringPool::grow()
{
    std::vector<uint32_t> slots(m_slots.size() * 2, 0);
    const size_t mask = slots.size() - 1;
    for (StrId id = 1; id < m_views.size(); ++id) {
        size_t i = m_hashes[id] & mask;
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    m_slots.swap(slots);
}

StrId StringPool::intern(std::string_view text)
{
    if (text.empty()) return 0;
    const uint32_t h = static_cast<uint32_t>(hash(text) >> 32);
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    while (uint32_t slot = m_slots[i]) {
        const StrId id = slot - 1;
        if (m_hashes[id] == h && m_views[id] == text) return id;
        i = (i + 1) & mask;
    }
    const StrId id = static_cast<StrId>(m_views.size());
    m_views.push_back(store(text));
    m_hashes.push_back(h);
    m_slots[i] = id + 1;
    if (m_views.size() * 2 > m_slots.size()) grow();
    return id;
}

StrId StringPool::find(std::string_view text) const
{
    if (text.empty()) return 0;
    const uint32_t h = static_cast<uint32_t>(hash(text) >> 32);
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    while (uint32_t slot = m_slots[i]) {
        const StrId id = slot - 1;
        if (m_hashes[id] == h && m_views[id] == text) return id;
        i = (i + 1) & mask;
    }
    return 0;
}

size_t StringPool::bytesUsed() const
{
    return m_blocks.size() * kBlockSize + m_views.bytesReserved() + m_hashes.capacity() * 4 + m_slots.capacity() * 4;
}

} // namespace calens
