// SPDX-License-Identifier: MIT
#include "fetchfile.h"

#include "export/outputfile.h"
#include "export/writers.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace calens::graph {

bool writeFetchFile(
    const Dataset& data, const std::vector<std::string>& directoryAudits, const QString& path, QString* error)
{
    if (directoryAudits.empty()) return writeSignIns(data, Format::GraphJson, path, error);
    auto fail = [&](const QString& why) {
        if (error) *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QTemporaryFile staged(QFileInfo(path).absolutePath() + QLatin1String("/.calens-fetch-XXXXXX.json"));
    if (!staged.open()) return fail(staged.errorString());
    staged.close();
    if (!writeSignIns(data, Format::GraphJson, staged.fileName(), error)) return false;
    QFile in(staged.fileName());
    if (!in.open(QIODevice::ReadOnly)) return fail(in.errorString());
    exporter::OutputFile out;
    if (!out.open(path, error)) return false;
    // The writer ends the object with "}\n": copy up to that brace, then add the audits.
    qint64 keep = in.size();
    while (keep > 0) {
        in.seek(keep - 1);
        char c = 0;
        in.getChar(&c);
        --keep;
        if (c == '}') break;
    }
    in.seek(0);
    QByteArray chunk;
    for (qint64 left = keep; left > 0; left -= chunk.size()) {
        chunk = in.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty()) return fail(in.errorString());
        out.buffer().append(chunk.constData(), size_t(chunk.size()));
        if (!out.flushIfFull()) break;
    }
    QByteArray tail = ",\"directoryAudits\":[";
    for (size_t i = 0; i < directoryAudits.size(); ++i) {
        if (i) tail += ',';
        tail += '\n';
        tail.append(directoryAudits[i].data(), qsizetype(directoryAudits[i].size()));
    }
    tail += "\n]}\n";
    out.buffer().append(tail.constData(), size_t(tail.size()));
    return out.commit(error);
}

} // namespace calens::graph
