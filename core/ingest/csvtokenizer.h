// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace calens {

class IngestSink;

// RFC 4180 rows from a stream: quoted fields with "" escapes and embedded newlines, CRLF or LF.
// A row is kept contiguous in the buffer (up to kMaxRow); cells stay valid until the next row.
class CsvTokenizer
{
public:
    CsvTokenizer(ByteSource& source, IngestSink& sink, size_t skipBytes);
    bool next(std::vector<std::string_view>& cells); // false at the end or on a fatal problem
    uint64_t rowLine() const { return m_rowLine; } // 1-based line where the last row started
    uint64_t nextLine() const { return m_line; } // where the next (or failing) row starts
    QString error() const { return m_error; }
    bool unclosedQuote() const { return m_unclosed; }
    // Rows longer than kMaxRow that ended (outside quotes) were passed over; reading went on after them.
    uint64_t oversizedRows() const { return m_oversized; }
    uint64_t firstOversizedLine() const { return m_firstOversizedLine; }
    static constexpr size_t kMaxRow = 64u << 20;

private:
    enum class Parse
    {
        Row,
        NeedMore,
        End
    };
    Parse parseRow(std::vector<std::string_view>& cells, bool eof);
    bool fill();
    bool discardRow();

    ByteSource& m_source;
    IngestSink& m_sink;
    std::vector<char> m_buf;
    size_t m_end = 0, m_pos = 0;
    size_t m_skip = 0;
    bool m_eof = false, m_unclosed = false;
    uint64_t m_line = 1, m_rowLine = 1;
    uint64_t m_oversized = 0, m_firstOversizedLine = 0;
    std::string m_unescaped;
    QString m_error;
};

} // namespace calens
