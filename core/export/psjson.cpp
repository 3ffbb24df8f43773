// SPDX-License-Identifier: MIT
#include "psjson.h"

namespace calens::exporter {

void PsJson::indent(size_t levels)
{
    m_out.append(levels * 4, ' ');
}

bool PsJson::prefix(std::string_view key)
{
    if (!m_stack.empty()) {
        Level& l = m_stack.back();
        if (l.suppressed) return false;
        m_out += l.first ? "\r\n" : ",\r\n";
        l.first = false;
        indent(m_stack.size());
    }
    if (!key.empty()) {
        m_out += '"';
        escaped(key);
        m_out += "\":  ";
    }
    return true;
}

void PsJson::escaped(std::string_view s)
{
    static const char* hex = "0123456789abcdef";
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'') {
            if (c == '\n') {
                m_out += "\\n";
            } else if (c == '\r') {
                m_out += "\\r";
            } else if (c == '\t') {
                m_out += "\\t";
            } else {
                m_out += "\\u00";
                m_out += hex[c >> 4];
                m_out += hex[c & 15];
            }
        } else if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += ch;
        } else {
            m_out += ch;
        }
    }
}

void PsJson::beginArray(std::string_view key)
{
    const bool outer = m_stack.empty() || !m_stack.back().suppressed;
    if (outer && prefix(key) && int(m_stack.size()) > m_depth) {
        m_out += "\"System.Object[]\"";
        m_stack.push_back({ true, true, true });
        return;
    }
    if (outer) m_out += '[';
    m_stack.push_back({ true, true, !outer });
}

void PsJson::beginObject(std::string_view key, std::string_view typeName)
{
    const bool outer = m_stack.empty() || !m_stack.back().suppressed;
    if (outer && prefix(key) && int(m_stack.size()) > m_depth) {
        m_out += '"';
        escaped(typeName);
        m_out += '"';
        m_stack.push_back({ false, true, true });
        return;
    }
    if (outer) m_out += '{';
    m_stack.push_back({ false, true, !outer });
}

void PsJson::end()
{
    const Level l = m_stack.back();
    m_stack.pop_back();
    if (l.suppressed) return;
    m_out += "\r\n";
    if (l.first) m_out += "\r\n"; // PowerShell leaves an empty line inside empty containers
    indent(m_stack.size());
    m_out += l.array ? ']' : '}';
}

void PsJson::string(std::string_view key, std::string_view value)
{
    if (!prefix(key)) return;
    m_out += '"';
    escaped(value);
    m_out += '"';
}

void PsJson::stringOrNull(std::string_view key, std::string_view value)
{
    if (value.empty())
        raw(key, "null");
    else
        string(key, value);
}

void PsJson::raw(std::string_view key, std::string_view literal)
{
    if (prefix(key)) m_out += literal;
}

} // namespace calens::exporter
