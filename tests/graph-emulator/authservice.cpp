// SPDX-License-Identifier: MIT
#include "authservice.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace calens::emulator {

namespace {

QByteArray randomToken(const char* prefix)
{
    QByteArray bytes(24, '\0');
    for (char& c : bytes) c = char(QRandomGenerator::global()->bounded(256));
    return QByteArray(prefix) + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString describe(int code)
{
    switch (code) {
    case 7000215:
        return QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the "
                              "client secret value, not the client secret ID, for a secret added to app '%1'.");
    case 53003:
        return QStringLiteral("Access has been blocked by Conditional Access policies. The access policy does not "
                              "allow token issuance.");
    case 700016:
        return QStringLiteral("Application with identifier '%1' was not found in the directory.");
    case 70016:
        return QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
    case 70019:
        return QStringLiteral("Verification code expired.");
    case 70018:
        return QStringLiteral("Invalid verification code.");
    default:
        return QStringLiteral("The request failed.");
    }
}

} // namespace

AuthService::AuthService(const EmulatorConfig& config)
    : m_config(config)
{ }

RawReply AuthService::error(int status, const char* err, int code, const QString& description) const
{
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    const QString trace = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    nlohmann::json j;
    j["error"] = err;
    j["error_description"] = QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
                                 .arg(code)
                                 .arg(description.arg(m_config.clientId), trace, correlation, timestamp)
                                 .toStdString();
    j["error_codes"] = nlohmann::json::array();
    j["error_codes"].push_back(code);
    j["timestamp"] = timestamp.toStdString();
    j["trace_id"] = trace.toStdString();
    j["correlation_id"] = correlation.toStdString();
    j["error_uri"] = "https://login.microsoftonline.com/error?code=" + std::to_string(code);
    return RawReply::json(status, QByteArray::fromStdString(j.dump()));
}

RawReply AuthService::issue(bool withRefresh, bool canWrite, const QString& scope)
{
    const QByteArray access = randomToken("emu-at-");
    m_tokens.insert(access, canWrite);
    QString audience = scope.section(QLatin1Char(' '), 0, 0);
    if (audience.endsWith(QLatin1String("/.default"))) audience.chop(9);
    m_audience.insert(access, audience);
    m_everIssued << access;
    ++m_issued;
    nlohmann::json j;
    j["token_type"] = "Bearer";
    j["expires_in"] = 3599;
    j["access_token"] = access.toStdString();
    if (withRefresh) {
        const QByteArray refresh = randomToken("emu-rt-");
        m_refreshTokens.insert(refresh, canWrite);
        m_everIssued << refresh;
        j["refresh_token"] = refresh.toStdString();
    }
    return RawReply::json(200, QByteArray::fromStdString(j.dump()));
}

bool AuthService::isValid(const QByteArray& header) const
{
    return header.startsWith("Bearer ") && m_tokens.contains(header.mid(7));
}

QString AuthService::audienceOf(const QByteArray& header) const
{
    return isValid(header) ? m_audience.value(header.mid(7)) : QString();
}

bool AuthService::canWrite(const QByteArray& header) const
{
    return header.startsWith("Bearer ") && m_tokens.value(header.mid(7), false);
}

RawReply AuthService::tokenFault(const QByteArray& baseUrl)
{
    const QString fault = m_config.tokenFault;
    if (fault == QLatin1String("redirect")) {
        RawReply r = RawReply::json(307, "{}");
        r.headers.append(qMakePair(QByteArrayLiteral("Location"), baseUrl + "/_emulator/capture"));
        return r;
    }
    if (fault == QLatin1String("huge")) {
        RawReply r = issue(false, true);
        r.body.chop(1);
        r.body += ",\"padding\":\"" + QByteArray(1 << 20, 'x') + "\"}";
        return r;
    }
    if (fault == QLatin1String("crlf")) {
        nlohmann::json j;
        j["token_type"] = "Bearer";
        j["expires_in"] = 3599;
        j["access_token"] = "emu-at-injected\r\nX-Injected: yes";
        return RawReply::json(200, QByteArray::fromStdString(j.dump()));
    }
    if (fault == QLatin1String("trickle")) {
        RawReply r = issue(false, true);
        r.mode = RawReply::Mode::Trickle;
        return r;
    }
    RawReply none;
    none.status = 0;
    return none;
}

RawReply AuthService::token(const QUrlQuery& form)
{
    const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    const QString scope = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
    const QString clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    if (!m_config.clientId.isEmpty() && clientId != m_config.clientId)
        return error(400, "unauthorized_client", 700016, describe(700016));
    if (!m_config.tokenError.isEmpty()) {
        const int code = m_config.tokenError.toInt();
        return error(code == 7000215 ? 401 : 400, code == 53003 ? "interaction_required" : "invalid_request", code,
            describe(code));
    }
    if (grant == QLatin1String("client_credentials")) {
        if (form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) != m_config.clientSecret)
            return error(401, "invalid_client", 7000215, describe(7000215));
        return issue(false, true, scope);
    }
    if (grant == QLatin1String("refresh_token")) {
        const QByteArray refresh = form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded).toLatin1();
        if (!m_refreshTokens.contains(refresh)) return error(400, "invalid_grant", 70000, describe(70000));
        const bool write = m_refreshTokens.take(refresh);
        return issue(true, write, scope);
    }
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code")) {
        ++m_polls;
        const QByteArray code = form.queryItemValue(QStringLiteral("device_code"), QUrl::FullyDecoded).toLatin1();
        auto it = m_devicePolls.find(code);
        if (it == m_devicePolls.end()) return error(400, "bad_verification_code", 70018, describe(70018));
        const QString injected = m_config.deviceError;
        if (injected == QLatin1String("slow_down") && !m_slowedDown) {
            m_slowedDown = true;
            return error(400, "slow_down", 70016, describe(70016));
        }
        if (injected == QLatin1String("expired_token")) return error(400, "expired_token", 70019, describe(70019));
        if (injected == QLatin1String("bad_verification_code"))
            return error(400, "bad_verification_code", 70018, describe(70018));
        if (injected == QLatin1String("authorization_declined") || injected == QLatin1String("access_denied"))
            return error(400, injected.toLatin1().constData(), 70000, QStringLiteral("The user declined."));
        if (++*it <= m_config.approveAfter) return error(400, "authorization_pending", 70016, describe(70016));
        m_devicePolls.erase(it);
        return issue(true, m_deviceCanWrite.take(code), m_deviceScope.take(code));
    }
    return error(400, "unsupported_grant_type", 70003, QStringLiteral("The grant type is not supported."));
}

RawReply AuthService::deviceCode(const QUrlQuery& form, const QByteArray& baseUrl)
{
    if (form.queryItemValue(QStringLiteral("client_id")).isEmpty())
        return error(400, "invalid_request", 900144, QStringLiteral("The request body must contain client_id."));
    const QByteArray device = randomToken("emu-dc-");
    m_devicePolls.insert(device, 0);
    m_deviceScope.insert(device, form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded));
    m_deviceCanWrite.insert(device,
        form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
            .contains(QLatin1String("Policy.ReadWrite.ConditionalAccess")));
    const QString user = QStringLiteral("EMU%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
    const QString uri = QString::fromLatin1(baseUrl) + QLatin1String("/devicelogin");
    nlohmann::json j;
    j["device_code"] = device.toStdString();
    j["user_code"] = user.toStdString();
    j["verification_uri"] = uri.toStdString();
    j["expires_in"] = m_config.expiresIn;
    j["interval"] = m_config.interval;
    j["message"] = QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                                  "authenticate.")
                       .arg(uri, user)
                       .toStdString();
    return RawReply::json(200, QByteArray::fromStdString(j.dump()));
}

} // namespace calens::emulator
