// SPDX-License-Identifier: MIT
#include "utf16source.h"

#include <cstring>

namespace calens {

Utf16Source::Utf16Source(std::unique_ptr<ByteSource> inner, bool bigEndian)
    : m_inner(std::move(inner))
    , m_bigEndian(bigEndian)
{ }

bool Utf16Source::rewind()
{
    m_in.clear();
    m_out.clear();
    m_outPos = 0;
    m_skippedBom = false;
    return m_inner->rewind();
}

int64_t Utf16Source::read(char* buf, size_t n)
{
    while (m_outPos >= m_out.size()) {
        m_out.clear();
        m_outPos = 0;
        char chunk[1 << 16];
        const int64_t got = m_inner->read(chunk, sizeof chunk);
        if (got < 0) return -1;
        if (got == 0) {
            if (!m_in.empty()) {
                m_in.clear();
                m_out.insert(m_out.end(), { '\xEF', '\xBF', '\xBD' }); // a dangling half character
                break;
            }
            return 0;
        }
        m_in.insert(m_in.end(), chunk, chunk + got);
        size_t i = 0;
        auto unit = [&](size_t at) {
            const uint8_t a = uint8_t(m_in[at]), b = uint8_t(m_in[at + 1]);
            return m_bigEndian ? uint16_t(a << 8 | b) : uint16_t(b << 8 | a);
        };
        if (!m_skippedBom && m_in.size() >= 2) {
            if (unit(0) == 0xFEFF) i = 2;
            m_skippedBom = true;
        }
        for (; i + 1 < m_in.size(); i += 2) {
            uint32_t cp = unit(i);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (i + 3 >= m_in.size()) break; // the low surrogate is in the next chunk
                const uint16_t lo = unit(i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                } else {
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            if (cp < 0x80) {
                m_out.push_back(char(cp));
            } else if (cp < 0x800) {
                m_out.push_back(char(0xC0 | cp >> 6));
                m_out.push_back(char(0x80 | (cp & 0x3F)));
            } else if (cp < 0x10000) {
                m_out.push_back(char(0xE0 | cp >> 12));
                m_out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
                m_out.push_back(char(0x80 | (cp & 0x3F)));
            } else {
                m_out.push_back(char(0xF0 | cp >> 18));
                m_out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
                m_out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
                m_out.push_back(char(0x80 | (cp & 0x3F)));
            }
        }
        m_in.erase(m_in.begin(), m_in.begin() + std::ptrdiff_t(i));
    }
    const size_t take = std::min(n, m_out.size() - m_outPos);
    std::memcpy(buf, m_out.data() + m_outPos, take);
    m_outPos += take;
    return int64_t(take);
}

} // namespace calens
