// SPDX-License-Identifier: MIT
#include "filesource.h"

#include "gzipsource.h"
#include "utf16source.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace calens {

FileSource::FileSource(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    m_fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    struct stat st;
    if (::fstat(m_fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            m_error = QStringLiteral("is a folder");
            ::close(m_fd);
            m_fd = -1;
            return;
        }
        m_size = uint64_t(st.st_size);
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

FileSource::~FileSource()
{
    if (m_fd >= 0) ::close(m_fd);
}

int64_t FileSource::read(char* buf, size_t n)
{
    if (m_fd < 0) return -1;
    for (;;) {
        const ssize_t r = ::read(m_fd, buf, n);
        if (r >= 0) {
            m_pos += uint64_t(r);
            return r;
        }
        if (errno == EINTR) continue;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
}

bool FileSource::rewind()
{
    if (m_fd < 0 || ::lseek(m_fd, 0, SEEK_SET) != 0) return false;
    m_pos = 0;
    return true;
}

std::unique_ptr<ByteSource> ByteSource::open(const QString& path, QString* error)
{
    auto file = std::make_unique<FileSource>(path);
    if (!file->isOpen()) {
        if (error) *error = file->errorString();
        return nullptr;
    }
    unsigned char magic[2] = { 0, 0 };
    const int64_t got = file->read(reinterpret_cast<char*>(magic), 2);
    if (got < 0 || !file->rewind()) {
        if (error) *error = file->errorString();
        return nullptr;
    }
    std::unique_ptr<ByteSource> source = std::move(file);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        source = std::make_unique<GzipSource>(std::move(source));
        const int64_t inner = source->read(reinterpret_cast<char*>(magic), 2);
        if (inner < 2 || !source->rewind()) {
            source->rewind();
            return source; // the reader reports what is wrong with the stream
        }
    }
    if (magic[0] == 0xFF && magic[1] == 0xFE) return std::make_unique<Utf16Source>(std::move(source), false);
    if (magic[0] == 0xFE && magic[1] == 0xFF) return std::make_unique<Utf16Source>(std::move(source), true);
    return source;
}

} // namespace calens
