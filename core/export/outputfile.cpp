// SPDX-License-Identifier: MIT
#include "outputfile.h"

#include <QDir>
#include <QFileInfo>

#include <zlib.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace calens::exporter {

namespace {

QString osError(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

QString kindOf(mode_t mode)
{
    if (S_ISCHR(mode)) return QStringLiteral("a character device");
    if (S_ISBLK(mode)) return QStringLiteral("a block device");
    if (S_ISFIFO(mode)) return QStringLiteral("a FIFO");
    if (S_ISSOCK(mode)) return QStringLiteral("a socket");
    if (S_ISDIR(mode)) return QStringLiteral("a folder");
    return QStringLiteral("not a regular file");
}

// The file a write to `path` lands on: symlinks resolved (a dangling one names its target), else `path`.
QByteArray resolvedTarget(const QByteArray& path)
{
    struct stat st;
    if (::lstat(path.constData(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    char buf[PATH_MAX];
    if (::realpath(path.constData(), buf)) return QByteArray(buf);
    // Dangling: write where it points, as QSaveFile does.
    const QString target = QFileInfo(QFile::decodeName(path)).symLinkTarget();
    return target.isEmpty() ? path : QFile::encodeName(target);
}

// The process umask without changing it (umask() would, for a moment, for every thread).
mode_t currentUmask()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("Umask:")) return mode_t(line.mid(6).trimmed().toUInt(nullptr, 8));
    return 022;
}

} // namespace

QString notRegularReason(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return {}; // absent (or a dangling link)
    return S_ISREG(st.st_mode) ? QString() : kindOf(st.st_mode);
}

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
    discard();
}

void OutputFile::discard()
{
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temp.isEmpty()) ::unlink(m_temp.constData());
    m_temp.clear();
}

bool OutputFile::fail(QString* error, const QString& what, int errnum)
{
    if (error)
        *error = errnum ? QStringLiteral("%1: %2: %3").arg(m_path, what, osError(errnum))
                        : QStringLiteral("%1: %2").arg(m_path, what);
    discard();
    m_failed = true;
    return false;
}

bool OutputFile::open(const QString& path, QString* error)
{
    m_path = path;
    if (const QString why = notRegularReason(path); !why.isEmpty())
        return fail(error, QStringLiteral("not a regular file (%1); CA Lens replaces only regular files").arg(why), 0);
    m_target = resolvedTarget(QFile::encodeName(path));
    const QFileInfo info(QFile::decodeName(m_target));
    if (!info.absoluteDir().exists() && !m_createFolders)
        return fail(error, QStringLiteral("the folder %1 does not exist").arg(info.absolutePath()), 0);
    if (!QDir().mkpath(info.absolutePath())) return fail(error, QStringLiteral("cannot create the folder"), 0);
    // mkostemp opens with O_CREAT | O_EXCL: it never follows a symlink or reuses a file someone planted.
    QByteArray name
        = QFile::encodeName(info.absolutePath()) + "/." + QFile::encodeName(info.fileName()) + ".calens-part-XXXXXX";
    m_fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (m_fd < 0) return fail(error, QStringLiteral("cannot create a temporary file beside it"), errno);
    m_temp = name;
    // mkostemp creates 0600; give the file the mode a plain creation would (or the replaced file's).
    struct stat old;
    const mode_t mode = ::stat(m_target.constData(), &old) == 0 ? (old.st_mode & 07777) : (0666 & ~currentUmask());
    if (::fchmod(m_fd, mode) != 0) return fail(error, QStringLiteral("cannot set the file mode"), errno);
    if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        m_z = std::make_unique<Deflater>();
        m_zbuf.resize(1 << 20);
        if (!m_z->ok) return fail(error, QStringLiteral("cannot start gzip compression"), 0);
    }
    return true;
}

bool OutputFile::writeRaw(const char* data, size_t size)
{
    while (size > 0 && !m_failed) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            m_errno = n < 0 ? errno : ENOSPC;
            m_failed = true;
            break;
        }
        data += n;
        size -= size_t(n);
    }
    return !m_failed;
}

bool OutputFile::flush()
{
    if (m_failed || m_fd < 0) return false;
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

bool OutputFile::finish(QString* error)
{
    if (m_finished) return true;
    if (m_fd < 0) return fail(error, QStringLiteral("not open"), 0);
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
        if (rc != Z_STREAM_END && !m_failed) return fail(error, QStringLiteral("gzip compression failed"), 0);
    }
    if (m_failed) return fail(error, QStringLiteral("write failed"), m_errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) return fail(error, QStringLiteral("write failed"), errno); // NFS reports late errors here
    m_finished = true;
    return true;
}

bool OutputFile::publish(QString* error)
{
    if (!m_finished) return fail(error, QStringLiteral("not finished"), 0);
    // Checked again just before: a device or FIFO put there meanwhile is still not replaced.
    if (const QString why = notRegularReason(QFile::decodeName(m_target)); !why.isEmpty())
        return fail(error, QStringLiteral("not a regular file (%1); CA Lens replaces only regular files").arg(why), 0);
    if (std::rename(m_temp.constData(), m_target.constData()) != 0)
        return fail(error, QStringLiteral("cannot replace the file"), errno);
    m_temp.clear();
    return true;
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    OutputFile file;
    file.createFolders(false);
    if (!file.open(path, error)) return false;
    file.buffer().assign(bytes.constData(), size_t(bytes.size()));
    return file.commit(error);
}

} // namespace calens::exporter
