// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

#include <memory>
#include <vector>

struct z_stream_s;

namespace calens {

// Decompresses gzip (several concatenated members allowed) from another source.
class GzipSource final : public ByteSource
{
public:
    explicit GzipSource(std::unique_ptr<ByteSource> inner);
    ~GzipSource() override;

    int64_t read(char* buf, size_t n) override;
    bool rewind() override;
    uint64_t fileSize() const override { return m_inner->fileSize(); }
    uint64_t filePosition() const override { return m_inner->filePosition(); }
    QString errorString() const override { return m_error; }
    bool isCompressed() const override { return true; }
    bool endedEarly() const override { return m_truncated; }
    bool grewWhileRead() const override { return m_inner->grewWhileRead(); }

private:
    bool init();
    std::unique_ptr<ByteSource> m_inner;
    std::unique_ptr<z_stream_s> m_z;
    std::vector<char> m_in;
    bool m_innerEof = false;
    bool m_finished = false;
    bool m_truncated = false;
    bool m_inMember = false;
    QString m_error;
};

} // namespace calens
