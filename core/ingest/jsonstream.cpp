// SPDX-License-Identifier: MIT
#include "jsonstream.h"

#include "ingestsink.h"

#include <simdjson.h>

#include <cstring>
#include <emmintrin.h>

namespace calens {

namespace {

// The buffer starts small and doubles on each read up to kChunk: small files (and fuzz inputs) stay
// cheap, big ones soon read in 8 MiB steps.
constexpr size_t kFirstChunk = 32u << 10;
constexpr size_t kChunk = 8u << 20;
constexpr int kMaxWalkDepth = 16;

inline const char* findQuoteOrBackslash(const char* p, const char* e)
{
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i slash = _mm_set1_epi8('\\');
    while (p + 16 <= e) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)));
        if (m) return p + __builtin_ctz(unsigned(m));
        p += 16;
    }
    while (p < e && *p != '"' && *p != '\\') ++p;
    return p;
}

bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

QString describe(char c)
{
    if (c >= 0x20 && c < 0x7F) return QStringLiteral("'%1'").arg(QChar::fromLatin1(c));
    return QStringLiteral("byte 0x%1").arg(uint8_t(c), 2, 16, QLatin1Char('0'));
}

} // namespace

JsonStream::JsonStream(ByteSource& source, IngestSink& sink, size_t skipBytes)
    : m_source(source)
    , m_sink(sink)
    , m_skipBytes(skipBytes)
{
    m_cap = kFirstChunk;
    m_buf.resize(m_cap + simdjson::SIMDJSON_PADDING);
}

bool JsonStream::fill()
{
    if (m_eof) return false;
    if (m_sink.cancelled()) {
        m_cancelled = true;
        m_eof = true;
        return false;
    }
    size_t keep = m_pos;
    if (m_pin != SIZE_MAX && !m_discarding) keep = std::min(keep, m_pin);
    if (keep > 0) {
        std::memmove(m_buf.data(), m_buf.data() + keep, m_end - keep);
        m_end -= keep;
        m_pos -= keep;
        if (m_pin != SIZE_MAX) m_pin = m_pin >= keep ? m_pin - keep : 0;
        m_base += keep;
    }
    if (m_end == m_cap || m_cap < kChunk) {
        // Still ramping up, or one record fills the whole buffer: grow, up to the record limit.
        if (m_end == m_cap && m_cap >= kMaxRecord) {
            m_discarding = true;
            m_base += m_pos;
            m_end -= m_pos;
            std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end);
            m_pos = 0;
            if (m_end == m_cap) return false; // cannot happen: m_pos was at the end
        } else {
            m_cap *= 2;
            m_buf.resize(m_cap + simdjson::SIMDJSON_PADDING);
        }
    }
    for (;;) {
        const int64_t got = m_source.read(m_buf.data() + m_end, m_cap - m_end);
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
        if (m_skipBytes) {
            const size_t drop = std::min(m_skipBytes, m_end - m_pos);
            m_pos += drop;
            m_skipBytes -= drop;
            if (m_pos == m_end) continue;
        }
        m_sink.progress(m_source.filePosition(), m_source.fileSize());
        return true;
    }
}

bool JsonStream::fail(const QString& what)
{
    if (m_error.isEmpty()) m_error = what;
    return false;
}

bool JsonStream::skipWs()
{
    for (;;) {
        for (; m_pos < m_end; ++m_pos) {
            const char c = m_buf[m_pos];
            if (isWs(c)) continue;
            // NUL bytes between values (a zero-filled tail or gap left by a crash or a sparse copy) are
            // passed over and counted, so the records after them are not lost.
            if (c != '\0') break;
            ++m_nulBytes;
        }
        if (m_pos < m_end) return true;
        if (!fill()) return false;
    }
}

bool JsonStream::skipString()
{
    // At the opening quote.
    ++m_pos;
    for (;;) {
        const char* p = findQuoteOrBackslash(m_buf.data() + m_pos, m_buf.data() + m_end);
        m_pos = size_t(p - m_buf.data());
        if (m_pos < m_end) {
            if (*p == '"') {
                ++m_pos;
                return true;
            }
            if (m_pos + 1 < m_end) {
                m_pos += 2;
                continue;
            }
        }
        if (!fill()) return false;
    }
}

bool JsonStream::skipContainer()
{
    size_t depth = 0;
    bool inString = false;
    for (;;) {
        const char* p = m_buf.data() + m_pos;
        const char* e = m_buf.data() + m_end;
        while (p < e) {
            if (inString) {
                p = findQuoteOrBackslash(p, e);
                if (p == e) break;
                if (*p == '\\') {
                    if (p + 1 >= e) break; // the escaped byte is in the next chunk
                    p += 2;
                    continue;
                }
                inString = false;
                ++p;
                continue;
            }
            switch (*p) {
            case '"':
                inString = true;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (--depth == 0) {
                    m_pos = size_t(p + 1 - m_buf.data());
                    return true;
                }
                break;
            default:
                break;
            }
            ++p;
        }
        m_pos = size_t(p - m_buf.data());
        if (!fill()) return false;
    }
}

bool JsonStream::skipValue()
{
    const char c = m_buf[m_pos];
    if (c == '{' || c == '[') return skipContainer();
    if (c == '"') return skipString();
    // A scalar: up to the next delimiter.
    for (;;) {
        while (m_pos < m_end) {
            const char d = m_buf[m_pos];
            if (d == ',' || d == '}' || d == ']' || isWs(d)) return true;
            ++m_pos;
        }
        if (!fill()) return true; // a scalar may end the stream
    }
}

bool JsonStream::readKey(std::string& key)
{
    key.clear();
    const uint64_t start = offset();
    m_pin = m_pos;
    if (!skipString()) {
        m_pin = SIZE_MAX;
        m_truncated = true;
        return false;
    }
    const std::string_view raw(m_buf.data() + m_pin + 1, m_pos - m_pin - 2);
    m_pin = SIZE_MAX;
    if (raw.size() > 4096) return fail(QStringLiteral("an object key longer than 4 KiB at byte %1").arg(start));
    key.assign(raw);
    return true;
}

bool JsonStream::descend(char open, const Decide& decide, const OnRecord& onRecord, int level)
{
    ++m_pos;
    const char close = open == '{' ? '}' : ']';
    bool firstMember = true;
    for (;;) {
        if (!skipWs()) {
            m_truncated = !m_cancelled;
            return false;
        }
        if (m_buf[m_pos] == close) {
            ++m_pos;
            return true;
        }
        if (!firstMember) {
            if (m_buf[m_pos] != ',')
                return fail(QStringLiteral("expected ',' or '%1' at byte %2, found %3")
                                .arg(QChar::fromLatin1(close))
                                .arg(offset())
                                .arg(describe(m_buf[m_pos])));
            ++m_pos;
            if (!skipWs()) {
                m_truncated = !m_cancelled;
                return false;
            }
        }
        firstMember = false;
        if (open == '{') {
            if (m_buf[m_pos] != '"')
                return fail(QStringLiteral("expected an object key at byte %1, found %2")
                                .arg(offset())
                                .arg(describe(m_buf[m_pos])));
            std::string key;
            if (!readKey(key)) return false;
            if (!skipWs()) {
                m_truncated = !m_cancelled;
                return false;
            }
            if (m_buf[m_pos] != ':')
                return fail(
                    QStringLiteral("expected ':' at byte %1, found %2").arg(offset()).arg(describe(m_buf[m_pos])));
            ++m_pos;
            m_path.push_back(std::move(key));
        } else {
            m_path.emplace_back("*");
        }
        const bool ok = walkValue(decide, onRecord, level + 1);
        m_path.pop_back();
        if (!ok) return false;
    }
}

bool JsonStream::walkValue(const Decide& decide, const OnRecord& onRecord, int level)
{
    if (!skipWs()) {
        m_truncated = !m_cancelled;
        return false;
    }
    const char c = m_buf[m_pos];
    if (!(c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n'))
        return fail(QStringLiteral("unexpected %1 at byte %2").arg(describe(c)).arg(offset()));
    Action action = decide(m_path, c);
    if (action == Action::Descend && (c == '{' || c == '[') && level < kMaxWalkDepth)
        return descend(c, decide, onRecord, level);
    if (action == Action::Skip) {
        if (!skipValue()) {
            m_truncated = !m_cancelled;
            return false;
        }
        return true;
    }
    const uint64_t start = offset();
    m_pin = m_pos;
    m_discarding = false;
    const bool ok = skipValue();
    if (!ok) {
        m_pin = SIZE_MAX;
        m_truncated = !m_cancelled;
        return false;
    }
    if (m_discarding) {
        ++m_oversized;
        m_sink.progress(m_source.filePosition(), m_source.fileSize());
    } else {
        onRecord(m_path, std::string_view(m_buf.data() + m_pin, m_pos - m_pin),
            m_cap + simdjson::SIMDJSON_PADDING - m_pin, start);
    }
    m_pin = SIZE_MAX;
    m_discarding = false;
    return true;
}

bool JsonStream::run(const Decide& decide, const OnRecord& onRecord)
{
    for (;;) {
        if (!skipWs()) return m_error.isEmpty() && !m_cancelled;
        m_path.clear();
        if (!walkValue(decide, onRecord, 0)) return false;
        if (m_sink.cancelled()) {
            m_cancelled = true;
            return false;
        }
    }
}

bool JsonStream::runLines(const std::function<void(std::string_view, size_t, uint64_t, uint64_t)>& onLine)
{
    uint64_t lineNo = 0;
    for (;;) {
        if (m_pos >= m_end && !fill()) return m_error.isEmpty() && !m_cancelled;
        m_pin = m_pos;
        m_discarding = false;
        const uint64_t start = offset();
        size_t scanFrom = m_pos;
        for (;;) {
            const void* nl = std::memchr(m_buf.data() + scanFrom, '\n', m_end - scanFrom);
            if (nl) {
                m_pos = size_t(static_cast<const char*>(nl) - m_buf.data());
                break;
            }
            m_pos = m_end;
            const size_t scanned = m_pos - m_pin;
            if (!fill()) {
                m_pos = m_end;
                break;
            }
            scanFrom = m_pin + scanned;
            if (m_discarding) scanFrom = m_pos;
        }
        ++lineNo;
        std::string_view line(m_buf.data() + m_pin, m_pos - m_pin);
        while (!line.empty() && isWs(line.back())) line.remove_suffix(1);
        size_t lead = 0;
        while (lead < line.size() && isWs(line[lead])) ++lead;
        if (m_discarding)
            ++m_oversized;
        else if (lead < line.size())
            onLine(line.substr(lead), m_cap + simdjson::SIMDJSON_PADDING - m_pin - lead, lineNo, start + lead);
        m_pin = SIZE_MAX;
        m_discarding = false;
        if (m_pos < m_end) ++m_pos; // the newline
        if (m_sink.cancelled()) {
            m_cancelled = true;
            return false;
        }
    }
}

} // namespace calens
