// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

namespace calens {

class FileSource final : public ByteSource
{
public:
    explicit FileSource(const QString& path);
    ~FileSource() override;
    bool isOpen() const { return m_fd >= 0; }

    int64_t read(char* buf, size_t n) override;
    bool rewind() override;
    uint64_t fileSize() const override { return m_size; }
    uint64_t filePosition() const override { return m_pos; }
    QString errorString() const override { return m_error; }
    bool grewWhileRead() const override { return m_grew; }

private:
    int m_fd = -1;
    uint64_t m_size = 0;
    uint64_t m_pos = 0;
    bool m_grew = false;
    QString m_error;
};

} // namespace calens
