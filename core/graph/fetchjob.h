// SPDX-License-Identifier: MIT
#pragma once

#include "cloud.h"
#include "credentials.h"
#include "fetchoptions.h"
#include "fetchplan.h"
#include "fetchprogress.h"
#include "grapherror.h"
#include "nondumpable.h"
#include "retrypolicy.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class QNetworkAccessManager;

namespace calens {
class Dataset;
}

namespace calens::graph {

class GraphRequest;
class GraphSession;
class PageIngest;
class TokenProvider;

// Signs in, then fetches sign-ins (event-type queries × time slices, `concurrency` requests at once), CA
// policies, named locations, policy-change audits and the service principals the data references, into
// one Dataset as pages arrive. Everything is asynchronous on the thread the job lives on: start() from
// the GUI thread returns at once; progress, the device code and the end arrive as signals. On failure
// the records fetched so far stay in dataset(). A run of pages ends with an error when Graph's next links
// go round in a cycle (see Chain).
class FetchJob : public QObject
{
    Q_OBJECT
public:
    FetchJob(Endpoints endpoints, Credentials credentials, FetchOptions options, QObject* parent = nullptr);
    ~FetchJob() override;

    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    void setNetworkAccessManager(QNetworkAccessManager* nam) { m_nam = nam; } // else the job makes its own

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    Dataset& dataset() { return *m_dataset; }
    std::unique_ptr<Dataset> takeDataset(); // after finished()
    const GraphError& error() const { return m_error; }
    const QStringList& warnings() const { return m_warnings; }
    const std::vector<std::string>& directoryAudits() const { return m_audits; } // raw JSON objects
    const FetchProgress& progress() const { return m_progress; }
    uint64_t withoutCaPolicies() const { return m_withoutCa; }
    // The delegated sign-in's refresh token (empty with a client secret): kept in the keychain when asked.
    QByteArray refreshToken() const;

signals:
    void deviceCode(const calens::graph::DeviceCodeInfo& info);
    void signedIn();
    void progressChanged(const calens::graph::FetchProgress& progress);
    void warning(const QString& text);
    void finished(bool ok);

private:
    void onSignedIn();
    void onTokenFailed(const GraphError& error);
    void pump();
    void launch(const PlannedQuery& query, const QUrl& url);
    void onRequestDone(GraphRequest* request, const PlannedQuery& query);
    void takePage(const PlannedQuery& query, const QByteArray& body);
    void planReferencedObjects();
    QString loopReason(const PlannedQuery& query, const QUrl& next, bool addedNothing);
    void warn(const QString& text);
    void fail(const GraphError& error);
    void finishIfIdle();

    Endpoints m_endpoints;
    Credentials m_credentials;
    FetchOptions m_options;
    RetryPolicy m_retry;
    QNetworkAccessManager* m_nam = nullptr;
    TokenProvider* m_tokens = nullptr;
    GraphSession* m_session = nullptr;
    std::unique_ptr<Dataset> m_dataset;
    std::unique_ptr<PageIngest> m_ingest;
    std::deque<PlannedQuery> m_queue;
    std::vector<GraphRequest*> m_active;
    std::vector<std::string> m_audits;
    GraphError m_error;
    QStringList m_warnings;
    FetchProgress m_progress;
    uint64_t m_withoutCa = 0;
    // Each run of pages: the links followed (hashed), the pages read, and how many pages in a row brought only
    // sign-ins already fetched. A link met again, a run over RetryPolicy::maxPagesPerQuery pages or three
    // pages in a row with nothing new end it as a cycle.
    struct Chain
    {
        QSet<size_t> links;
        int pages = 0;
        int stale = 0;
    };
    std::unordered_map<int, Chain> m_chains;
    int m_nextChain = 0;
    bool m_running = false, m_signedIn = false, m_referencesPlanned = false;
    NonDumpable m_nonDumpable; // the credentials are held from construction on
};

} // namespace calens::graph
