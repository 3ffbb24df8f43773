// SPDX-License-Identifier: MIT
#include "keytable.h"

#include <string>

namespace calens {

uint32_t KeyTable::hashLower(std::string_view key, char* lowered)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
        lowered[i] = c;
        h = (h ^ uint8_t(c)) * 16777619u;
    }
    return h ^ (h >> 15);
}

KeyTable::KeyTable(std::initializer_list<std::pair<std::string_view, int>> entries)
{
    size_t cap = 16;
    while (cap < entries.size() * 3) cap *= 2;
    m_slots.resize(cap);
    m_mask = uint32_t(cap - 1);
    m_storage.reserve(entries.size());
    for (auto [name, value] : entries) {
        std::string lowered(name.size(), '\0');
        const uint32_t h = hashLower(name, lowered.data());
        m_storage.push_back(std::move(lowered));
        uint32_t i = h & m_mask;
        while (!m_slots[i].name.empty()) i = (i + 1) & m_mask;
        m_slots[i] = { m_storage.back(), value };
    }
}

int KeyTable::find(std::string_view key, int notFound) const
{
    if (key.empty() || key.size() > 63) return notFound;
    char lowered[64];
    const uint32_t h = hashLower(key, lowered);
    const std::string_view k(lowered, key.size());
    for (uint32_t i = h & m_mask;; i = (i + 1) & m_mask) {
        const Slot& s = m_slots[i];
        if (s.name.empty()) return notFound;
        if (s.name == k) return s.value;
    }
}

} // namespace calens
