// SPDX-License-Identifier: MIT
#include "fetchhint.h"

#include "errormatch.h"
#include "export/signinjson.h"
#include "text/quoting.h"

namespace calens {

namespace {

const QString kSignIns = QStringLiteral("https://graph.microsoft.com/beta/auditLogs/signIns?$filter=");

QString iso(int64_t ms)
{
    return QString::fromStdString(formatIso(ms));
}

QString table(SignInType type)
{
    return QString::fromLatin1(exporter::laTableOf(type).data(), qsizetype(exporter::laTableOf(type).size()));
}

// The id clauses narrow to one flow; without an id the time window with the code and the hints must do.
void clauses(const ErrorText& e, QStringList& odata, QStringList& kql)
{
    if (!e.correlationId.isEmpty()) {
        odata << QStringLiteral("correlationId eq %1").arg(text::odataLiteral(e.correlationId));
        kql << QStringLiteral("CorrelationId == %1").arg(text::kqlLiteral(e.correlationId));
        return;
    }
    if (!e.requestId.isEmpty()) {
        odata << QStringLiteral("id eq %1").arg(text::odataLiteral(e.requestId));
        kql << QStringLiteral("Id == %1").arg(text::kqlLiteral(e.requestId));
        return;
    }
    if (!e.codes.isEmpty()) {
        odata << QStringLiteral("status/errorCode eq %1").arg(e.codes.first());
        kql << QStringLiteral("ResultType == %1").arg(text::kqlLiteral(QString::number(e.codes.first())));
    }
    if (!e.appId.isEmpty()) {
        odata << QStringLiteral("appId eq %1").arg(text::odataLiteral(e.appId));
        kql << QStringLiteral("AppId == %1").arg(text::kqlLiteral(e.appId));
    }
    if (!e.ipAddress.isEmpty()) {
        odata << QStringLiteral("ipAddress eq %1").arg(text::odataLiteral(e.ipAddress));
        kql << QStringLiteral("IPAddress == %1").arg(text::kqlLiteral(e.ipAddress));
    }
    if (!e.userHint.isEmpty()) {
        odata << QStringLiteral("userPrincipalName eq %1").arg(text::odataLiteral(e.userHint));
        kql << QStringLiteral("UserPrincipalName =~ %1").arg(text::kqlLiteral(e.userHint));
    }
}

} // namespace

FetchHint fetchHintFor(const ErrorText& e)
{
    FetchHint hint;
    const bool hasId = !e.correlationId.isEmpty() || !e.requestId.isEmpty();
    const bool hasTime = e.timestampMs != kNoTime;
    if (!hasId && !hasTime) return hint;
    QStringList odata, kql;
    if (hasTime) {
        const QString from = iso(e.timestampMs - kErrorMatchWindowMs), to = iso(e.timestampMs + kErrorMatchWindowMs);
        hint.window = from + QStringLiteral(" .. ") + to;
        odata << QStringLiteral("createdDateTime ge %1 and createdDateTime le %2").arg(from, to);
        kql << QStringLiteral("TimeGenerated between (datetime(%1) .. datetime(%2))").arg(from, to);
    }
    clauses(e, odata, kql);
    hint.graphFilter = odata.join(QStringLiteral(" and "));
    // Graph lists only interactive sign-ins unless asked, and never users and workloads in one request.
    for (const QString& types : { QStringLiteral("t eq 'interactiveUser' or t eq 'nonInteractiveUser'"),
             QStringLiteral("t eq 'servicePrincipal'"), QStringLiteral("t eq 'managedIdentity'") })
        hint.graphRequests << QStringLiteral("GET ") + kSignIns
                + text::odataFilterForUrl(
                    hint.graphFilter + QStringLiteral(" and signInEventTypes/any(t: %1)").arg(types), true);
    hint.kql = QStringLiteral("union %1, %2, %3, %4\n| where %5\n"
                              "| project TimeGenerated, Type, Id, CorrelationId, ResultType, ConditionalAccessStatus, "
                              "AppId, AppDisplayName, IPAddress, UserPrincipalName, ServicePrincipalId\n"
                              "| order by TimeGenerated asc")
                   .arg(table(SignInType::InteractiveUser), table(SignInType::NonInteractiveUser),
                       table(SignInType::ServicePrincipal), table(SignInType::ManagedIdentity),
                       kql.join(QStringLiteral("\n| where ")));
    return hint;
}

} // namespace calens
