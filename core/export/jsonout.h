// SPDX-License-Identifier: MIT
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace calens::exporter {

// Hand-written JSON emitters for the hot path: no DOM, no allocation beyond the output string.
inline void appendEscaped(std::string& out, std::string_view s)
{
    static const char* hex = "0123456789abcdef";
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + start, i - start);
        start = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(s.data() + start, s.size() - start);
}

inline void appendString(std::string& out, std::string_view s)
{
    out += '"';
    appendEscaped(out, s);
    out += '"';
}

inline void appendInt(std::string& out, int64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(r.ptr - buf));
}

// "key": (with the leading comma when needed) for compact objects.
inline void appendKey(std::string& out, std::string_view key, bool& first)
{
    if (!first) out += ',';
    first = false;
    out += '"';
    out.append(key);
    out += "\":";
}

// Splits a comma-joined model field ("a,b") into a JSON array of strings.
inline void appendJoinedArray(std::string& out, std::string_view joined)
{
    out += '[';
    bool first = true;
    while (!joined.empty()) {
        const size_t comma = joined.find(',');
        const std::string_view part = joined.substr(0, comma);
        if (!part.empty()) {
            if (!first) out += ',';
            first = false;
            appendString(out, part);
        }
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    out += ']';
}

} // namespace calens::exporter
