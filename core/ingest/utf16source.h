// SPDX-License-Identifier: MIT
#pragma once

#include "bytesource.h"

#include <memory>
#include <vector>

namespace calens {

// Turns UTF-16 (with a byte-order mark) into UTF-8 on the fly: Windows PowerShell 5.1 writes UTF-16LE
// when output is redirected with ">", and admins hand those files over as they are.
class Utf16Source final : public ByteSource
{
public:
    Utf16Source(std::unique_ptr<ByteSource> inner, bool bigEndian);

    int64_t read(char* buf, size_t n) override;
    bool rewind() override;
    uint64_t fileSize() const override { return m_inner->fileSize(); }
    uint64_t filePosition() const override { return m_inner->filePosition(); }
    QString errorString() const override { return m_inner->errorString(); }
    bool isCompressed() const override { return true; } // offsets no longer match the file
    bool endedEarly() const override { return m_inner->endedEarly(); }
    bool grewWhileRead() const override { return m_inner->grewWhileRead(); }

private:
    std::unique_ptr<ByteSource> m_inner;
    bool m_bigEndian;
    bool m_skippedBom = false;
    std::vector<char> m_in; // raw UTF-16 not yet converted (may end in half a code unit or a lone high surrogate)
    std::vector<char> m_out; // converted UTF-8 not yet handed out
    size_t m_outPos = 0;
};

} // namespace calens
