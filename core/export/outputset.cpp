// SPDX-License-Identifier: MIT
#include "outputset.h"

namespace calens::exporter {

bool OutputSet::add(const QString& path, const QByteArray& bytes, QString* error)
{
    auto file = std::make_unique<OutputFile>();
    file->createFolders(false);
    if (!file->open(path, error)) return false;
    file->buffer().assign(bytes.constData(), size_t(bytes.size()));
    if (!file->finish(error)) return false;
    m_files.push_back(std::move(file));
    return true;
}

bool OutputSet::publish(QString* error)
{
    for (auto& file : m_files) {
        QString why;
        if (!file->publish(&why)) {
            if (error)
                *error = m_written.isEmpty()
                    ? QString(why + QStringLiteral("; no file was replaced"))
                    : QString(why + QStringLiteral("; already written: ") + m_written.join(QStringLiteral(", ")));
            m_files.clear(); // the rest are discarded: their old files stay
            return false;
        }
        m_written << file->path();
    }
    m_files.clear();
    return true;
}

} // namespace calens::exporter
