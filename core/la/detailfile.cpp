// SPDX-License-Identifier: MIT
#include "detailfile.h"

#include "signintables.h"

#include "export/jsonout.h"

namespace calens::la {

bool DetailFile::open(const QString& path, QString* error)
{
    if (!m_file.open(path, error)) return false;
    std::string& out = m_file.buffer();
    out += "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[";
    bool first = true;
    for (const TableColumn& c : detailColumns()) {
        if (!first) out += ',';
        first = false;
        out += "{\"name\":";
        exporter::appendString(out, c.name);
        out += ",\"type\":";
        exporter::appendString(out, kqlTypeName(c.type));
        out += '}';
    }
    out += "],\"rows\":[";
    return true;
}

void DetailFile::row(const std::vector<std::string_view>& cells)
{
    if (m_failed) return;
    std::string& out = m_file.buffer();
    out += m_rows++ ? ",\n[" : "\n[";
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += cells[i]; // raw JSON as the service sent it, read whole by the result reader
    }
    out += ']';
    if (!m_file.flushIfFull()) m_failed = true;
}

bool DetailFile::commit(QString* error)
{
    m_file.buffer() += "\n]}]}\n";
    return m_file.commit(error);
}

} // namespace calens::la
