// SPDX-License-Identifier: MIT
#include "grapherror.h"

#include <nlohmann/json.hpp>

namespace calens::graph {

namespace {

QString str(const nlohmann::json& j, const char* key)
{
    if (!j.is_object()) return {};
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return {};
    return QString::fromStdString(it->get<std::string>());
}

// The first line of an AADSTS description: the rest repeats trace/correlation ids and the timestamp.
QString firstLine(const QString& text)
{
    const qsizetype cut
        = text.indexOf(QLatin1Char('\r')) >= 0 ? text.indexOf(QLatin1Char('\r')) : text.indexOf(QLatin1Char('\n'));
    return (cut >= 0 ? text.left(cut) : text).trimmed();
}

} // namespace

QString aadstsAdvice(int code)
{
    switch (code) {
    case 7000215:
        return QStringLiteral("the client secret is wrong (it may be the secret's ID rather than its value); "
                              "copy the secret value from the app registration again");
    case 7000222:
        return QStringLiteral("the client secret has expired; create a new one in the app registration");
    case 700016:
        return QStringLiteral("no application with this client ID exists in the tenant; check the client ID "
                              "and tenant, or consent to the app in this tenant");
    case 90002:
    case 900023:
        return QStringLiteral("the tenant was not found; check the tenant ID or domain and the cloud");
    case 53003:
        return QStringLiteral("CA Lens's own sign-in was blocked by Conditional Access; fetch or load the "
                              "sign-in logs and run `calens diagnose --correlation-id` on this correlation ID");
    case 65001:
        return QStringLiteral("the app has not been granted consent for the permissions it asks for "
                              "(AuditLog.Read.All, Policy.Read.All, Directory.Read.All)");
    case 50076:
    case 50079:
        return QStringLiteral("multifactor authentication is required; use the device-code sign-in");
    case 70011:
        return QStringLiteral("the requested scope is not valid for this Graph endpoint");
    case 50126:
        return QStringLiteral("invalid user name or password");
    case 70016:
        return QStringLiteral("the device-code sign-in was not completed yet");
    case 70018:
        return QStringLiteral("the device code was not recognised; start the sign-in again");
    case 70019:
        return QStringLiteral("the device code expired before the sign-in was completed; start again");
    case 50134:
        return QStringLiteral("the device code was entered in the wrong cloud; check the cloud setting");
    case 90120:
        return QStringLiteral("the device-code sign-in was already completed or declined; start again");
    case 7000218:
        return QStringLiteral("the app needs a client secret or certificate, or must allow public client flows "
                              "for the device-code sign-in");
    default:
        return {};
    }
}

QString GraphError::text() const
{
    QString t;
    if (!code.isEmpty()) t = code + QLatin1String(": ");
    t += message.isEmpty() ? detail : message;
    if (!detail.isEmpty() && !message.isEmpty() && detail != message) t += QLatin1String(" - ") + detail;
    if (!correlationId.isEmpty()) t += QStringLiteral(" (correlation ID %1)").arg(correlationId);
    if (!timestamp.isEmpty()) t += QStringLiteral(" at %1").arg(timestamp);
    return t;
}

GraphError parseTokenError(int httpStatus, const QByteArray& body)
{
    GraphError e;
    e.kind = GraphError::Kind::Auth;
    e.httpStatus = httpStatus;
    const auto j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!j.is_object()) {
        e.code = QStringLiteral("HTTP %1").arg(httpStatus);
        e.message = QStringLiteral("the sign-in endpoint answered HTTP %1 without a readable error").arg(httpStatus);
        return e;
    }
    const QString error = str(j, "error");
    e.detail = firstLine(str(j, "error_description"));
    e.correlationId = str(j, "correlation_id");
    e.timestamp = str(j, "timestamp");
    e.traceId = str(j, "trace_id");
    const auto codes = j.find("error_codes");
    if (codes != j.end() && codes->is_array())
        for (const auto& c : *codes)
            if (c.is_number_integer()) e.aadstsCodes << c.get<int>();
    if (e.aadstsCodes.isEmpty() && e.detail.startsWith(QLatin1String("AADSTS"))) {
        bool ok = false;
        const int n = e.detail.mid(6, e.detail.indexOf(QLatin1Char(':')) - 6).toInt(&ok);
        if (ok) e.aadstsCodes << n;
    }
    if (!e.aadstsCodes.isEmpty()) {
        e.code = QStringLiteral("AADSTS%1").arg(e.aadstsCodes.first());
        e.message = aadstsAdvice(e.aadstsCodes.first());
    } else {
        e.code = error.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus) : error;
    }
    if (e.message.isEmpty()) e.message = QStringLiteral("sign-in refused (%1)").arg(error);
    return e;
}

GraphError parseGraphError(int httpStatus, const QByteArray& body)
{
    GraphError e;
    e.httpStatus = httpStatus;
    e.kind = httpStatus == 403 ? GraphError::Kind::Permission : GraphError::Kind::Server;
    const auto j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    nlohmann::json err;
    if (j.is_object() && j.contains("error")) err = j["error"];
    e.code = str(err, "code");
    e.detail = str(err, "message");
    if (err.is_object() && err.contains("innerError")) {
        e.correlationId = str(err["innerError"], "request-id");
        e.timestamp = str(err["innerError"], "date");
    }
    if (e.code == QLatin1String("Authentication_RequestFromNonPremiumTenantOrB2CTenant")
        || e.code == QLatin1String("AadPremiumLicenseRequired")) {
        e.kind = GraphError::Kind::Licence;
        e.message = QStringLiteral("reading sign-in logs through Microsoft Graph needs a Microsoft Entra ID P1 or "
                                   "P2 licence in the tenant; without one, download the logs from the Entra admin "
                                   "center and load the file instead");
    } else if (httpStatus == 403) {
        e.message = QStringLiteral("access denied: the app needs AuditLog.Read.All and Policy.Read.All (and "
                                   "Directory.Read.All) with admin consent; a signed-in user also needs a role such "
                                   "as Global Reader, Security Reader or Reports Reader");
    } else if (httpStatus == 401) {
        e.kind = GraphError::Kind::Auth;
        e.message = QStringLiteral("Graph did not accept the access token");
    } else {
        e.message = QStringLiteral("Graph answered HTTP %1").arg(httpStatus);
    }
    if (e.code.isEmpty()) e.code = QStringLiteral("HTTP %1").arg(httpStatus);
    return e;
}

} // namespace calens::graph
