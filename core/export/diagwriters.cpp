// SPDX-License-Identifier: MIT
#include "formatwriters.h"
#include "jsonout.h"
#include "model/signinref.h"
#include "outputfile.h"
#include "signinjson.h"
#include "timefmt.h"

#include <QDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace calens::exporter {

namespace {

// One Azure Monitor diagnostic record: envelope + properties (createdDateTime with "+00:00",
// conditionsSatisfied as integers), as Event Hubs and storage accounts receive it.
void appendRecord(std::string& out, const SignInRef& s)
{
    const std::string_view tenant = s.str(SF::ResourceTenantId);
    out += "{\"time\":\"";
    appendIso7(out, s.createdMs());
    out += "\",\"resourceId\":\"/tenants/";
    appendEscaped(out, tenant);
    out += "/providers/Microsoft.aadiam\",\"operationName\":\"Sign-in activity\",\"operationVersion\":\"1.0\","
           "\"category\":\"";
    out += categoryOf(s.type());
    out += "\",\"tenantId\":";
    appendString(out, tenant);
    out += ",\"resultType\":\"";
    appendInt(out, s.errorCode());
    out += "\",\"resultSignature\":\"None\",\"resultDescription\":";
    appendString(out, s.str(SF::FailureReason));
    out += ",\"durationMs\":0,\"callerIpAddress\":";
    appendString(out, s.str(SF::IpAddress));
    out += ",\"correlationId\":";
    appendString(out, s.str(SF::CorrelationId));
    out += ",\"identity\":";
    appendString(
        out, s.str(SF::UserDisplayName).empty() ? s.str(SF::ServicePrincipalName) : s.str(SF::UserDisplayName));
    out += ",\"Level\":4,\"location\":";
    appendString(out, s.str(SF::Country));
    out += ",\"properties\":";
    SignInJsonStyle style;
    style.numericConditions = true;
    style.offsetDates = true;
    appendSignInJson(out, s, style);
    out += '}';
}

std::string_view containerOf(SignInType t)
{
    switch (t) {
    case SignInType::NonInteractiveUser:
        return "insights-logs-noninteractiveusersigninlogs";
    case SignInType::ServicePrincipal:
        return "insights-logs-serviceprincipalsigninlogs";
    case SignInType::ManagedIdentity:
        return "insights-logs-managedidentitysigninlogs";
    default:
        return "insights-logs-signinlogs";
    }
}

bool writeLines(const Dataset& data, const std::vector<uint32_t>& rows, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    for (uint32_t row : rows) {
        appendRecord(out, data.signIn(row));
        out += '\n';
        if (!file.flushIfFull()) break;
    }
    return file.commit(error);
}

} // namespace

// Event Hubs payload: {"records":[...]}.
bool writeDiagRecords(const Dataset& data, const QString& path, QString* error)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    out += "{\"records\":[";
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        out += row ? ",\n" : "\n";
        appendRecord(out, data.signIn(row));
        if (!file.flushIfFull()) break;
    }
    out += "\n]}\n";
    return file.commit(error);
}

// Storage account blobs: one record per line, one PT1H.json per category and hour (oldest first, as
// appended), or a single file when the path names one.
bool writeDiagJsonl(const Dataset& data, const QString& path, QString* error)
{
    std::vector<uint32_t> rows(data.signInCount());
    for (uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
    const QString lower = path.toLower();
    const bool single = lower.endsWith(QLatin1String(".json")) || lower.endsWith(QLatin1String(".jsonl"))
        || lower.endsWith(QLatin1String(".json.gz")) || lower.endsWith(QLatin1String(".jsonl.gz"));
    if (single) return writeLines(data, rows, path, error);

    auto hourOf = [&](uint32_t r) { return data.signIn(r).createdMs() / 3600000; };
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        const SignInRef x = data.signIn(a), y = data.signIn(b);
        const std::string_view cx = containerOf(x.type()), cy = containerOf(y.type());
        if (cx != cy) return cx < cy;
        return x.createdMs() < y.createdMs();
    });
    const QDir root(path);
    for (size_t begin = 0; begin < rows.size();) {
        const SignInRef first = data.signIn(rows[begin]);
        size_t end = begin + 1;
        while (end < rows.size() && containerOf(data.signIn(rows[end]).type()) == containerOf(first.type())
            && hourOf(rows[end]) == hourOf(rows[begin]))
            ++end;
        const Civil c = civilFromMs(first.createdMs());
        char tail[64];
        std::snprintf(tail, sizeof tail, "/y=%04d/m=%02d/d=%02d/h=%02d/m=00/PT1H.json", c.year, c.month, c.day, c.hour);
        const std::string_view container = containerOf(first.type());
        const std::string_view tenant = first.str(SF::ResourceTenantId);
        const QString rel = QString::fromLatin1(container.data(), qsizetype(container.size()))
            + QStringLiteral("/tenantId=") + QString::fromUtf8(tenant.data(), qsizetype(tenant.size()))
            + QString::fromLatin1(tail);
        if (!writeLines(data, std::vector<uint32_t>(rows.begin() + long(begin), rows.begin() + long(end)),
                root.filePath(rel), error))
            return false;
        begin = end;
    }
    return true;
}

} // namespace calens::exporter
