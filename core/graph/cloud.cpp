// SPDX-License-Identifier: MIT
#include "cloud.h"

#include <QHostAddress>

namespace calens::graph {

namespace {

QUrl root(const QString& text)
{
    QString t = text.trimmed();
    while (t.endsWith(QLatin1Char('/'))) t.chop(1);
    return QUrl(t, QUrl::StrictMode);
}

QString rootText(const QUrl& url)
{
    QString t = url.toString(QUrl::FullyEncoded);
    while (t.endsWith(QLatin1Char('/'))) t.chop(1);
    return t;
}

} // namespace

std::optional<Cloud> cloudFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("global") || n == QLatin1String("public")) return Cloud::Global;
    if (n == QLatin1String("usgov") || n == QLatin1String("usgovernment") || n == QLatin1String("gcchigh"))
        return Cloud::UsGov;
    if (n == QLatin1String("china") || n == QLatin1String("21vianet")) return Cloud::China;
    return std::nullopt;
}

QString cloudName(Cloud cloud)
{
    switch (cloud) {
    case Cloud::UsGov:
        return QStringLiteral("usgov");
    case Cloud::China:
        return QStringLiteral("china");
    case Cloud::Global:
        break;
    }
    return QStringLiteral("global");
}

Endpoints endpointsFor(Cloud cloud)
{
    switch (cloud) {
    case Cloud::UsGov:
        return { root(QStringLiteral("https://login.microsoftonline.us")),
            root(QStringLiteral("https://graph.microsoft.us")) };
    case Cloud::China:
        return { root(QStringLiteral("https://login.chinacloudapi.cn")),
            root(QStringLiteral("https://microsoftgraph.chinacloudapi.cn")) };
    case Cloud::Global:
        break;
    }
    return { root(QStringLiteral("https://login.microsoftonline.com")),
        root(QStringLiteral("https://graph.microsoft.com")) };
}

QUrl Endpoints::tokenUrl(const QString& tenant) const
{
    return QUrl(rootText(authority) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(tenant))
        + QLatin1String("/oauth2/v2.0/token"));
}

QUrl Endpoints::deviceCodeUrl(const QString& tenant) const
{
    return QUrl(rootText(authority) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(tenant))
        + QLatin1String("/oauth2/v2.0/devicecode"));
}

QString Endpoints::scope() const
{
    return rootText(graph) + QLatin1String("/.default");
}

QUrl Endpoints::graphUrl(const QString& pathAndQuery) const
{
    return QUrl(rootText(graph) + pathAndQuery);
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isAllowedUrl(const QUrl& url, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return fail(QStringLiteral("%1: not an absolute URL").arg(url.toString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https")) return true;
    if (scheme != QLatin1String("http"))
        return fail(QStringLiteral("%1: only https URLs are accepted").arg(url.toString()));
    if (!isLoopbackHost(url.host()))
        return fail(
            QStringLiteral("%1: plain http is refused for a host that is not loopback; use https").arg(url.toString()));
    return true;
}

std::optional<Endpoints> resolveEndpoints(
    Cloud cloud, const QString& authorityUrl, const QString& graphUrl, QString* error)
{
    Endpoints e = endpointsFor(cloud);
    if (!authorityUrl.isEmpty()) e.authority = root(authorityUrl);
    if (!graphUrl.isEmpty()) e.graph = root(graphUrl);
    if (!isAllowedUrl(e.authority, error) || !isAllowedUrl(e.graph, error)) return std::nullopt;
    return e;
}

} // namespace calens::graph
