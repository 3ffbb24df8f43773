// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

#include <QString>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace calens {

class IngestSink;

// Splits a JSON stream of any size into records without building a tree: the shallow structure is
// walked token by token, and a record is skipped over by bracket counting (SSE2 inside strings) and
// handed out as one contiguous span, padded for simdjson. Memory stays at the size of one record.
class JsonStream
{
public:
    enum class Action
    {
        Descend,
        Emit,
        Skip
    };
    using Path = std::vector<std::string>; // object keys; "*" for array elements
    using Decide = std::function<Action(const Path&, char firstChar)>;
    // span: the record's bytes; capacity: readable bytes from span.data() (>= size + simdjson padding).
    using OnRecord = std::function<void(const Path&, std::string_view span, size_t capacity, uint64_t offset)>;

    JsonStream(ByteSource& source, IngestSink& sink, size_t skipBytes = 0);

    // Walks every top-level value (several may follow each other). Returns false when the stream
    // could not be followed to its end; error() then says where and why.
    bool run(const Decide& decide, const OnRecord& onRecord);
    // One record per line (JSON Lines); blank lines are ignored. Line numbers start at 1.
    bool runLines(
        const std::function<void(std::string_view line, size_t capacity, uint64_t lineNo, uint64_t offset)>& onLine);

    QString error() const { return m_error; }
    bool endedInsideValue() const { return m_truncated; }
    bool cancelled() const { return m_cancelled; }
    uint64_t oversizedRecords() const { return m_oversized; }
    uint64_t nulBytesSkipped() const { return m_nulBytes; }
    static constexpr size_t kMaxRecord = 256u << 20;

private:
    bool fill(); // reads more; keeps bytes from the pinned record (or the cursor) on
    bool skipWs();
    bool walkValue(const Decide& decide, const OnRecord& onRecord, int level);
    bool descend(char open, const Decide& decide, const OnRecord& onRecord, int level);
    bool skipValue();
    bool skipContainer();
    bool skipString();
    bool readKey(std::string& key);
    bool fail(const QString& what);
    uint64_t offset() const { return m_base + m_pos; }

    ByteSource& m_source;
    IngestSink& m_sink;
    std::vector<char> m_buf;
    size_t m_cap = 0; // usable bytes of m_buf (the rest is padding)
    size_t m_end = 0; // valid bytes
    size_t m_pos = 0; // cursor
    size_t m_pin = SIZE_MAX; // start of the record being collected
    uint64_t m_base = 0; // stream offset of m_buf[0]
    bool m_eof = false;
    bool m_truncated = false;
    bool m_cancelled = false;
    bool m_discarding = false; // the pinned record grew past kMaxRecord
    uint64_t m_oversized = 0;
    uint64_t m_nulBytes = 0;
    size_t m_skipBytes = 0;
    QString m_error;
    Path m_path;
};

} // namespace calens
