// SPDX-License-Identifier: MIT
#pragma once

#include "outputfile.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace calens::exporter {

// Files that belong together (a report's PDF, HTML and JSON): each is written in full to its temporary file
// first; only when all are written are they renamed into place, one after another. A failure while writing
// leaves every old file as it was; a failure while renaming (rare: the folder became read-only) says which
// files were already replaced.
class OutputSet
{
public:
    // Writes `bytes` for `path` (to its temporary file). False with `error` naming the path and OS error.
    bool add(const QString& path, const QByteArray& bytes, QString* error);
    // Renames every file into place. False with `error` naming the file that failed and those written.
    bool publish(QString* error);
    const QStringList& written() const { return m_written; }

private:
    std::vector<std::unique_ptr<OutputFile>> m_files;
    QStringList m_written;
};

} // namespace calens::exporter
