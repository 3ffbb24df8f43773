// SPDX-License-Identifier: MIT
#include "queryservice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QLocale>

namespace calens::emulator {

namespace {

using Json = nlohmann::json;

RawReply oneApiError(int status, const char* code, const QString& message, const Json& inner = Json())
{
    Json error { { "code", code }, { "message", message.toStdString() } };
    if (!inner.is_null()) error["innererror"] = inner;
    return RawReply::json(status, QByteArray::fromStdString(Json { { "error", error } }.dump()));
}

Json engineError(const std::string& message)
{
    return { { "code", "PartialError" }, { "message", "There were some errors when processing your query." },
        { "details",
            Json::array({ { { "code", "EngineError" },
                { "message", "Something went wrong processing your query on the server." },
                { "innererror",
                    { { "code", "-2133196797" }, { "message", message }, { "severity", 2 },
                        { "severityName", "Error" } } } } }) } };
}

// The rows that fit the limits, and the engine's message when some did not.
std::string limited(const std::vector<std::string>& rows, int rowLimit, qint64 byteLimit, size_t* kept)
{
    qint64 bytes = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (int64_t(i) >= rowLimit) {
            *kept = i;
            return "Query result set has exceeded the internal record count limit " + std::to_string(rowLimit)
                + " (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)";
        }
        bytes += qint64(rows[i].size());
        if (bytes > byteLimit) {
            *kept = i;
            return "Query result set has exceeded the internal data size limit " + std::to_string(byteLimit)
                + " (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)";
        }
    }
    *kept = rows.size();
    return {};
}

std::string joinRows(const std::vector<std::string>& rows, size_t count)
{
    std::string out = "[";
    for (size_t i = 0; i < count; ++i) {
        if (i) out += ',';
        out += rows[i];
    }
    return out + ']';
}

int preferWait(const QHttpServerRequest& request)
{
    for (const QByteArray& part : request.value("Prefer").split(','))
        if (part.trimmed().startsWith("wait=")) return part.trimmed().mid(5).toInt();
    return 0;
}

} // namespace

QueryService::QueryService(QueryConfig config, const AuthService& auth)
    : m_config(std::move(config))
    , m_auth(auth)
{
    m_clock.start();
}

QueryService::Answer QueryService::load(const QString& query) const
{
    Answer a;
    a.hash = QString::fromLatin1(QCryptographicHash::hash(query.toUtf8(), QCryptographicHash::Sha256).toHex());
    QFile f(m_config.answersDir + QLatin1Char('/') + a.hash + QStringLiteral(".json"));
    if (m_config.answersDir.isEmpty() || !f.open(QIODevice::ReadOnly)) return a;
    const QByteArray bytes = f.readAll();
    const Json j = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!j.is_object() || !j.contains("tables") || j["tables"].empty()) return a;
    const Json& t = j["tables"][0];
    a.columns = t.value("columns", Json::array());
    for (const Json& r : t.value("rows", Json::array())) a.rows.push_back(r.dump());
    a.found = true;
    return a;
}

int QueryService::schedule(int delayMs)
{
    const qint64 now = m_clock.elapsed();
    std::erase_if(m_pending, [now](qint64 at) { return at <= now; });
    m_pending.push_back(now + delayMs);
    m_maxConcurrent = std::max(m_maxConcurrent, int(m_pending.size()));
    return delayMs;
}

RawReply QueryService::logAnalytics(const QHttpServerRequest& request)
{
    ++m_requests;
    const QByteArray authorization = request.value("Authorization");
    if (authorization.isEmpty())
        return oneApiError(401, "AuthenticationFailed",
            QStringLiteral("Authentication failed. The 'Authorization' header is missing."));
    if (!m_auth.isValid(authorization))
        return oneApiError(
            401, "InvalidAuthenticationToken", QStringLiteral("The access token is expired or invalid."));
    const QString audience = m_auth.audienceOf(authorization);
    m_audiences.push_back(audience.toStdString());
    if (audience != m_config.logAnalyticsAudience)
        return oneApiError(403, "InvalidAuthenticationTokenAudience",
            QStringLiteral("The access token has been obtained from wrong audience or resource '%1'. It should exactly "
                           "match with one of the allowed audiences '%2'.")
                .arg(audience, m_config.logAnalyticsAudience));
    const int wait = preferWait(request);
    m_waits.push_back(wait);
    // "If you send a POST request that's missing either JSON body or the Content-Type: application/json header,
    // we return an empty 200 response" (logs/api/errors).
    if (!request.value("Content-Type").startsWith("application/json")) return RawReply::json(200, {});
    const Json body
        = Json::parse(request.body().constData(), request.body().constData() + request.body().size(), nullptr, false);
    if (!body.is_object() || !body.contains("query") || !body["query"].is_string()) return RawReply::json(200, {});
    const FaultPlan::Rule fault = m_faults.next();
    if (fault.fault == Fault::Throttle) {
        RawReply r = oneApiError(429, "ThrottledError",
            QStringLiteral(
                "Your request was throttled: the query waited too long in the queue of concurrent queries."));
        const QByteArray after = (m_throttles++ % 2 == 0) ? QByteArrayLiteral("1")
                                                          : QLocale::c()
                                                                .toString(QDateTime::currentDateTimeUtc().addSecs(1),
                                                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                                                .toLatin1();
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), after));
        return r;
    }
    if (fault.fault == Fault::Unavailable) {
        RawReply r = oneApiError(503, "ServiceUnavailable", QStringLiteral("The service is unavailable."));
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")));
        return r;
    }
    const Answer a = load(QString::fromStdString(body["query"].get<std::string>()));
    if (!a.found) {
        ++m_unanswered;
        return oneApiError(400, "BadArgumentError",
            QStringLiteral("The emulator has no answer prepared for this query (it does not run KQL)."),
            Json { { "code", "NoPreparedAnswer" }, { "message", "sha256 " + a.hash.toStdString() } });
    }
    int delay = m_config.latencyMs + (fault.fault == Fault::Slow ? fault.ms : 0);
    const int limitMs = (wait > 0 ? std::min(wait, 600) : 180) * 1000;
    if (delay > limitMs) {
        // The service gives up at the Prefer: wait (default 3 minutes, at most 10) with 504 (logs/api/timeouts).
        RawReply r = oneApiError(504, "GatewayTimeout",
            QStringLiteral("The gateway did not receive a response within the specified time period."));
        r.delayMs = schedule(limitMs);
        return r;
    }
    size_t kept = 0;
    const std::string engine = limited(a.rows, m_config.rowLimit, m_config.byteLimit, &kept);
    std::string text = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":" + a.columns.dump()
        + ",\"rows\":" + joinRows(a.rows, kept) + "}]";
    if (!engine.empty()) {
        ++m_truncated;
        text += ",\"error\":" + engineError(engine).dump();
    } else if (fault.fault == Fault::Partial) {
        text += ",\"error\":"
            + engineError("The ClusterBy operator has exceeded the memory budget during evaluation. Results might be "
                          "incorrect or incomplete (E_RUNAWAY_QUERY).")
                  .dump();
    }
    text += '}';
    RawReply r = RawReply::json(200, QByteArray::fromStdString(text));
    r.delayMs = schedule(delay);
    if (fault.fault == Fault::Drop) r.mode = RawReply::Mode::DropMidBody;
    if (fault.fault == Fault::Truncate) r.body.chop(r.body.size() / 3);
    return r;
}

RawReply QueryService::dataExplorer(const QHttpServerRequest& request, const QByteArray& baseUrl)
{
    ++m_requests;
    const QByteArray authorization = request.value("Authorization");
    if (!m_auth.isValid(authorization))
        return oneApiError(401, "Unauthorized", QStringLiteral("The access token is expired or invalid."));
    const QString audience = m_auth.audienceOf(authorization);
    m_audiences.push_back(audience.toStdString());
    if (audience != QString::fromLatin1(baseUrl))
        return oneApiError(401, "Unauthorized",
            QStringLiteral("The token's audience '%1' is not this cluster (%2).")
                .arg(audience, QString::fromLatin1(baseUrl)));
    const Json body
        = Json::parse(request.body().constData(), request.body().constData() + request.body().size(), nullptr, false);
    if (!body.is_object() || !body.contains("csl") || !body["csl"].is_string() || !body.contains("db"))
        return oneApiError(400, "General_BadRequest", QStringLiteral("Request is invalid and cannot be executed."));
    const FaultPlan::Rule fault = m_faults.next();
    if (fault.fault == Fault::Throttle) {
        RawReply r = oneApiError(429, "TooManyRequests", QStringLiteral("The request was throttled."));
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")));
        return r;
    }
    const Answer a = load(QString::fromStdString(body["csl"].get<std::string>()));
    if (!a.found) {
        ++m_unanswered;
        return oneApiError(400, "General_BadRequest",
            QStringLiteral("The emulator has no answer prepared for this query (it does not run KQL)."),
            Json { { "code", "NoPreparedAnswer" }, { "message", "sha256 " + a.hash.toStdString() } });
    }
    Json columns = Json::array();
    for (const Json& c : a.columns)
        columns.push_back({ { "ColumnName", c.value("name", "") }, { "ColumnType", c.value("type", "") } });
    size_t kept = 0;
    std::string engine = limited(a.rows, m_config.rowLimit, m_config.byteLimit, &kept);
    if (engine.empty() && fault.fault == Fault::Partial)
        engine = "The ClusterBy operator has exceeded the memory budget during evaluation. Results might be incorrect "
                 "or incomplete (E_RUNAWAY_QUERY).";
    // Frames as documented in kusto/api/rest/response-v2: header, data tables, completion.
    std::string text = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
                       "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\","
                       "\"TableName\":\"@ExtendedProperties\",\"Columns\":[{\"ColumnName\":\"TableId\",\"ColumnType\":"
                       "\"int\"},{\"ColumnName\":\"Key\",\"ColumnType\":\"string\"},{\"ColumnName\":\"Value\","
                       "\"ColumnType\":\"dynamic\"}],\"Rows\":[]},"
                       "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":"
                       "\"PrimaryResult\",\"Columns\":"
        + columns.dump() + ",\"Rows\":";
    std::string rows = joinRows(a.rows, kept);
    Json oneApi;
    if (!engine.empty()) {
        ++m_truncated;
        oneApi = Json::array({ { { "error",
            { { "code", "LimitsExceeded" }, { "message", "Request is invalid and cannot be executed." },
                { "@type", "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException" },
                { "@message", engine },
                { "innererror", { { "code", "LimitsExceeded" }, { "message", engine } } } } } } });
        rows.pop_back();
        rows += std::string(kept ? "," : "") + Json { { "OneApiErrors", oneApi } }.dump() + "]";
    }
    text += rows + "},";
    text += "{\"FrameType\":\"DataTable\",\"TableId\":2,\"TableKind\":\"QueryCompletionInformation\",\"TableName\":"
            "\"QueryCompletionInformation\",\"Columns\":[{\"ColumnName\":\"Level\",\"ColumnType\":\"int\"}],\"Rows\":[]"
            "},";
    Json completion { { "FrameType", "DataSetCompletion" }, { "HasErrors", !engine.empty() }, { "Cancelled", false } };
    if (!engine.empty()) completion["OneApiErrors"] = oneApi;
    text += completion.dump() + "]";
    RawReply r = RawReply::json(200, QByteArray::fromStdString(text));
    r.delayMs = schedule(m_config.latencyMs + (fault.fault == Fault::Slow ? fault.ms : 0));
    return r;
}

Json QueryService::stats() const
{
    return { { "requests", m_requests }, { "maxConcurrent", m_maxConcurrent }, { "truncated", m_truncated },
        { "unanswered", m_unanswered }, { "preferWait", m_waits }, { "audiences", m_audiences } };
}

} // namespace calens::emulator
