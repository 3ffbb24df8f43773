// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace calens::exporter {

// Emits JSON the way Windows PowerShell 5.1 ConvertTo-Json does: CRLF, 4-space indentation,
// two spaces after the colon, <>&' as \u escapes, and -Depth truncation: a container nested deeper
// than the depth becomes its .NET type name (objects) or "System.Object[]" (arrays).
class PsJson
{
public:
    PsJson(std::string& out, int depth)
        : m_out(out)
        , m_depth(depth)
    { }

    void beginArray(std::string_view key = {});
    void beginObject(std::string_view key = {}, std::string_view typeName = {});
    void end();
    void string(std::string_view key, std::string_view value);
    void stringOrNull(std::string_view key, std::string_view value);
    void raw(std::string_view key, std::string_view literal); // numbers, true/false/null

private:
    struct Level
    {
        bool array;
        bool first;
        bool suppressed; // inside a truncated container: write nothing
    };
    bool prefix(std::string_view key); // separator, newline, indentation and key; false when suppressed
    void indent(size_t levels);
    void escaped(std::string_view s);

    std::string& m_out;
    int m_depth;
    std::vector<Level> m_stack;
};

} // namespace calens::exporter
