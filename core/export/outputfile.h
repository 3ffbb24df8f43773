// SPDX-License-Identifier: MIT
#pragma once

#include <QSaveFile>
#include <QString>

#include <memory>
#include <string>

namespace calens::exporter {

// A file written atomically (QSaveFile: temp name, then rename on commit), gzip-compressed when the
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

    QSaveFile m_file;
    QString m_path;
    std::string m_buf;
    std::string m_zbuf;
    struct Deflater;
    std::unique_ptr<Deflater> m_z;
    bool m_failed = false;
};

} // namespace calens::exporter
