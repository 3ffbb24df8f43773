// SPDX-License-Identifier: MIT
#include "latarget.h"

#include "text/strictids.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace calens::la {

namespace {

QString withoutSlash(QString s)
{
    s = s.trimmed();
    while (s.endsWith(QLatin1Char('/'))) s.chop(1);
    return s;
}

std::optional<QUrl> checkedRoot(const QString& text, const char* what, QString* error)
{
    const QUrl url(withoutSlash(text), QUrl::StrictMode);
    QString why;
    if (!url.isValid() || url.host().isEmpty() || !graph::isAllowedUrl(url, &why)) {
        *error = QStringLiteral("%1 %2: %3")
                     .arg(QLatin1String(what), text, why.isEmpty() ? QStringLiteral("not an absolute URL") : why);
        return std::nullopt;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = QStringLiteral("%1 %2: a root URL has no query or fragment").arg(QLatin1String(what), text);
        return std::nullopt;
    }
    return url;
}

} // namespace

QUrl LaTarget::queryUrl() const
{
    const QString root = withoutSlash(apiRoot.toString(QUrl::FullyEncoded));
    if (service == Service::DataExplorer) return QUrl(root + QStringLiteral("/v2/rest/query"));
    return QUrl(root + QStringLiteral("/v1/workspaces/%1/query").arg(workspaceId));
}

QByteArray LaTarget::requestBody(const QString& kql, int serverTimeoutSeconds) const
{
    QJsonObject body;
    if (service == Service::LogAnalytics) {
        body[QStringLiteral("query")] = kql;
    } else {
        body[QStringLiteral("db")] = database;
        body[QStringLiteral("csl")] = kql;
        const int s = serverTimeoutSeconds;
        const QString timeout = QStringLiteral("%1:%2:%3")
                                    .arg(s / 3600, 2, 10, QLatin1Char('0'))
                                    .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                                    .arg(s % 60, 2, 10, QLatin1Char('0'));
        body[QStringLiteral("properties")] = QJsonObject { { QStringLiteral("Options"),
            QJsonObject { { QStringLiteral("servertimeout"), timeout } } } };
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString LaTarget::serviceName() const
{
    return service == Service::LogAnalytics ? QStringLiteral("Log Analytics") : QStringLiteral("Azure Data Explorer");
}

graph::Endpoints LaTarget::tokenEndpoints(const QUrl& authority) const
{
    return { authority, QUrl(audience) };
}

std::optional<LaTarget> logAnalyticsTarget(
    graph::Cloud cloud, const QString& workspaceId, const QString& apiUrl, QString* error)
{
    if (!text::isCanonicalGuid(workspaceId)) {
        *error = QStringLiteral("--workspace %1: a workspace ID is a GUID (Log Analytics workspace > Overview > "
                                "Workspace ID)")
                     .arg(workspaceId);
        return std::nullopt;
    }
    LaTarget t;
    t.workspaceId = workspaceId.toLower();
    QString root;
    switch (cloud) {
    case graph::Cloud::UsGov:
        root = QStringLiteral("https://api.loganalytics.us");
        t.audience = QStringLiteral("https://api.loganalytics.us");
        break;
    case graph::Cloud::China:
        root = QStringLiteral("https://api.loganalytics.azure.cn");
        t.audience = QStringLiteral("https://api.loganalytics.azure.cn");
        break;
    case graph::Cloud::Global:
        root = QStringLiteral("https://api.loganalytics.azure.com");
        t.audience = QStringLiteral("https://api.loganalytics.io");
        break;
    }
    const auto url = checkedRoot(apiUrl.isEmpty() ? root : apiUrl, "--api-url", error);
    if (!url) return std::nullopt;
    t.apiRoot = *url;
    return t;
}

std::optional<LaTarget> dataExplorerTarget(const QString& clusterUrl, const QString& database, QString* error)
{
    const auto url = checkedRoot(clusterUrl, "--cluster", error);
    if (!url) return std::nullopt;
    if (database.trimmed().isEmpty()) {
        *error = QStringLiteral("--database is required with --cluster");
        return std::nullopt;
    }
    LaTarget t;
    t.service = LaTarget::Service::DataExplorer;
    t.apiRoot = *url;
    t.database = database.trimmed();
    t.audience = withoutSlash(url->toString(QUrl::FullyEncoded));
    return t;
}

} // namespace calens::la
