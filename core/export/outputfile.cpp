// SPDX-License-Identifier: MIT
#include "outputfile.h"

#include <QDir>
#include <QFileInfo>

#include <zlib.h>

#include <cstdio>

namespace calens::exporter {

struct OutputFile::Deflater
{
    z_stream zs {};
    bool ok = false;
    Deflater()
    {
        // Level 1: the exports are large and the output only has to be valid gzip, not minimal.
        ok = deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Deflater() { deflateEnd(&zs); }
};

OutputFile::OutputFile()
{
    m_buf.reserve(kChunk + (64 << 10));
}
OutputFile::~OutputFile()
{
    if (m_file.isOpen()) discard();
}

void OutputFile::discard()
{
    m_file.close();
    m_file.remove();
}

bool OutputFile::open(const QString& path, QString* error)
{
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error) *error = QStringLiteral("%1: cannot create the folder").arg(path);
        return false;
    }
    m_file.setFileName(path + QStringLiteral(".calens-part"));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = QStringLiteral("%1: %2").arg(path, m_file.errorString());
        return false;
    }
    if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        m_z = std::make_unique<Deflater>();
        m_zbuf.resize(1 << 20);
        if (!m_z->ok) m_failed = true;
    }
    return !m_failed;
}

bool OutputFile::writeRaw(const char* data, size_t size)
{
    if (m_file.write(data, qint64(size)) != qint64(size)) m_failed = true;
    return !m_failed;
}

bool OutputFile::flush()
{
    if (m_failed) return false;
    if (!m_z) {
        writeRaw(m_buf.data(), m_buf.size());
    } else {
        z_stream& zs = m_z->zs;
        zs.next_in = reinterpret_cast<Bytef*>(m_buf.data());
        zs.avail_in = uInt(m_buf.size());
        do {
            zs.next_out = reinterpret_cast<Bytef*>(m_zbuf.data());
            zs.avail_out = uInt(m_zbuf.size());
            deflate(&zs, Z_NO_FLUSH);
            writeRaw(m_zbuf.data(), m_zbuf.size() - zs.avail_out);
        } while (zs.avail_out == 0 && !m_failed);
    }
    m_buf.clear();
    return !m_failed;
}

bool OutputFile::commit(QString* error)
{
    flush();
    if (m_z && !m_failed) {
        z_stream& zs = m_z->zs;
        zs.next_in = nullptr;
        zs.avail_in = 0;
        int rc;
        do {
            zs.next_out = reinterpret_cast<Bytef*>(m_zbuf.data());
            zs.avail_out = uInt(m_zbuf.size());
            rc = deflate(&zs, Z_FINISH);
            writeRaw(m_zbuf.data(), m_zbuf.size() - zs.avail_out);
        } while (rc == Z_OK && !m_failed);
        if (rc != Z_STREAM_END) m_failed = true;
    }
    m_file.close();
    if (m_failed || m_file.error() != QFileDevice::NoError) {
        if (error) *error = QStringLiteral("%1: write failed (%2)").arg(m_path, m_file.errorString());
        m_file.remove();
        return false;
    }
    // POSIX rename replaces the target atomically.
    if (std::rename(QFile::encodeName(m_file.fileName()).constData(), QFile::encodeName(m_path).constData()) != 0) {
        if (error) *error = QStringLiteral("%1: cannot replace the file").arg(m_path);
        m_file.remove();
        return false;
    }
    return true;
}

} // namespace calens::exporter
