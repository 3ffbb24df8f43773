// SPDX-License-Identifier: MIT
#pragma once

#include "appendonly.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace calens {

using StrId = uint32_t;

// Stores every distinct string once; ids are dense and stable, id 0 is the empty string.
// Open addressing with cached hashes keeps interning at one probe for most lookups.
// While one thread interns, others may call view() and size() (a file still loading); find() and
// intern() belong to the writer.
class StringPool
{
public:
    StringPool();

    StrId intern(std::string_view text);
    StrId find(std::string_view text) const; // 0 when absent (or empty)
    std::string_view view(StrId id) const { return m_views[id]; }
    size_t size() const { return m_views.size(); }
    size_t bytesUsed() const;

private:
    static uint64_t hash(std::string_view text);
    void grow();
    std::string_view store(std::string_view text);

    AppendOnly<std::string_view> m_views;
    std::vector<uint32_t> m_hashes; // low 32 bits of each string's hash, by id
    std::vector<uint32_t> m_slots; // id + 1, 0 = free
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_blockPos = nullptr;
    size_t m_blockLeft = 0;
};

} // namespace calens
