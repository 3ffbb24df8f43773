// SPDX-License-Identifier: MIT
#include "laresponse.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <string>

namespace calens::la {

namespace {

using Json = nlohmann::json;

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.size() > 600 ? s.left(600) + QStringLiteral("…") : s;
}

QString str(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// The deepest message of a OneAPI error, where the service names the engine's own error.
QString innermost(const Json& e)
{
    QString inner;
    for (const char* key : { "innererror", "innerError" })
        if (e.contains(key) && e[key].is_object()) inner = innermost(e[key]);
    if (inner.isEmpty() && e.contains("details") && e["details"].is_array())
        for (const Json& d : e["details"])
            if (d.is_object()) {
                inner = innermost(d);
                if (inner.isEmpty()) inner = str(d, "message");
                break;
            }
    if (!inner.isEmpty()) return inner;
    return str(e, "message");
}

LaResponse fromError(const Json& error, const QString& fallbackCode)
{
    LaResponse r;
    r.code = str(error, "code");
    if (r.code.isEmpty()) r.code = fallbackCode;
    const QString top = str(error, "message"), inner = innermost(error);
    r.message = oneLine(inner.isEmpty() || inner == top ? top : top + QStringLiteral(" (") + inner + QLatin1Char(')'));
    const std::string all = error.dump();
    r.kind = all.find("E_QUERY_RESULT_SET_TOO_LARGE") != std::string::npos ? LaResponse::Kind::TooLarge
                                                                           : LaResponse::Kind::Failed;
    return r;
}

LaResponse failed(const QString& code, const QString& message)
{
    LaResponse r;
    r.code = code;
    r.message = message;
    return r;
}

LaResponse readLogAnalytics(const QByteArray& body)
{
    // Only the top level is looked at here (a whole page is not parsed twice): is there an "error" beside "tables"?
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(body.constData(), size_t(body.size()));
    simdjson::ondemand::document doc;
    simdjson::ondemand::object top;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(top))
        return failed(QStringLiteral("BadResponse"), QStringLiteral("the response is not a JSON object"));
    bool tables = false;
    for (auto field : top) {
        std::string_view key;
        if (field.unescaped_key().get(key)) break;
        if (key == "tables") {
            tables = true;
        } else if (key == "error") {
            simdjson::ondemand::object e;
            std::string_view raw;
            if (field.value().get_object().get(e) || e.raw_json().get(raw))
                return failed(QStringLiteral("PartialError"), QStringLiteral("an unreadable error beside the result"));
            const Json error = Json::parse(raw, nullptr, false);
            if (!error.is_object())
                return failed(QStringLiteral("PartialError"), QStringLiteral("an unreadable error beside the result"));
            return fromError(error, QStringLiteral("PartialError"));
        }
    }
    if (!tables) return failed(QStringLiteral("BadResponse"), QStringLiteral("the response has no \"tables\""));
    LaResponse r;
    r.kind = LaResponse::Kind::Ok;
    r.body = body;
    return r;
}

// Data Explorer v2: frames DataSetHeader, DataTable..., DataSetCompletion. The first PrimaryResult table is the
// answer; an error object at the end of its rows, or HasErrors in the completion, makes the whole response an error.
LaResponse readDataExplorer(const QByteArray& body)
{
    const Json frames = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!frames.is_array())
        return failed(QStringLiteral("BadResponse"), QStringLiteral("the response is not a list of frames"));
    const Json* primary = nullptr;
    bool completed = false;
    for (const Json& f : frames) {
        if (!f.is_object()) continue;
        if (f.contains("HasErrors")) {
            completed = true;
            if (f["HasErrors"] == true || f.value("Cancelled", false)) {
                const Json errors = f.value("OneApiErrors", Json::array());
                if (errors.is_array() && !errors.empty() && errors[0].contains("error"))
                    return fromError(errors[0]["error"], QStringLiteral("HasErrors"));
                return failed(QStringLiteral("HasErrors"),
                    f.value("Cancelled", false) ? QStringLiteral("the query was cancelled")
                                                : QStringLiteral("the query ended with errors"));
            }
        }
        if (!primary && f.value("TableKind", std::string()) == "PrimaryResult") primary = &f;
    }
    if (!completed)
        return failed(QStringLiteral("BadResponse"), QStringLiteral("the response ends before DataSetCompletion"));
    if (!primary)
        return failed(QStringLiteral("BadResponse"), QStringLiteral("the response has no PrimaryResult table"));
    const Json& rows = (*primary)["Rows"];
    if (!rows.is_array()) return failed(QStringLiteral("BadResponse"), QStringLiteral("PrimaryResult has no rows"));
    if (!rows.empty() && rows.back().is_object()) {
        const Json& e = rows.back();
        if (e.contains("OneApiErrors") && e["OneApiErrors"].is_array() && !e["OneApiErrors"].empty()
            && e["OneApiErrors"][0].contains("error"))
            return fromError(e["OneApiErrors"][0]["error"], QStringLiteral("HasErrors"));
        return failed(QStringLiteral("HasErrors"), QStringLiteral("the result ends with an error"));
    }
    Json columns = Json::array();
    for (const Json& c : (*primary)["Columns"])
        columns.push_back(
            { { "name", c.value("ColumnName", std::string()) }, { "type", c.value("ColumnType", std::string()) } });
    Json out;
    out["tables"] = Json::array({ { { "name", "PrimaryResult" }, { "columns", columns }, { "rows", rows } } });
    LaResponse r;
    r.kind = LaResponse::Kind::Ok;
    r.body = QByteArray::fromStdString(out.dump());
    return r;
}

} // namespace

LaResponse readResponse(const QByteArray& body, LaTarget::Service service)
{
    if (body.trimmed().isEmpty())
        return failed(QStringLiteral("EmptyResponse"),
            QStringLiteral("an empty 200 response (the service answers so when the request is not JSON)"));
    return service == LaTarget::Service::LogAnalytics ? readLogAnalytics(body) : readDataExplorer(body);
}

QString errorText(const QByteArray& body, QString* code)
{
    const Json j = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) {
        if (code) code->clear();
        return oneLine(QString::fromUtf8(body.left(300)));
    }
    const LaResponse r = fromError(j["error"], QString());
    if (code) *code = r.code;
    return r.code.isEmpty() ? r.message : r.code + QStringLiteral(": ") + r.message;
}

} // namespace calens::la
