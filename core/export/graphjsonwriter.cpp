// SPDX-License-Identifier: MIT
#include "formatwriters.h"
#include "jsonout.h"
#include "model/signinref.h"
#include "outputfile.h"
#include "signinjson.h"

namespace calens::exporter {

namespace {

template<typename List> void appendRawList(std::string& out, const char* key, const List& items)
{
    out += ",\"";
    out += key;
    out += "\":[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += items[i].json.empty() ? std::string("{}") : items[i].json;
    }
    out += ']';
}

bool writeSignInArray(const Dataset& data, OutputFile& file)
{
    std::string& out = file.buffer();
    const SignInJsonStyle style;
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        if (row) out += ',';
        out += '\n';
        appendSignInJson(out, data.signIn(row), style);
        if (!file.flushIfFull()) return false;
    }
    return true;
}

} // namespace

// The Graph beta list response; CA Lens's fetch file adds the directory data after "value".
bool writeGraphJson(const Dataset& data, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    file.buffer() += "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[";
    writeSignInArray(data, file);
    std::string& out = file.buffer();
    out += "\n]";
    appendRawList(out, "policies", data.policies());
    appendRawList(out, "namedLocations", data.namedLocations());
    appendRawList(out, "servicePrincipals", data.servicePrincipals());
    out += "}\n";
    return file.commit(error);
}

// The Entra admin center JSON download: a bare array of the same objects.
bool writePortalJson(const Dataset& data, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    file.buffer() += '[';
    writeSignInArray(data, file);
    file.buffer() += "\n]\n";
    return file.commit(error);
}

} // namespace calens::exporter
