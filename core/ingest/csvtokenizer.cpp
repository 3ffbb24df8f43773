// SPDX-License-Identifier: MIT
#include "csvtokenizer.h"

#include "ingestsink.h"

#include <cstring>

namespace calens {

namespace {
constexpr size_t kFirstChunk = 32u << 10;
constexpr size_t kChunk = 4u << 20;
} // namespace

CsvTokenizer::CsvTokenizer(ByteSource& source, IngestSink& sink, size_t skipBytes)
    : m_source(source)
    , m_sink(sink)
    , m_skip(skipBytes)
{
    m_buf.resize(kFirstChunk);
}

bool CsvTokenizer::fill()
{
    if (m_eof) return false;
    if (m_sink.cancelled()) {
        m_eof = true;
        return false;
    }
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    if (m_end == m_buf.size()) {
        if (m_buf.size() >= kMaxRow) {
            const uint64_t line = m_line;
            if (discardRow()) {
                if (m_oversized++ == 0) m_firstOversizedLine = line;
                return m_end > m_pos || !m_eof;
            }
            if (m_error.isEmpty())
                m_error = QStringLiteral("a row starting at line %1 is longer than %2 MiB and never ends (an unclosed "
                                         "quote?)")
                              .arg(line)
                              .arg(kMaxRow >> 20);
            m_eof = true;
            return false;
        }
        m_buf.resize(m_buf.size() * 2);
    } else if (m_buf.size() < kChunk) {
        m_buf.resize(m_buf.size() * 2); // ramping up: small files stay cheap, big ones read in 4 MiB steps
    }
    const int64_t got = m_source.read(m_buf.data() + m_end, m_buf.size() - m_end);
    if (got < 0) {
        m_error = m_source.errorString();
        m_eof = true;
        return false;
    }
    if (got == 0) {
        m_eof = true;
        return false;
    }
    m_end += size_t(got);
    if (m_skip) {
        const size_t drop = std::min(m_skip, m_end - m_pos);
        m_pos += drop;
        m_skip -= drop;
    }
    m_sink.progress(m_source.filePosition(), m_source.fileSize());
    return true;
}

// The buffer holds kMaxRow bytes of one row: reads on to the row's end (a newline outside quotes) without
// keeping it, so that one giant row costs only itself. False if the file ends inside quotes or fails.
bool CsvTokenizer::discardRow()
{
    bool quoted = false;
    size_t p = m_pos;
    for (;;) {
        for (; p < m_end; ++p) {
            const char c = m_buf[p];
            if (c == '"') {
                quoted = !quoted; // "" inside a quoted field toggles twice
            } else if (c == '\n') {
                ++m_line;
                if (!quoted) {
                    m_pos = p + 1;
                    return true;
                }
            }
        }
        if (m_sink.cancelled()) return false;
        m_pos = m_end = p = 0;
        const int64_t got = m_source.read(m_buf.data(), m_buf.size());
        if (got < 0) {
            m_error = m_source.errorString();
            return false;
        }
        if (got == 0) {
            m_eof = true;
            return !quoted; // the last row ends with the file
        }
        m_end = size_t(got);
        m_sink.progress(m_source.filePosition(), m_source.fileSize());
    }
}

CsvTokenizer::Parse CsvTokenizer::parseRow(std::vector<std::string_view>& cells, bool eof)
{
    cells.clear();
    m_unescaped.clear();
    struct Span
    {
        bool unescaped;
        size_t begin, length;
    };
    std::vector<Span> spans;
    size_t p = m_pos;
    uint64_t lines = 0;
    const char* b = m_buf.data();
    if (p >= m_end) return Parse::End;
    for (;;) {
        if (p < m_end && b[p] == '"') {
            // Quoted field.
            ++p;
            const size_t start = m_unescaped.size();
            size_t runStart = p;
            for (;;) {
                const void* q = std::memchr(b + p, '"', m_end - p);
                if (!q) {
                    if (!eof) return Parse::NeedMore;
                    m_unclosed = true;
                    return Parse::End;
                }
                size_t qi = size_t(static_cast<const char*>(q) - b);
                for (size_t k = p; k < qi; ++k)
                    if (b[k] == '\n') ++lines;
                if (qi + 1 >= m_end && !eof) return Parse::NeedMore;
                if (qi + 1 < m_end && b[qi + 1] == '"') {
                    m_unescaped.append(b + runStart, qi + 1 - runStart);
                    p = qi + 2;
                    runStart = p;
                    continue;
                }
                m_unescaped.append(b + runStart, qi - runStart);
                p = qi + 1;
                break;
            }
            spans.push_back({ true, start, m_unescaped.size() - start });
            // Anything after the closing quote up to the delimiter is kept as written (lenient).
            while (p < m_end && b[p] != ',' && b[p] != '\n' && b[p] != '\r') ++p;
        } else {
            const size_t start = p;
            while (p < m_end && b[p] != ',' && b[p] != '\n' && b[p] != '\r') ++p;
            if (p >= m_end && !eof) return Parse::NeedMore;
            spans.push_back({ false, start, p - start });
        }
        if (p >= m_end) {
            if (!eof) return Parse::NeedMore;
            break;
        }
        if (b[p] == ',') {
            ++p;
            continue;
        }
        // End of row: \n, \r\n or a lone \r.
        if (b[p] == '\r') {
            if (p + 1 >= m_end && !eof) return Parse::NeedMore;
            ++p;
            if (p < m_end && b[p] == '\n') ++p;
        } else {
            ++p;
        }
        ++lines;
        break;
    }
    for (const Span& s : spans)
        cells.emplace_back(s.unescaped ? std::string_view(m_unescaped.data() + s.begin, s.length)
                                       : std::string_view(b + s.begin, s.length));
    m_rowLine = m_line;
    m_line += lines;
    m_pos = p;
    return Parse::Row;
}

bool CsvTokenizer::next(std::vector<std::string_view>& cells)
{
    for (;;) {
        const Parse r = parseRow(cells, m_eof);
        if (r == Parse::Row) {
            // Skip blank lines.
            if (cells.size() == 1 && cells[0].empty()) continue;
            return true;
        }
        if (r == Parse::End) {
            if (!m_eof && fill()) continue;
            return false;
        }
        if (!fill() && !m_eof) return false;
        if (!m_error.isEmpty()) return false;
    }
}

} // namespace calens
