// SPDX-License-Identifier: MIT
#include "fetchplan.h"

#include "ingest/timestamp.h"
#include "text/quoting.h"

#include <algorithm>

namespace calens::graph {

namespace {

QString iso(int64_t ms)
{
    return QString::fromStdString(formatIso(ms));
}

QString inList(const QString& property, const std::vector<QString>& values, size_t from, size_t to)
{
    QString clause = property + QLatin1String(" in (");
    for (size_t i = from; i < to; ++i) {
        if (i > from) clause += QLatin1Char(',');
        clause += text::odataLiteral(values[i]);
    }
    return clause + QLatin1Char(')');
}

} // namespace

Format PlannedQuery::format() const
{
    switch (kind) {
    case Kind::Policies:
        return Format::Policies;
    case Kind::NamedLocations:
        return Format::NamedLocations;
    case Kind::ServicePrincipals:
        return Format::ServicePrincipals;
    case Kind::DirectoryAudits:
        return Format::DirectoryAudits;
    case Kind::SignIns:
        break;
    }
    return Format::GraphJson;
}

QUrl listUrl(const Endpoints& endpoints, const QString& path, const QString& filter, int top)
{
    QByteArray query;
    if (!filter.isEmpty()) query += "$filter=" + text::odataFilterForUrl(filter).toLatin1();
    if (top > 0) {
        if (!query.isEmpty()) query += '&';
        query += "$top=" + QByteArray::number(top);
    }
    QByteArray url = endpoints.graphUrl(path).toEncoded();
    if (!query.isEmpty()) url += '?' + query;
    return QUrl::fromEncoded(url, QUrl::StrictMode);
}

std::vector<std::pair<int64_t, int64_t>> timeSlices(int64_t sinceMs, int64_t untilMs, int n)
{
    std::vector<std::pair<int64_t, int64_t>> out;
    if (untilMs <= sinceMs) return out;
    const int64_t span = untilMs - sinceMs;
    n = int(std::clamp<int64_t>(n, 1, std::max<int64_t>(1, span / 1000))); // slices of at least a second
    int64_t from = sinceMs;
    for (int i = 1; i <= n; ++i) {
        // Whole seconds inside, so the filter texts stay short; the last slice ends exactly at until.
        int64_t to = i == n ? untilMs : sinceMs + span * i / n;
        if (i != n) to -= (to - sinceMs) % 1000;
        if (to <= from) continue;
        out.emplace_back(from, to);
        from = to;
    }
    return out;
}

QString signInFilter(const FetchOptions& options, const QString& typeClause, int64_t fromMs, int64_t toMs)
{
    QStringList parts;
    parts << QStringLiteral("createdDateTime ge %1").arg(iso(fromMs))
          << QStringLiteral("createdDateTime lt %1").arg(iso(toMs));
    if (options.errorCode) parts << QStringLiteral("status/errorCode eq %1").arg(*options.errorCode);
    if (!options.correlationId.isEmpty())
        parts << QStringLiteral("correlationId eq %1").arg(text::odataLiteral(options.correlationId));
    if (!options.userId.isEmpty()) parts << QStringLiteral("userId eq %1").arg(text::odataLiteral(options.userId));
    if (!options.appId.isEmpty()) parts << QStringLiteral("appId eq %1").arg(text::odataLiteral(options.appId));
    if (!typeClause.isEmpty()) parts << typeClause;
    return parts.join(QLatin1String(" and "));
}

std::vector<PlannedQuery> planSignInQueries(const FetchOptions& options, const Endpoints& endpoints)
{
    std::vector<std::pair<QString, QString>> types;
    if (options.userSignIns)
        types.emplace_back(QStringLiteral("user"),
            QStringLiteral("signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')"));
    if (options.servicePrincipalSignIns)
        types.emplace_back(
            QStringLiteral("servicePrincipal"), QStringLiteral("signInEventTypes/any(t: t eq 'servicePrincipal')"));
    if (options.managedIdentitySignIns)
        types.emplace_back(
            QStringLiteral("managedIdentity"), QStringLiteral("signInEventTypes/any(t: t eq 'managedIdentity')"));
    // One correlation ID names a handful of records: slicing would only multiply requests.
    const int n = options.correlationId.isEmpty() ? std::max(1, options.slices) : 1;
    const auto slices = timeSlices(options.sinceMs, options.untilMs, n);
    const int top = std::clamp(options.pageSize, 1, 1000);
    std::vector<PlannedQuery> out;
    for (const auto& [from, to] : slices) {
        for (const auto& [name, clause] : types) {
            PlannedQuery q;
            q.kind = PlannedQuery::Kind::SignIns;
            q.label = QStringLiteral("%1 %2..%3").arg(name, iso(from), iso(to));
            q.url = listUrl(
                endpoints, QStringLiteral("/beta/auditLogs/signIns"), signInFilter(options, clause, from, to), top);
            out.push_back(q);
        }
    }
    return out;
}

std::vector<PlannedQuery> planDirectoryQueries(const FetchOptions& options, const Endpoints& endpoints)
{
    std::vector<PlannedQuery> out;
    PlannedQuery q;
    q.kind = PlannedQuery::Kind::Policies;
    q.label = QStringLiteral("Conditional Access policies");
    q.url = listUrl(endpoints, QStringLiteral("/beta/identity/conditionalAccess/policies"), {}, 0);
    out.push_back(q);
    q.kind = PlannedQuery::Kind::NamedLocations;
    q.label = QStringLiteral("named locations");
    q.url = listUrl(endpoints, QStringLiteral("/beta/identity/conditionalAccess/namedLocations"), {}, 0);
    out.push_back(q);
    q.kind = PlannedQuery::Kind::DirectoryAudits;
    q.label = QStringLiteral("policy change audits");
    q.url = listUrl(endpoints, QStringLiteral("/v1.0/auditLogs/directoryAudits"),
        QStringLiteral("category eq 'Policy' and activityDateTime ge %1 and activityDateTime lt %2")
            .arg(iso(options.sinceMs), iso(options.untilMs)),
        1000);
    out.push_back(q);
    return out;
}

std::vector<PlannedQuery> planServicePrincipalQueries(
    const std::vector<QString>& appIds, const std::vector<QString>& objectIds, const Endpoints& endpoints)
{
    std::vector<PlannedQuery> out;
    auto add = [&](const QString& property, const std::vector<QString>& values) {
        for (size_t i = 0; i < values.size(); i += 15) {
            PlannedQuery q;
            q.kind = PlannedQuery::Kind::ServicePrincipals;
            q.label = QStringLiteral("service principals");
            q.url = listUrl(endpoints, QStringLiteral("/beta/servicePrincipals"),
                inList(property, values, i, std::min(values.size(), i + 15)), 0);
            out.push_back(q);
        }
    };
    add(QStringLiteral("appId"), appIds);
    add(QStringLiteral("id"), objectIds);
    return out;
}

} // namespace calens::graph
