// SPDX-License-Identifier: MIT
#include "filesource.h"

#include "gzipsource.h"
#include "utf16source.h"

#include <QFile>

#include <algorithm>
#include <iterator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace calens {

FileSource::FileSource(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever. Only regular files are read
    // (a pipe or a device cannot be rewound after format detection, and /dev/zero never ends).
    m_fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    struct stat st;
    if (::fstat(m_fd, &st) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    {
        if (!S_ISREG(st.st_mode)) {
            m_error = S_ISDIR(st.st_mode) ? QStringLiteral("is a folder")
                                          : QStringLiteral("not a regular file (a pipe, socket or device)");
            ::close(m_fd);
            m_fd = -1;
            return;
        }
        m_size = uint64_t(st.st_size);
    }
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0) ::fcntl(m_fd, F_SETFL, flags & ~O_NONBLOCK);
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
    // Never past the size seen at open: a file another program keeps appending to would otherwise be read
    // for as long as it writes. What came later is named (grewWhileRead), not read.
    if (m_pos >= m_size) {
        struct stat st;
        if (!m_grew && ::fstat(m_fd, &st) == 0 && uint64_t(st.st_size) > m_size) m_grew = true;
        return 0;
    }
    n = size_t(std::min<uint64_t>(n, m_size - m_pos));
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
    return decode(std::move(file), error);
}

namespace {
// Reads up to n bytes from the start (short reads are retried), then rewinds. -1 on error.
int64_t peek(ByteSource& source, unsigned char* buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        const int64_t r = source.read(reinterpret_cast<char*>(buf) + got, n - got);
        if (r < 0) return -1;
        if (r == 0) break;
        got += size_t(r);
    }
    return source.rewind() ? int64_t(got) : -1;
}
} // namespace

std::unique_ptr<ByteSource> ByteSource::decode(std::unique_ptr<ByteSource> source, QString* error)
{
    unsigned char magic[4] = { 0, 0, 0, 0 };
    const int64_t got = peek(*source, magic, 4);
    if (got < 0) {
        if (error) *error = source->errorString();
        return nullptr;
    }
    if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        source = std::make_unique<GzipSource>(std::move(source));
        std::fill(std::begin(magic), std::end(magic), 0);
        if (peek(*source, magic, 4) < 2) {
            source->rewind();
            return source; // the reader reports what is wrong with the stream
        }
    }
    if (magic[0] == 0xFF && magic[1] == 0xFE) return std::make_unique<Utf16Source>(std::move(source), false);
    if (magic[0] == 0xFE && magic[1] == 0xFF) return std::make_unique<Utf16Source>(std::move(source), true);
    // UTF-16 without a byte-order mark: exports start with ASCII ('[', '{', '"' or a letter), so every other
    // byte of the first two characters is zero.
    if (magic[0] && !magic[1] && magic[2] && !magic[3]) return std::make_unique<Utf16Source>(std::move(source), false);
    if (!magic[0] && magic[1] && !magic[2] && magic[3]) return std::make_unique<Utf16Source>(std::move(source), true);
    return source;
}

} // namespace calens
