// SPDX-License-Identifier: MIT
#include "tokenprovider.h"

#include "replyguard.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace calens::graph {

namespace {

QByteArray form(std::initializer_list<std::pair<const char*, QString>> fields)
{
    QByteArray out;
    for (const auto& [key, value] : fields) {
        if (!out.isEmpty()) out += '&';
        out += key;
        out += '=';
        out += QUrl::toPercentEncoding(value);
    }
    return out;
}

nlohmann::json parseObject(const QByteArray& body)
{
    auto j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

QString jsonString(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

int jsonInt(const nlohmann::json& j, const char* key, int fallback)
{
    const auto it = j.find(key);
    if (it == j.end()) return fallback;
    if (it->is_number_integer()) return it->get<int>();
    if (it->is_string()) return QString::fromStdString(it->get<std::string>()).toInt();
    return fallback;
}

// RFC 6750 b64token (what a bearer token may contain), at most 16 KiB: anything else, a CR or LF above all,
// would become part of an HTTP header.
bool isWellFormedToken(const QString& token)
{
    if (token.isEmpty() || token.size() > 16384) return false;
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char16_t c = token[i].unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'.' || c == u'_' || c == u'~' || c == u'+' || c == u'/';
        if (!ok) break;
    }
    while (i < token.size() && token[i] == QLatin1Char('=')) ++i;
    return i == token.size();
}

GraphError networkError(QNetworkReply* reply)
{
    GraphError e;
    e.kind = GraphError::Kind::Network;
    e.code = QStringLiteral("network");
    e.message
        = QStringLiteral("cannot reach the sign-in endpoint %1: %2").arg(reply->url().host(), reply->errorString());
    return e;
}

} // namespace

TokenProvider::TokenProvider(QNetworkAccessManager* nam, Endpoints endpoints, Credentials credentials, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_endpoints(std::move(endpoints))
    , m_credentials(std::move(credentials))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &TokenProvider::poll);
    // A stored refresh token starts a delegated sign-in without a new device code (one with characters no token
    // has is passed over: it would go into a form body).
    if (m_credentials.method == Credentials::Method::DeviceCode && isWellFormedToken(m_credentials.refreshToken))
        m_refreshToken = m_credentials.refreshToken.toLatin1();
    m_credentials.refreshToken.fill(QLatin1Char('\0'));
    m_credentials.refreshToken.clear();
}

TokenProvider::~TokenProvider()
{
    if (m_reply) m_reply->abort();
    // Fewer copies of secrets in freed memory (a core dump is prevented by m_nonDumpable meanwhile).
    m_accessToken.fill('\0');
    m_refreshToken.fill('\0');
    m_deviceCode.fill('\0');
    m_credentials.clientSecret.fill(QLatin1Char('\0'));
}

QByteArray TokenProvider::authorizationHeader() const
{
    return QByteArrayLiteral("Bearer ") + m_accessToken;
}

void TokenProvider::invalidate()
{
    m_accessToken.clear();
}

void TokenProvider::acquire()
{
    if (m_busy) return;
    m_busy = true;
    if (m_credentials.method == Credentials::Method::ClientSecret)
        requestClientCredentials();
    else if (!m_refreshToken.isEmpty())
        requestRefresh();
    else
        requestDeviceCode();
}

void TokenProvider::cancel()
{
    m_pollTimer.stop();
    if (m_reply) m_reply->abort();
    if (!m_busy) return;
    GraphError e;
    e.kind = GraphError::Kind::Cancelled;
    e.code = QStringLiteral("cancelled");
    e.message = QStringLiteral("sign-in cancelled");
    fail(e);
}

void TokenProvider::post(
    const QUrl& url, const QByteArray& body, void (TokenProvider::*handler)(int, const QByteArray&))
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(m_deadlineMs);
    // The body carries the client secret, a refresh token or a device code: a redirect is never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_nam->post(request, body);
    m_reply = reply;
    auto* guard = new ReplyGuard(reply, m_deadlineMs, m_maxBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, handler] {
        reply->deleteLater();
        if (reply->error() == QNetworkReply::OperationCanceledError && !m_busy) return;
        GraphError e;
        e.kind = GraphError::Kind::Network;
        if (guard->tooLarge()) {
            e.kind = GraphError::Kind::BadResponse;
            e.code = QStringLiteral("too-large");
            e.message = QStringLiteral("the sign-in endpoint %1 sent a response larger than %2, more than any token "
                                       "response is; CA Lens stopped reading it")
                            .arg(reply->url().host(), sizeText(guard->maxBytes()));
            return fail(e);
        }
        if (guard->timedOut()) {
            e.code = QStringLiteral("deadline");
            e.message = QStringLiteral("the sign-in endpoint %1 did not send a complete response within %2 s")
                            .arg(reply->url().host())
                            .arg(guard->deadlineMs() / 1000.0);
            return fail(e);
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 300 && status < 400) {
            QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            if (target.isRelative()) target = reply->url().resolved(target);
            e.kind = GraphError::Kind::Auth;
            e.httpStatus = status;
            e.code = QStringLiteral("redirect");
            e.message = QStringLiteral("the sign-in endpoint answered HTTP %1, a redirect to %2; CA Lens never "
                                       "sends credentials on to another address")
                            .arg(status)
                            .arg(target.isEmpty() ? QStringLiteral("(no Location)")
                                                  : target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
            return fail(e);
        }
        if (status == 0) return fail(networkError(reply));
        (this->*handler)(status, reply->readAll());
    });
}

void TokenProvider::requestClientCredentials()
{
    if (m_credentials.clientSecret.isEmpty()) {
        GraphError e;
        e.kind = GraphError::Kind::Usage;
        e.code = QStringLiteral("no-secret");
        e.message = QStringLiteral("no client secret was given");
        return fail(e);
    }
    post(m_endpoints.tokenUrl(m_credentials.tenant),
        form({ { "client_id", m_credentials.clientId }, { "scope", m_endpoints.scope() },
            { "client_secret", m_credentials.clientSecret }, { "grant_type", QStringLiteral("client_credentials") } }),
        &TokenProvider::onToken);
}

void TokenProvider::requestRefresh()
{
    post(m_endpoints.tokenUrl(m_credentials.tenant),
        form(
            { { "client_id", m_credentials.clientId }, { "scope", delegatedScope() + QLatin1String(" offline_access") },
                { "refresh_token", QString::fromLatin1(m_refreshToken) },
                { "grant_type", QStringLiteral("refresh_token") } }),
        &TokenProvider::onToken);
}

void TokenProvider::requestDeviceCode()
{
    post(m_endpoints.deviceCodeUrl(m_credentials.tenant),
        form({ { "client_id", m_credentials.clientId },
            { "scope", delegatedScope() + QLatin1String(" offline_access") } }),
        &TokenProvider::onDeviceCode);
}

bool TokenProvider::takeToken(const QByteArray& body)
{
    const auto j = parseObject(body);
    const QString token = jsonString(j, "access_token");
    if (token.isEmpty()) return false;
    const QString refresh = jsonString(j, "refresh_token");
    if (!isWellFormedToken(token) || (!refresh.isEmpty() && !isWellFormedToken(refresh))) {
        GraphError e;
        e.kind = GraphError::Kind::Auth;
        e.code = QStringLiteral("malformed-token");
        e.message = QStringLiteral("the sign-in endpoint returned a token with characters no token has (a line "
                                   "break or a control character); CA Lens does not use it");
        fail(e);
        return true; // answered: the failure is reported
    }
    m_accessToken = token.toLatin1();
    if (!refresh.isEmpty()) m_refreshToken = refresh.toLatin1();
    ++m_generation;
    m_busy = false;
    emit tokenReady();
    return true;
}

void TokenProvider::onToken(int status, const QByteArray& body)
{
    if (status == 200 && takeToken(body)) return;
    if (!m_refreshToken.isEmpty() && m_credentials.method == Credentials::Method::DeviceCode) {
        m_refreshToken.clear(); // refresh refused: the user signs in again
        return requestDeviceCode();
    }
    fail(parseTokenError(status, body));
}

void TokenProvider::onDeviceCode(int status, const QByteArray& body)
{
    const auto j = parseObject(body);
    DeviceCodeInfo info;
    info.userCode = jsonString(j, "user_code");
    m_deviceCode = jsonString(j, "device_code").toLatin1();
    if (status != 200 || info.userCode.isEmpty() || m_deviceCode.isEmpty()) return fail(parseTokenError(status, body));
    info.verificationUri = jsonString(j, "verification_uri");
    info.message = jsonString(j, "message");
    info.expiresInSeconds = jsonInt(j, "expires_in", 900);
    info.intervalSeconds = jsonInt(j, "interval", 5);
    if (info.message.isEmpty())
        info.message
            = QStringLiteral("To sign in, open %1 and enter the code %2.").arg(info.verificationUri, info.userCode);
    m_intervalMs = std::max(200, info.intervalSeconds * 1000);
    m_deviceExpiresMs = qint64(info.expiresInSeconds) * 1000;
    m_deviceClock.start();
    emit deviceCode(info);
    m_pollTimer.start(m_intervalMs);
}

void TokenProvider::poll()
{
    post(m_endpoints.tokenUrl(m_credentials.tenant),
        form({ { "grant_type", QStringLiteral("urn:ietf:params:oauth:grant-type:device_code") },
            { "client_id", m_credentials.clientId }, { "device_code", QString::fromLatin1(m_deviceCode) } }),
        &TokenProvider::onPoll);
}

void TokenProvider::onPoll(int status, const QByteArray& body)
{
    if (status == 200 && takeToken(body)) return;
    const auto j = parseObject(body);
    const QString error = jsonString(j, "error");
    GraphError e = parseTokenError(status, body);
    if (error == QLatin1String("authorization_pending") || error == QLatin1String("slow_down")) {
        if (error == QLatin1String("slow_down")) m_intervalMs += 5000; // RFC 8628 §3.5
        if (m_deviceClock.elapsed() + m_intervalMs <= m_deviceExpiresMs) return m_pollTimer.start(m_intervalMs);
        e.code = QStringLiteral("expired_token");
        e.message = QStringLiteral("the device code expired before the sign-in was completed; start again");
        return fail(e);
    }
    if (error == QLatin1String("authorization_declined") || error == QLatin1String("access_denied"))
        e.message = QStringLiteral("the sign-in was declined on the verification page");
    else if (error == QLatin1String("expired_token"))
        e.message = QStringLiteral("the device code expired before the sign-in was completed; start again");
    else if (error == QLatin1String("bad_verification_code"))
        e.message = QStringLiteral("the device code was not recognised by the sign-in endpoint; start again");
    if (e.aadstsCodes.isEmpty() && !error.isEmpty()) e.code = error;
    fail(e);
}

void TokenProvider::fail(const GraphError& error)
{
    m_busy = false;
    m_pollTimer.stop();
    m_deviceCode.clear();
    emit failed(error);
}

} // namespace calens::graph
