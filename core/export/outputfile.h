// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QString>

#include <memory>
#include <string>

namespace calens::exporter {

// A file written atomically (a temporary name beside it, renamed over the target on commit; no fsync,
// which QSaveFile would do per file and which dominates folder exports), gzip-compressed when the
// path ends with ".gz". Callers append to buffer() and call flushIfFull() now and then.
class OutputFile
{
public:
    OutputFile();
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool open(const QString& path, QString* error);
    std::string& buffer() { return m_buf; }
    bool flushIfFull() { return m_buf.size() < kChunk || flush(); }
    bool commit(QString* error); // flushes, finishes gzip, renames into place

private:
    static constexpr size_t kChunk = 4 << 20;
    bool flush();
    bool writeRaw(const char* data, size_t size);

    void discard();

    QFile m_file;
    QString m_path;
    std::string m_buf;
    std::string m_zbuf;
    struct Deflater;
    std::unique_ptr<Deflater> m_z;
    bool m_failed = false;
};

} // namespace calens::exporter
