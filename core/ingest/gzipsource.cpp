// SPDX-License-Identifier: MIT
#include "gzipsource.h"

#include <zlib.h>

namespace calens {

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner)
    : m_inner(std::move(inner))
    , m_in(1 << 18)
{
    init();
}

GzipSource::~GzipSource()
{
    if (m_z) inflateEnd(m_z.get());
}

bool GzipSource::init()
{
    if (m_z) inflateEnd(m_z.get());
    m_z = std::make_unique<z_stream_s>();
    m_z->zalloc = Z_NULL;
    m_z->zfree = Z_NULL;
    m_z->opaque = Z_NULL;
    if (inflateInit2(m_z.get(), 16 + MAX_WBITS) != Z_OK) {
        m_error = QStringLiteral("cannot start gzip decompression");
        return false;
    }
    m_innerEof = m_finished = m_truncated = m_inMember = false;
    return true;
}

int64_t GzipSource::read(char* buf, size_t n)
{
    if (m_finished || n == 0) return 0;
    if (!m_error.isEmpty()) return -1;
    m_z->next_out = reinterpret_cast<Bytef*>(buf);
    m_z->avail_out = uInt(std::min<size_t>(n, 1u << 30));
    while (m_z->avail_out > 0) {
        if (m_z->avail_in == 0 && !m_innerEof) {
            const int64_t got = m_inner->read(m_in.data(), m_in.size());
            if (got < 0) {
                m_error = m_inner->errorString();
                return -1;
            }
            if (got == 0) m_innerEof = true;
            m_z->next_in = reinterpret_cast<Bytef*>(m_in.data());
            m_z->avail_in = uInt(got);
        }
        if (m_z->avail_in == 0 && m_innerEof) {
            if (m_inMember) m_truncated = true; // the file stops inside a gzip member
            m_finished = true;
            break;
        }
        m_inMember = true;
        const int rc = inflate(m_z.get(), Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            m_inMember = false;
            // Concatenated members (e.g. appended .gz chunks) continue; anything else after the end is ignored.
            if (m_z->avail_in > 0 && m_z->next_in[0] != 0x1f) {
                m_finished = true;
                break;
            }
            inflateReset(m_z.get());
            continue;
        }
        if (rc == Z_BUF_ERROR && m_z->avail_in == 0) continue; // needs more input
        if (rc != Z_OK) {
            const uint64_t at = m_inner->filePosition() - m_z->avail_in;
            m_error = QStringLiteral("corrupt gzip data near compressed byte %1 (%2)")
                          .arg(at)
                          .arg(QString::fromLatin1(m_z->msg ? m_z->msg : "inflate failed"));
            const int64_t produced = int64_t(n - m_z->avail_out);
            return produced > 0 ? produced : -1;
        }
    }
    return int64_t(n - m_z->avail_out);
}

bool GzipSource::rewind()
{
    if (!m_inner->rewind()) return false;
    m_error.clear();
    return init();
}

} // namespace calens
