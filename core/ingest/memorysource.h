// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

#include <QByteArray>

#include <cstring>

namespace calens {

// Bytes already in memory (fuzzing, a pasted export, a downloaded page) read like a file.
class MemorySource final : public ByteSource
{
public:
    // NOLINTNEXTLINE(performance-unnecessary-value-param): false positive, the copy is moved into m_data
    explicit MemorySource(QByteArray data)
        : m_data(std::move(data))
    { }
    int64_t read(char* buf, size_t n) override
    {
        const size_t take = std::min(n, size_t(m_data.size()) - m_pos);
        std::memcpy(buf, m_data.constData() + m_pos, take);
        m_pos += take;
        return int64_t(take);
    }
    bool rewind() override
    {
        m_pos = 0;
        return true;
    }
    uint64_t fileSize() const override { return uint64_t(m_data.size()); }
    uint64_t filePosition() const override { return m_pos; }
    QString errorString() const override { return {}; }

private:
    QByteArray m_data;
    size_t m_pos = 0;
};

} // namespace calens
