// SPDX-License-Identifier: MIT
#include "legacytext.h"

#include <simdjson.h>

#include <cstdint>

namespace calens {

namespace {
// 0x80..0x9F in Windows-1252; 0 where the code page leaves the byte unassigned.
constexpr char16_t kHighControls[32] = { 0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
    0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178 };
} // namespace

bool isValidUtf8(std::string_view text)
{
    return simdjson::validate_utf8(text.data(), text.size());
}

void appendWindows1252AsUtf8(std::string_view text, std::string& out)
{
    out.reserve(out.size() + text.size() + text.size() / 4);
    for (const char ch : text) {
        const auto b = uint8_t(ch);
        if (b < 0x80) {
            out += ch;
            continue;
        }
        char16_t cp = b;
        if (b < 0xA0 && kHighControls[b - 0x80]) cp = kHighControls[b - 0x80];
        if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
}

} // namespace calens
