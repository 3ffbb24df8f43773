// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace calens::exporter {

// Appends one CSV row field by field. `quoteAll` quotes every field (portal style); otherwise only
// fields that need it (Log Analytics style). Embedded quotes are doubled.
class CsvRow
{
public:
    CsvRow(std::string& out, bool quoteAll)
        : m_out(out)
        , m_quoteAll(quoteAll)
    { }
    void field(std::string_view v)
    {
        if (!m_first) m_out += ',';
        m_first = false;
        const bool quote = m_quoteAll || v.find_first_of(",\"\r\n") != std::string_view::npos;
        if (!quote) {
            m_out.append(v);
            return;
        }
        m_out += '"';
        size_t start = 0;
        for (size_t i = 0; i < v.size(); ++i)
            if (v[i] == '"') {
                m_out.append(v.data() + start, i - start + 1);
                m_out += '"';
                start = i + 1;
            }
        m_out.append(v.data() + start, v.size() - start);
        m_out += '"';
    }
    void end() { m_out += "\r\n"; }

private:
    std::string& m_out;
    bool m_quoteAll;
    bool m_first = true;
};

} // namespace calens::exporter
