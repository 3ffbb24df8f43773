// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace calens::graph {

// A failure talking to the identity platform or Graph, keyed on the documented codes, in plain words.
// Never carries a token or a secret: only server error fields and our own text.
struct GraphError
{
    enum class Kind
    {
        None,
        Usage, // bad settings (URL refused, no secret...)
        Network, // connection, DNS, TLS, timeout
        Auth, // token endpoint refused (AADSTS codes)
        Licence, // tenant without Entra ID P1/P2
        Permission, // 403 other than licence
        Throttled, // retries exhausted on 429/503
        Server, // other HTTP failure
        BadResponse, // unreadable body after retries
        Cancelled,
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; // "AADSTS7000215", "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "429"...
    QString message; // plain words, with what to do
    QString detail; // the server's own description (no secrets), may be empty
    QString correlationId, timestamp, traceId;
    QList<int> aadstsCodes;

    bool isError() const { return kind != Kind::None; }
    QString text() const; // "AADSTS7000215: <message> (correlation id ...)"
    bool isConditionalAccessBlock() const { return aadstsCodes.contains(53003); }
};

// Token endpoint error body {error, error_description, error_codes, correlation_id, timestamp, trace_id}.
GraphError parseTokenError(int httpStatus, const QByteArray& body);
// Graph error body {error: {code, message, innerError: {request-id, date}}}.
GraphError parseGraphError(int httpStatus, const QByteArray& body);
// Plain words for an AADSTS code (empty when we have none of our own).
QString aadstsAdvice(int code);

} // namespace calens::graph
