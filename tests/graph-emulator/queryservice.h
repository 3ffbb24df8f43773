// SPDX-License-Identifier: MIT
#pragma once

#include "authservice.h"
#include "faultplan.h"
#include "rawreply.h"

#include <QElapsedTimer>
#include <QString>

#include <nlohmann/json.hpp>

#include <vector>

class QHttpServerRequest;

namespace calens::emulator {

// Settings of the query endpoints (see main.cpp --help).
struct QueryConfig
{
    QString answersDir; // <sha256 of the query text>.json: {"tables": [...]} as the test computed it
    int rowLimit = 500000; // records per result (kusto/concepts/query-limits)
    qint64 byteLimit = qint64(64) << 20; // bytes of rows per result
    int latencyMs = 0; // added to every answer
    QString logAnalyticsAudience = QStringLiteral("https://api.loganalytics.io");
};

// The Log Analytics query API (POST /v1/workspaces/{id}/query) and Azure Data Explorer's (POST /v2/rest/query) for
// the transport only: it never runs KQL. The answer to a query is the file the test wrote for that exact query text
// (keyed by its SHA-256), computed from the same synthetic tenant with CA Lens's local engine. What the service does
// around it is emulated as documented: the token's audience (403 InvalidAuthenticationTokenAudience), the
// record and size limits (a 200 with PartialError / HasErrors and the rows up to the limit), Prefer: wait (504 when
// an answer would take longer), 429 with Retry-After, and faults on request numbers (FaultPlan).
class QueryService
{
public:
    QueryService(QueryConfig config, const AuthService& auth);
    bool addFault(const QString& spec, QString* error) { return m_faults.add(spec, error); }

    RawReply logAnalytics(const QHttpServerRequest& request);
    RawReply dataExplorer(const QHttpServerRequest& request, const QByteArray& baseUrl);
    nlohmann::json stats() const;

private:
    struct Answer
    {
        nlohmann::json columns; // [{"name", "type"}]
        std::vector<std::string> rows; // each row's JSON, as written
        bool found = false;
        QString hash;
    };
    Answer load(const QString& query) const;
    // The delay before the answer and how many answers were still pending when this request came.
    int schedule(int delayMs);

    QueryConfig m_config;
    const AuthService& m_auth;
    FaultPlan m_faults;
    QElapsedTimer m_clock;
    std::vector<qint64> m_pending; // when each scheduled answer goes out
    int m_requests = 0, m_maxConcurrent = 0, m_truncated = 0, m_unanswered = 0, m_throttles = 0;
    std::vector<int> m_waits; // Prefer: wait= of each Log Analytics request (0: none)
    std::vector<std::string> m_audiences;
};

} // namespace calens::emulator
