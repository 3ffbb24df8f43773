// SPDX-License-Identifier: MIT
#include "writers.h"

#include "formatwriters.h"
#include "jsonout.h"
#include "model/dataset.h"
#include "outputfile.h"

namespace calens {

using namespace exporter;

bool writeSignIns(const Dataset& data, Format format, const QString& path, QString* error, const WriteOptions& options)
{
    switch (format) {
    case Format::GraphJson:
        return writeGraphJson(data, path, error);
    case Format::PortalJson:
        return writePortalJson(data, path, error);
    case Format::PortalCsv:
        return writePortalCsv(data, path, error);
    case Format::LaCsv:
        return writeLaCsv(data, path, error);
    case Format::LaJson:
        return writeLaJson(data, path, error);
    case Format::DiagRecords:
        return writeDiagRecords(data, path, error);
    case Format::DiagJsonl:
        return writeDiagJsonl(data, path, error);
    case Format::PowershellJson:
        return writePowershellJson(data, path, error, options.psDepth);
    default:
        break;
    }
    if (error)
        *error = QStringLiteral("%1: %2 is not a sign-in format")
                     .arg(path, QString::fromUtf8(formatName(format).data(), qsizetype(formatName(format).size())));
    return false;
}

namespace {
template<typename List> bool writeList(const List& items, const char* context, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    out += "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/";
    out += context;
    out += "\",\"value\":[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += items[i].json.empty() ? std::string("{}") : items[i].json;
    }
    out += "]}\n";
    return file.commit(error);
}
} // namespace

bool writePolicies(const Dataset& data, const QString& path, QString* error)
{
    return writeList(data.policies(), "policies", path, error);
}

bool writeNamedLocations(const Dataset& data, const QString& path, QString* error)
{
    return writeList(data.namedLocations(), "namedLocations", path, error);
}

} // namespace calens
