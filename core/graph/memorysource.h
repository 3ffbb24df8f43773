// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/bytesource.h"

#include <QByteArray>

#include <algorithm>
#include <cstring>

namespace calens::graph {

// A page of bytes already in memory, read by the same readers as a file.
class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(QByteArray bytes)
        : m_bytes(std::move(bytes))
    { }
    int64_t read(char* buf, size_t n) override
    {
        const size_t left = size_t(m_bytes.size()) - m_pos;
        const size_t take = std::min(n, left);
        if (take) std::memcpy(buf, m_bytes.constData() + m_pos, take);
        m_pos += take;
        return int64_t(take);
    }
    bool rewind() override
    {
        m_pos = 0;
        return true;
    }
    uint64_t fileSize() const override { return uint64_t(m_bytes.size()); }
    uint64_t filePosition() const override { return m_pos; }
    QString errorString() const override { return {}; }

private:
    QByteArray m_bytes;
    size_t m_pos = 0;
};

} // namespace calens::graph
