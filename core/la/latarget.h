// SPDX-License-Identifier: MIT
#pragma once

#include "graph/cloud.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace calens::la {

// Where the queries go and which token they need: a Log Analytics workspace (the query API,
// learn.microsoft.com/azure/azure-monitor/logs/api/request-format) or an Azure Data Explorer database (its v2
// REST query endpoint, learn.microsoft.com/kusto/api/rest/request).
struct LaTarget
{
    enum class Service
    {
        LogAnalytics,
        DataExplorer
    };
    Service service = Service::LogAnalytics;
    QUrl apiRoot; // https://api.loganalytics.azure.com, or the cluster https://NAME.REGION.kusto.windows.net
    QString workspaceId; // Log Analytics
    QString database; // Data Explorer
    QString audience; // the token's resource: https://api.loganalytics.io, or the cluster URL

    QUrl queryUrl() const; // {root}/v1/workspaces/{id}/query or {cluster}/v2/rest/query
    // The POST body: {"query": kql} (the window is in the query itself), or {"db", "csl", "properties"} with the
    // server timeout as a request property.
    QByteArray requestBody(const QString& kql, int serverTimeoutSeconds) const;
    QString serviceName() const; // "Log Analytics" / "Azure Data Explorer"
    // The sign-in endpoints with this target's audience where TokenProvider takes Graph's: it asks for
    // "{audience}/.default".
    graph::Endpoints tokenEndpoints(const QUrl& authority) const;
};

// The Log Analytics query API of `cloud` (api.loganalytics.azure.com, api.loganalytics.us,
// api.loganalytics.azure.cn) and its token audience, `apiUrl` replacing the API root when given (a sovereign
// endpoint or a local test server; plain http only on loopback). The workspace id must be a GUID.
std::optional<LaTarget> logAnalyticsTarget(
    graph::Cloud cloud, const QString& workspaceId, const QString& apiUrl, QString* error);
// An Azure Data Explorer cluster URL (https, or http on loopback) and database name.
std::optional<LaTarget> dataExplorerTarget(const QString& clusterUrl, const QString& database, QString* error);

} // namespace calens::la
