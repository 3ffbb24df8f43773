// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace calens {

// Case-insensitive lookup of a fixed set of names, ASCII only: one hash and usually one compare.
// Names longer than 63 bytes never match.
class KeyTable
{
public:
    KeyTable(std::initializer_list<std::pair<std::string_view, int>> entries);
    KeyTable(const KeyTable&) = delete; // slots point into m_storage
    KeyTable& operator=(const KeyTable&) = delete;
    int find(std::string_view key, int notFound = -1) const;

private:
    struct Slot
    {
        std::string_view name; // lower-case
        int value = -1;
    };
    static uint32_t hashLower(std::string_view key, char* lowered);
    std::vector<Slot> m_slots;
    std::vector<std::string> m_storage;
    uint32_t m_mask = 0;
};

} // namespace calens
