// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace calens::exporter {

// An output a command was asked to write, with the option that named it ("-o", "--html").
struct OutputPath
{
    QString option;
    QString path;
    bool folderAllowed = false; // a writer that fills a folder (synth's portal-csv, diag-jsonl trees)
};

// The refusal, as one line naming the path, when the outputs cannot be written safely; empty when they can:
// an output that exists and is not a regular file (a device, FIFO, socket or folder, also behind a symlink;
// replacing it would destroy it), two outputs on one file, or an output that is one of `inputs` (the same
// file, however named: writing would overwrite the export being read).
QString checkOutputPaths(const std::vector<OutputPath>& outputs, const QStringList& inputs);

} // namespace calens::exporter
