// SPDX-License-Identifier: MIT
#include "csvout.h"
#include "formatwriters.h"
#include "jsonout.h"
#include "larow.h"
#include "model/signinref.h"
#include "outputfile.h"

namespace calens::exporter {

// Log Analytics portal "Export to CSV": datetime headers get " [UTC]", no BOM, quotes only where needed.
bool writeLaCsv(const Dataset& data, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    CsvRow header(out, false);
    for (const LaRow::Column& c : LaRow::columns()) {
        std::string h(c.name);
        if (c.kind == LaRow::Kind::DateTime) h += " [UTC]";
        header.field(h);
    }
    header.end();
    LaRow row;
    for (uint32_t r = 0; r < data.signInCount(); ++r) {
        row.fill(data.signIn(r), true);
        CsvRow line(out, false);
        for (size_t i = 0; i < LaRow::kColumns; ++i) {
            const std::string& v = row.cell(i);
            // Datetimes are always quoted in the portal export (they contain a comma anyway).
            line.field(v);
        }
        line.end();
        if (!file.flushIfFull()) break;
    }
    return file.commit(error);
}

// Log Analytics query API response: dynamic columns as JSON strings, datetimes ISO with 7 digits.
bool writeLaJson(const Dataset& data, const QString& path, QString* error)
{
    static const char* kTypes[] = { "string", "datetime", "dynamic", "bool", "long" };
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    out += "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[";
    const auto& cols = LaRow::columns();
    for (size_t i = 0; i < cols.size(); ++i) {
        if (i) out += ',';
        out += "{\"name\":";
        appendString(out, cols[i].name);
        out += ",\"type\":\"";
        out += kTypes[int(cols[i].kind)];
        out += "\"}";
    }
    out += "],\"rows\":[";
    LaRow row;
    for (uint32_t r = 0; r < data.signInCount(); ++r) {
        row.fill(data.signIn(r), false);
        out += r ? ",\n[" : "\n[";
        for (size_t i = 0; i < cols.size(); ++i) {
            if (i) out += ',';
            const std::string& v = row.cell(i);
            const LaRow::Kind k = cols[i].kind;
            if (k == LaRow::Kind::Bool || k == LaRow::Kind::Long)
                out += v.empty() ? std::string_view("null") : std::string_view(v);
            else if ((k == LaRow::Kind::DateTime || k == LaRow::Kind::Dynamic) && v.empty())
                out += "null";
            else
                appendString(out, v);
        }
        out += ']';
        if (!file.flushIfFull()) break;
    }
    out += "\n]}]}\n";
    return file.commit(error);
}

} // namespace calens::exporter
