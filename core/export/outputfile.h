// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>

namespace calens::exporter {

// A file written atomically: a temporary file beside the target, created exclusively (O_EXCL through
// mkostemp, so a planted file or symlink is never opened), renamed over the target on commit (no fsync,
// which would dominate folder exports). Gzip-compressed when the path ends with ".gz". Only regular files
// are replaced: a target that is a device, a FIFO, a socket or a folder (also behind a symlink) is refused,
// so a device node is never swapped for a file. Errors name the path and the OS error (strerror).
// Callers append to buffer() and call flushIfFull() now and then.
class OutputFile
{
public:
    OutputFile();
    ~OutputFile(); // discards what was not committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Missing folders on the way are created, unless createFolders(false) was called before.
    bool open(const QString& path, QString* error);
    void createFolders(bool create) { m_createFolders = create; }
    std::string& buffer() { return m_buf; }
    bool flushIfFull() { return m_buf.size() < kChunk || flush(); }
    // Two steps for sets of files: finish() writes everything and closes (any error leaves the target as it
    // was); publish() renames into place. commit() does both.
    bool finish(QString* error);
    bool publish(QString* error);
    bool commit(QString* error) { return finish(error) && publish(error); }
    void discard();
    const QString& path() const { return m_path; }

private:
    static constexpr size_t kChunk = 4 << 20;
    bool flush();
    bool writeRaw(const char* data, size_t size);
    bool fail(QString* error, const QString& what, int errnum);

    int m_fd = -1;
    QString m_path; // as given, for messages
    QByteArray m_target, m_temp; // encoded file names: the (symlink-resolved) target and the temporary file
    std::string m_buf;
    std::string m_zbuf;
    struct Deflater;
    std::unique_ptr<Deflater> m_z;
    int m_errno = 0; // the first write error
    bool m_failed = false, m_finished = false, m_createFolders = true;
};

// Why `path` cannot be replaced by a regular file (it exists and is a device, FIFO, socket or folder, also
// behind a symlink), as "a character device", ...; empty when it can (absent, or a regular file).
QString notRegularReason(const QString& path);

// Writes `bytes` to `path` atomically through OutputFile; the folder must exist.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

} // namespace calens::exporter
