// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>
#include <memory>

namespace calens {

// A stream of bytes to parse: a plain file or a gzip-compressed one. Progress is reported in bytes
// of the file on disk so that .gz inputs move the bar evenly.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Reads up to n bytes; 0 at the end; -1 on error (see errorString()).
    virtual int64_t read(char* buf, size_t n) = 0;
    virtual bool rewind() = 0;
    virtual uint64_t fileSize() const = 0; // bytes on disk
    virtual uint64_t filePosition() const = 0; // bytes of the file consumed so far
    virtual QString errorString() const = 0;
    virtual bool isCompressed() const { return false; }
    // A compressed stream that ends early reads as a clean end; this tells it apart.
    virtual bool endedEarly() const { return false; }
    // A file is read up to the size it had when it was opened; this says it had grown by the end.
    virtual bool grewWhileRead() const { return false; }

    // Opens path, transparently decompressing gzip (detected by its magic bytes, not the name).
    static std::unique_ptr<ByteSource> open(const QString& path, QString* error);
    // Wraps raw bytes in the decoders their first bytes call for: gzip, then UTF-16 (with or without BOM).
    static std::unique_ptr<ByteSource> decode(std::unique_ptr<ByteSource> raw, QString* error);
};

} // namespace calens
