// SPDX-License-Identifier: MIT
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace calens {

// Bump allocator for strings that must outlive a temporary buffer until the current record is stored.
class Arena
{
public:
    std::string_view copy(std::string_view s)
    {
        if (s.empty()) return {};
        if (m_left < s.size()) newBlock(s.size());
        std::memcpy(m_pos, s.data(), s.size());
        std::string_view v(m_pos, s.size());
        m_pos += s.size();
        m_left -= s.size();
        return v;
    }
    void reset()
    {
        if (m_blocks.size() > 1) m_blocks.erase(m_blocks.begin() + 1, m_blocks.end());
        if (!m_blocks.empty()) {
            m_pos = m_blocks.front().get();
            m_left = m_firstSize;
        }
    }

private:
    void newBlock(size_t atLeast)
    {
        const size_t size = std::max<size_t>(atLeast, 64 * 1024);
        m_blocks.push_back(std::make_unique<char[]>(size));
        if (m_blocks.size() == 1) m_firstSize = size;
        m_pos = m_blocks.back().get();
        m_left = size;
    }
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_pos = nullptr;
    size_t m_left = 0;
    size_t m_firstSize = 0;
};

} // namespace calens
