// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace calens::graph {

enum class Cloud
{
    Global,
    UsGov,
    China
};

std::optional<Cloud> cloudFromName(const QString& name); // "global", "usgov", "china"
QString cloudName(Cloud cloud);

// Where to sign in and where Graph lives. Both are roots without a trailing slash:
// https://login.microsoftonline.com and https://graph.microsoft.com for the global cloud.
struct Endpoints
{
    QUrl authority;
    QUrl graph;

    QUrl tokenUrl(const QString& tenant) const; // {authority}/{tenant}/oauth2/v2.0/token
    QUrl deviceCodeUrl(const QString& tenant) const; // {authority}/{tenant}/oauth2/v2.0/devicecode
    QString scope() const; // {graph}/.default
    QUrl graphUrl(const QString& pathAndQuery) const; // {graph}/beta/... (pathAndQuery starts with '/')
};

Endpoints endpointsFor(Cloud cloud);

// The endpoints of `cloud`, with explicit authority and Graph URLs replacing the cloud's when given.
// Refuses URLs that are not absolute http(s), and plain http for any host that is not loopback.
std::optional<Endpoints> resolveEndpoints(
    Cloud cloud, const QString& authorityUrl, const QString& graphUrl, QString* error);

// https always; http only for 127.0.0.0/8, ::1 and "localhost".
bool isAllowedUrl(const QUrl& url, QString* error);
bool isLoopbackHost(const QString& host);

} // namespace calens::graph
