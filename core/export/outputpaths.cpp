// SPDX-License-Identifier: MIT
#include "outputpaths.h"

#include "outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace calens::exporter {

namespace {

// One key per file however it is named: device and inode when it exists, else the absolute path with its
// folder resolved (so "out.pdf", "./out.pdf" and a symlinked folder agree).
QString fileKey(const QString& path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return QStringLiteral("inode:%1:%2").arg(qulonglong(st.st_dev)).arg(qulonglong(st.st_ino));
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QStringLiteral("path:")
        + QDir::cleanPath((folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName());
}

} // namespace

QString checkOutputPaths(const std::vector<OutputPath>& outputs, const QStringList& inputs)
{
    for (const OutputPath& out : outputs)
        if (const QString why = notRegularReason(out.path);
            !why.isEmpty() && !(out.folderAllowed && QFileInfo(out.path).isDir()))
            return QStringLiteral("%1: not a regular file (%2); %3 writes only regular files and never replaces "
                                  "devices, FIFOs or folders")
                .arg(out.path, why, out.option);
    for (size_t i = 0; i < outputs.size(); ++i)
        for (size_t j = i + 1; j < outputs.size(); ++j)
            if (fileKey(outputs[i].path) == fileKey(outputs[j].path))
                return QStringLiteral("%1: named by both %2 and %3; give each output its own file")
                    .arg(outputs[j].path, outputs[i].option, outputs[j].option);
    for (const OutputPath& out : outputs) {
        const QString key = fileKey(out.path);
        for (const QString& in : inputs)
            if (fileKey(in) == key)
                return QStringLiteral("%1: is also an input (%2); writing %3 there would overwrite the export "
                                      "being read")
                    .arg(out.path, in, out.option);
    }
    return {};
}

} // namespace calens::exporter
