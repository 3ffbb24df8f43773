// SPDX-License-Identifier: MIT
#include "graphemulator.h"

#include "ingest/timestamp.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLocale>
#include <QTcpSocket>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace calens::emulator {

namespace {

QString param(const QHttpServerRequest& request, const char* name)
{
    return request.query().queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

QByteArray skiptoken(size_t offset)
{
    // Opaque to the client, as Graph's are: a hash-looking prefix and the position.
    const QByteArray raw = "calens-emulator:" + QByteArray::number(qulonglong(offset));
    return raw.toHex().right(24) + '_' + QByteArray::number(qulonglong(offset) * 7 + 3);
}

std::optional<size_t> offsetOf(const QString& token)
{
    if (token.isEmpty()) return size_t(0);
    bool ok = false;
    const qulonglong v = token.section(QLatin1Char('_'), 1).toULongLong(&ok);
    if (!ok || v < 3 || (v - 3) % 7 != 0) return std::nullopt;
    return size_t((v - 3) / 7);
}

} // namespace

GraphEmulator::GraphEmulator(EmulatorConfig config, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config))
    , m_tenant(m_config.seed, m_config.signIns, m_config.days)
    , m_objects(m_tenant.policies(), m_tenant.namedLocations())
    , m_auth(m_config)
    , m_queries(
          QueryConfig { m_config.laAnswers, m_config.laRowLimit, m_config.laByteLimit, m_config.laLatencyMs }, m_auth)
{ }

bool GraphEmulator::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    route(request).send(socket);
    return true;
}

void GraphEmulator::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    RawReply::graphError(404, "Request_ResourceNotFound", QStringLiteral("Resource not found.")).send(socket);
}

RawReply GraphEmulator::route(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    ++m_requests[path];
    if (path == QLatin1String("/_emulator/capture")) return capture(request);
    if (path.startsWith(QLatin1String("/_emulator/"))) return admin(request);
    if (path.endsWith(QLatin1String("/oauth2/v2.0/token")) || path.endsWith(QLatin1String("/oauth2/v2.0/devicecode"))) {
        if (request.method() != QHttpServerRequest::Method::Post)
            return RawReply::json(405, QByteArrayLiteral("{\"error\":\"invalid_request\"}"));
        if (path.endsWith(QLatin1String("token")) && !m_config.tokenFault.isEmpty())
            if (RawReply r = m_auth.tokenFault(m_baseUrl); r.status != 0) return r;
        const QUrlQuery form(QString::fromUtf8(request.body()));
        return path.endsWith(QLatin1String("token")) ? m_auth.token(form) : m_auth.deviceCode(form, m_baseUrl);
    }
    if (path == QLatin1String("/devicelogin")) {
        RawReply r = RawReply::json(200, "<p>Emulator: device codes are approved automatically.</p>");
        r.contentType = "text/html";
        return r;
    }
    // The query endpoints check their tokens' audience themselves and answer in their own error shape.
    if (request.method() == QHttpServerRequest::Method::Post && path.startsWith(QLatin1String("/v1/workspaces/"))
        && path.endsWith(QLatin1String("/query")))
        return m_queries.logAnalytics(request);
    if (request.method() == QHttpServerRequest::Method::Post && path == QLatin1String("/v2/rest/query"))
        return m_queries.dataExplorer(request, m_baseUrl);
    if (!m_auth.isValid(request.value("Authorization")))
        return RawReply::graphError(
            401, "InvalidAuthenticationToken", QStringLiteral("Access token is empty, expired or not valid."));
    const bool beta = path.startsWith(QLatin1String("/beta/"));
    const QString rest = path.section(QLatin1Char('/'), 2);
    if (rest == QLatin1String("auditLogs/signIns")) return signIns(request, beta);
    if (rest.startsWith(QLatin1String("identity/conditionalAccess/policies"))
        || rest.startsWith(QLatin1String("identity/conditionalAccess/namedLocations")))
        return directoryObject(request, rest, beta);
    if (rest == QLatin1String("servicePrincipals")) return servicePrincipals(request);
    if (rest == QLatin1String("auditLogs/directoryAudits")) return audits(request);
    return RawReply::graphError(400, "BadRequest",
        QStringLiteral("Resource not found for the segment '%1'.").arg(path.section(QLatin1Char('/'), -1)));
}

RawReply GraphEmulator::signIns(const QHttpServerRequest& request, bool beta)
{
    const FaultPlan::Rule fault = m_faults.next();
    const ODataFilter filter = parseFilter(param(request, "$filter"), QStringLiteral("createdDateTime"));
    if (!filter.ok()) return RawReply::graphError(400, "BadRequest", filter.error);
    if (filter.hasEventTypes && !beta)
        return RawReply::graphError(400, "BadRequest",
            QStringLiteral("Could not find a property named 'signInEventTypes' on type 'microsoft.graph.signIn'."));
    const bool user = filter.eventTypes.count(QStringLiteral("interactiveuser"))
        || filter.eventTypes.count(QStringLiteral("noninteractiveuser"));
    const bool workload = filter.eventTypes.count(QStringLiteral("serviceprincipal"))
        || filter.eventTypes.count(QStringLiteral("managedidentity"));
    if (user && workload)
        return RawReply::graphError(400, "BadRequest",
            QStringLiteral("Combining user and service principal sign-in event types in one filter is not supported."));
    switch (fault.fault) {
    case Fault::Throttle: {
        RawReply r = RawReply::graphError(429, "TooManyRequests", QStringLiteral("Too many requests."));
        // Seconds, and every other time an HTTP-date, as the header allows both.
        const QByteArray after = (m_throttles++ % 2 == 0) ? QByteArrayLiteral("1")
                                                          : QLocale::c()
                                                                .toString(QDateTime::currentDateTimeUtc().addSecs(1),
                                                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                                                .toLatin1();
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), after));
        return r;
    }
    case Fault::Unavailable: {
        RawReply r = RawReply::graphError(503, "ServiceUnavailable", QStringLiteral("Service unavailable."));
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")));
        return r;
    }
    case Fault::Expire:
        m_auth.expireAll();
        return RawReply::graphError(
            401, "InvalidAuthenticationToken", QStringLiteral("Access token has expired or is not yet valid."));
    case Fault::Licence:
        return RawReply::graphError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            QStringLiteral("Neither tenant is B2C or tenant doesn't have premium license"));
    case Fault::Redirect: {
        RawReply r = RawReply::json(307, "{}");
        r.headers.append(qMakePair(QByteArrayLiteral("Location"), m_baseUrl + "/_emulator/capture"));
        return r;
    }
    default:
        break;
    }
    const auto offset = offsetOf(param(request, "$skiptoken"));
    if (!offset) return RawReply::graphError(400, "BadRequest", QStringLiteral("Invalid $skiptoken."));
    const size_t top
        = size_t(std::clamp(param(request, "$top").isEmpty() ? 1000 : param(request, "$top").toInt(), 1, 1000));
    const std::vector<size_t> hits = m_tenant.select(filter, beta);
    const bool prefer = request.value("Prefer").contains("include-unknown-enum-members");
    std::vector<std::string> items;
    for (size_t i = *offset; i < hits.size() && i < *offset + top; ++i)
        items.push_back(m_tenant.render(hits[i], prefer, m_faults.caPolicyHidden()));
    RawReply r = page(request, items, hits.size(), *offset, top, beta ? "beta" : "v1.0");
    r.delayMs = m_config.latencyMs;
    if (fault.fault == Fault::Slow) r.delayMs += fault.ms;
    if (fault.fault == Fault::Drop) r.mode = RawReply::Mode::DropMidBody;
    if (fault.fault == Fault::Truncate) r.body.chop(r.body.size() / 3);
    if (fault.fault == Fault::SelfLink || fault.fault == Fault::GrowingLink) {
        // The next link names this very page again (growing: under a new, ever longer URL each time).
        auto j = nlohmann::json::parse(r.body.toStdString());
        QByteArray next = m_baseUrl + request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        if (fault.fault == Fault::GrowingLink)
            next += (request.url().hasQuery() ? "&loop=" : "?loop=") + QByteArray::number(fault.fired);
        j["@odata.nextLink"] = next.toStdString();
        r.body = QByteArray::fromStdString(j.dump());
    }
    if (fault.fault == Fault::Trickle) {
        r.mode = RawReply::Mode::Trickle;
        r.trickleMs = fault.ms;
    }
    if (fault.fault == Fault::Huge && r.body.size() < qsizetype(fault.kb) * 1024)
        r.body += QByteArray(qsizetype(fault.kb) * 1024 - r.body.size(), ' '); // JSON allows trailing space
    return r;
}

RawReply GraphEmulator::page(const QHttpServerRequest& request, const std::vector<std::string>& items, size_t total,
    size_t offset, size_t top, const char* version)
{
    std::string body = "{\"@odata.context\":\"";
    body += m_baseUrl.toStdString() + "/" + version + "/$metadata#"
        + request.url().path().section(QLatin1Char('/'), 2).toStdString();
    body += "\",\"value\":[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) body += ',';
        body += items[i];
    }
    body += ']';
    if (offset + top < total) {
        // The next link repeats the query as sent (filter included) and adds the opaque token.
        QStringList kept;
        for (const QString& part : request.url().query(QUrl::FullyEncoded).split(QLatin1Char('&'), Qt::SkipEmptyParts))
            if (!part.startsWith(QLatin1String("$skiptoken=")) && !part.startsWith(QLatin1String("%24skiptoken=")))
                kept << part;
        kept << QStringLiteral("$skiptoken=") + QString::fromLatin1(skiptoken(offset + top));
        body += ",\"@odata.nextLink\":\"" + m_baseUrl.toStdString()
            + request.url().path(QUrl::FullyEncoded).toStdString() + "?" + kept.join(QLatin1Char('&')).toStdString()
            + "\"";
    }
    body += '}';
    return RawReply::json(200, QByteArray::fromStdString(body));
}

RawReply GraphEmulator::list(const QHttpServerRequest& request, const std::vector<std::string>& items)
{
    return page(request, items, items.size(), 0, items.size() + 1, "beta");
}

RawReply GraphEmulator::directoryObject(const QHttpServerRequest& request, const QString& rest, bool beta)
{
    const QString collection = rest.section(QLatin1Char('/'), 2, 2);
    const QString id = rest.section(QLatin1Char('/'), 3, 3);
    using M = QHttpServerRequest::Method;
    const M method = request.method();
    if (method != M::Get && !m_auth.canWrite(request.value("Authorization")))
        return RawReply::graphError(
            403, "Authorization_RequestDenied", QStringLiteral("Insufficient privileges to complete the operation."));
    if (id.isEmpty()) {
        if (method == M::Get) return list(request, m_objects.list(collection, beta));
        if (method == M::Post) return m_objects.post(collection, request.body(), beta);
    } else if (rest.count(QLatin1Char('/')) == 3) {
        if (method == M::Get) return m_objects.get(collection, id, beta);
        if (method == M::Patch) return m_objects.patch(collection, id, request.body(), beta);
        if (method == M::Delete) return m_objects.remove(collection, id);
    }
    return RawReply::graphError(405, "Request_BadRequest", QStringLiteral("The method is not allowed here."));
}

RawReply GraphEmulator::servicePrincipals(const QHttpServerRequest& request)
{
    const ODataFilter filter = parseFilter(param(request, "$filter"), QStringLiteral("createdDateTime"));
    if (!filter.ok()) return RawReply::graphError(400, "BadRequest", filter.error);
    std::vector<std::string> items;
    for (const auto& sp : m_tenant.servicePrincipals()) {
        const QString appId = QString::fromStdString(sp.appId), id = QString::fromStdString(sp.id);
        if (!filter.appIdIn.isEmpty() && !filter.appIdIn.contains(appId)) continue;
        if (!filter.idIn.isEmpty() && !filter.idIn.contains(id)) continue;
        if (!filter.appId.isEmpty() && filter.appId != appId) continue;
        items.push_back(sp.json);
    }
    return list(request, items);
}

RawReply GraphEmulator::audits(const QHttpServerRequest& request)
{
    const ODataFilter filter = parseFilter(param(request, "$filter"), QStringLiteral("activityDateTime"));
    if (!filter.ok()) return RawReply::graphError(400, "BadRequest", filter.error);
    return list(request, m_tenant.audits(filter));
}

// Where redirects point: records what a client that follows them would resend, and answers like a token
// endpoint would, so a client that uses what it got here is caught too.
RawReply GraphEmulator::capture(const QHttpServerRequest& request)
{
    m_captured.push_back(
        QStringLiteral("%1 %2 %3")
            .arg(request.method() == QHttpServerRequest::Method::Post ? QStringLiteral("POST") : QStringLiteral("GET"),
                QString::fromLatin1(request.value("Authorization")), QString::fromUtf8(request.body()))
            .toStdString());
    return RawReply::json(200,
        QByteArrayLiteral("{\"access_token\":\"stolen-by-redirect\",\"token_type\":\"Bearer\","
                          "\"expires_in\":3599}"));
}

RawReply GraphEmulator::admin(const QHttpServerRequest& request)
{
    const QString what = request.url().path().section(QLatin1Char('/'), 2);
    if (what == QLatin1String("faults")) {
        QString error;
        if (!m_faults.add(param(request, "add"), &error)) return RawReply::graphError(400, "BadRequest", error);
    } else if (what == QLatin1String("groundtruth")) {
        ODataFilter f;
        f.fromMs
            = param(request, "since").isEmpty() ? INT64_MIN : parseTimestamp(param(request, "since").toStdString());
        f.toMs
            = param(request, "until").isEmpty() ? INT64_MAX : parseTimestamp(param(request, "until").toStdString()) - 1;
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& r : m_tenant.records())
            if (r.createdMs >= f.fromMs && r.createdMs <= f.toMs) ids.push_back(r.id);
        return RawReply::json(200, QByteArray::fromStdString(ids.dump()));
    } else if (what == QLatin1String("edit")) {
        // An administrator changes a policy or named location in the portal (tests: drift between plan and apply).
        return m_objects.edit(param(request, "collection"), param(request, "id"), request.body());
    } else if (what == QLatin1String("object")) {
        return m_objects.get(param(request, "collection"), param(request, "id"), true);
    } else if (what == QLatin1String("tokens")) {
        nlohmann::json tokens = nlohmann::json::array();
        for (const QByteArray& t : m_auth.everIssued()) tokens.push_back(t.toStdString());
        return RawReply::json(200, QByteArray::fromStdString(tokens.dump()));
    }
    nlohmann::json stats;
    stats["signInRequests"] = m_faults.requests();
    stats["tokensIssued"] = m_auth.issued();
    stats["devicePolls"] = m_auth.polls();
    stats["directoryWrites"] = m_objects.writes();
    stats["captured"] = m_captured;
    nlohmann::json fired = nlohmann::json::object();
    for (const auto& [k, v] : m_faults.fired()) fired[k.toStdString()] = v;
    stats["faults"] = fired;
    nlohmann::json paths = nlohmann::json::object();
    for (const auto& [k, v] : m_requests) paths[k.toStdString()] = v;
    stats["requests"] = paths;
    stats["queries"] = m_queries.stats();
    return RawReply::json(200, QByteArray::fromStdString(stats.dump()));
}

} // namespace calens::emulator
