// SPDX-License-Identifier: MIT
#pragma once

#include "laquery.h"
#include "latarget.h"

#include "graph/retrypolicy.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace calens::graph {
class TokenProvider;
}

namespace calens::la {

// The service's limits as CA Lens keeps to them (learn.microsoft.com/azure/azure-monitor/service-limits, "User
// query throttling"; logs/api/timeouts; kusto/concepts/query-limits).
struct RunnerLimits
{
    int maxConcurrent = 5; // "A user can run up to five concurrent queries"; more wait in the service's queue
    int serverTimeoutSeconds = 300; // Prefer: wait= (default 180 s, at most 600 s); servertimeout for Data Explorer
    int maxSplitDepth = 16; // a query is cut at most this many times over (65,536 parts)
    qint64 maxResponseBytes = qint64(256) << 20; // a result is at most 64 MB compressed, ~100 MB raw
};

// Why and how one query was cut into smaller ones: the output says so.
struct SplitNote
{
    QueryKind kind;
    TimeWindow window;
    QString reason; // "the result exceeded the service's 500,000-record or 64 MB limit", "504: timed out after 300 s"
    QString how; // "into two halves of the time window" / "into 2 of 4 hash shards"
};

// Runs queries against one workspace or database: at most `maxConcurrent` at a time, the rest queued in order.
// HTTP 429 and 503 wait as Retry-After says (or back off) and go to the front of the queue; 500/502, a dropped
// connection or a response that does not complete in time are asked again; a 401 renews the token once. A result
// too large for the service (E_QUERY_RESULT_SET_TOO_LARGE) or a query that outlives its `Prefer: wait` (504) is
// cut in two (LaQuery::split) and the parts run instead, noted in splits(). A 200 that carries an error
// (PartialError, HasErrors) is never used as data: it is split when it says the result was too large, else it
// ends the run like any other failure.
class QueryRunner : public QObject
{
    Q_OBJECT
public:
    QueryRunner(QNetworkAccessManager* nam, graph::TokenProvider* tokens, LaTarget target, graph::RetryPolicy retry,
        RunnerLimits limits, QObject* parent = nullptr);
    ~QueryRunner() override;

    void add(const LaQuery& query);
    void cancel();
    bool isIdle() const { return m_queue.empty() && m_active.empty() && m_waiting == 0; }
    const std::vector<SplitNote>& splits() const { return m_splits; }
    int requests() const { return m_requests; }
    int retries() const { return m_retries; }
    int maxInFlight() const { return m_maxInFlight; }

signals:
    // One answer in the Log Analytics shape (Data Explorer's converted): for a split query, one per part.
    void result(const calens::la::LaQuery& query, const QByteArray& body);
    void retrying(const QString& reason);
    void idle(); // every query added so far is answered
    // The run stops at the first failure: plain words with the service's code, and the HTTP status (0: none).
    void failed(const QString& message, int httpStatus);

private:
    struct Job
    {
        LaQuery query;
        int depth = 0; // splits above this part
        int attempt = 0;
    };
    struct Active
    {
        Job job;
        QNetworkReply* reply;
        int tokenGeneration;
    };
    void pump();
    void send(Job job);
    void onFinished(QNetworkReply* reply);
    void again(Job job, const QString& reason, const QByteArray& retryAfter, bool transient);
    void cut(const Job& job, const QString& reason);
    void fail(const QString& message, int status);
    void settleIfIdle();

    QNetworkAccessManager* m_nam;
    graph::TokenProvider* m_tokens;
    LaTarget m_target;
    graph::RetryPolicy m_retry;
    RunnerLimits m_limits;
    std::deque<Job> m_queue;
    std::vector<Active> m_active;
    std::vector<SplitNote> m_splits;
    int m_waiting = 0; // retries waiting for their delay
    int m_requests = 0, m_retries = 0, m_maxInFlight = 0, m_renewals = 0;
    bool m_failed = false, m_renewing = false;
};

} // namespace calens::la
