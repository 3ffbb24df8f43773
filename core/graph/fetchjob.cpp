// SPDX-License-Identifier: MIT
#include "fetchjob.h"

#include "graphrequest.h"
#include "graphsession.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "pageingest.h"
#include "tokenprovider.h"

#include <QNetworkAccessManager>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace calens::graph {

namespace {

bool isSoft(PlannedQuery::Kind kind)
{
    return kind != PlannedQuery::Kind::SignIns; // directory data helps, but sign-ins are the point
}

} // namespace

FetchJob::FetchJob(Endpoints endpoints, Credentials credentials, FetchOptions options, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_credentials(std::move(credentials))
    , m_options(std::move(options))
    , m_dataset(std::make_unique<Dataset>())
    , m_ingest(std::make_unique<PageIngest>(*m_dataset, 0))
{ }

QByteArray FetchJob::refreshToken() const
{
    return m_tokens ? m_tokens->refreshToken() : QByteArray();
}

FetchJob::~FetchJob()
{
    for (GraphRequest* r : m_active) delete r;
    m_credentials.clientSecret.fill(QLatin1Char('\0'));
}

std::unique_ptr<Dataset> FetchJob::takeDataset()
{
    auto out = std::move(m_dataset);
    m_dataset = std::make_unique<Dataset>();
    m_ingest = std::make_unique<PageIngest>(*m_dataset, 0);
    return out;
}

void FetchJob::start()
{
    if (m_running) return;
    m_running = true;
    m_error = {};
    if (!m_nam) m_nam = new QNetworkAccessManager(this);
    m_tokens = new TokenProvider(m_nam, m_endpoints, m_credentials, this);
    m_tokens->setLimits(m_retry.tokenDeadlineMs, m_retry.maxTokenBytes);
    m_session = new GraphSession(m_nam, m_tokens, m_endpoints, m_retry, this);
    connect(m_tokens, &TokenProvider::deviceCode, this, &FetchJob::deviceCode);
    connect(m_tokens, &TokenProvider::tokenReady, this, &FetchJob::onSignedIn);
    connect(m_tokens, &TokenProvider::failed, this, &FetchJob::onTokenFailed);
    m_progress.phase = QStringLiteral("signing in");
    emit progressChanged(m_progress);
    m_tokens->acquire();
}

void FetchJob::cancel()
{
    if (!m_running) return;
    GraphError e;
    e.kind = GraphError::Kind::Cancelled;
    e.code = QStringLiteral("cancelled");
    e.message
        = QStringLiteral("the fetch was cancelled; %1 sign-ins fetched so far are kept").arg(m_dataset->signInCount());
    fail(e);
}

void FetchJob::onSignedIn()
{
    if (m_signedIn || !m_running) return; // later tokens are renewals for the session
    m_signedIn = true;
    emit signedIn();
    if (m_options.directoryData)
        for (const PlannedQuery& q : planDirectoryQueries(m_options, m_endpoints)) m_queue.push_back(q);
    for (const PlannedQuery& q : planSignInQueries(m_options, m_endpoints)) m_queue.push_back(q);
    m_progress.phase = QStringLiteral("fetching");
    m_progress.queriesTotal = int(m_queue.size());
    emit progressChanged(m_progress);
    pump();
}

void FetchJob::onTokenFailed(const GraphError& error)
{
    if (!m_signedIn && m_running) fail(error); // a failed renewal reaches the waiting request instead
}

void FetchJob::pump()
{
    const size_t limit = size_t(std::max(1, m_options.concurrency));
    while (m_running && m_active.size() < limit && !m_queue.empty()) {
        PlannedQuery q = m_queue.front();
        m_queue.pop_front();
        q.chain = m_nextChain++;
        m_chains[q.chain].links.insert(qHash(q.url.toString(QUrl::FullyEncoded)));
        launch(q, q.url);
    }
    finishIfIdle();
}

void FetchJob::launch(const PlannedQuery& query, const QUrl& url)
{
    auto* request = new GraphRequest(m_session, url, query.kind == PlannedQuery::Kind::SignIns);
    m_active.push_back(request);
    connect(request, &GraphRequest::retrying, this, [this](int, int, const QString&) {
        ++m_progress.retries;
        emit progressChanged(m_progress);
    });
    connect(request, &GraphRequest::finished, this, [this, request, query] { onRequestDone(request, query); });
    request->start();
}

void FetchJob::onRequestDone(GraphRequest* request, const PlannedQuery& query)
{
    m_active.erase(std::remove(m_active.begin(), m_active.end(), request), m_active.end());
    request->deleteLater();
    if (!m_running) return finishIfIdle();
    const GraphError& error = request->error();
    if (error.isError()) {
        if (error.kind == GraphError::Kind::Cancelled) return finishIfIdle();
        if (isSoft(query.kind) && error.kind != GraphError::Kind::Auth) {
            warn(QStringLiteral("%1 could not be fetched: %2").arg(query.label, error.text()));
            ++m_progress.queriesDone;
            return pump();
        }
        GraphError e = error;
        e.message += QStringLiteral(" [%1]").arg(query.label);
        return fail(e);
    }
    const size_t before = m_dataset->signInCount();
    takePage(query, request->body());
    const bool addedNothing = query.kind == PlannedQuery::Kind::SignIns && request->page().records > 0
        && m_dataset->signInCount() == before;
    ++m_progress.pages;
    m_progress.current = query.label;
    m_progress.signIns = m_dataset->signInCount();
    m_progress.duplicates = m_ingest->duplicates();
    if (query.kind == PlannedQuery::Kind::SignIns) m_withoutCa += request->page().withoutCaPolicies;
    const QUrl next = request->page().nextLink;
    if (!next.isEmpty()) {
        if (const QString loop = loopReason(query, next, addedNothing); !loop.isEmpty()) {
            m_chains.erase(query.chain);
            if (isSoft(query.kind)) {
                warn(QStringLiteral("%1: %2; what came before is kept").arg(query.label, loop));
                ++m_progress.queriesDone;
                return pump();
            }
            GraphError e;
            e.kind = GraphError::Kind::BadResponse;
            e.code = QStringLiteral("nextlink-cycle");
            e.message = QStringLiteral("%1 [%2]").arg(loop, query.label);
            return fail(e);
        }
        launch(query, next); // the same slot: one query's pages come one after another
    } else {
        m_chains.erase(query.chain);
        ++m_progress.queriesDone;
    }
    emit progressChanged(m_progress);
    pump();
}

QString FetchJob::loopReason(const PlannedQuery& query, const QUrl& next, bool addedNothing)
{
    Chain& chain = m_chains[query.chain];
    ++chain.pages;
    chain.stale = addedNothing ? chain.stale + 1 : 0;
    const size_t link = qHash(next.toString(QUrl::FullyEncoded));
    if (chain.links.contains(link))
        return QStringLiteral("Graph sent an @odata.nextLink that was already followed (the pages go round in a "
                              "cycle)");
    chain.links.insert(link);
    if (chain.stale >= 3)
        return QStringLiteral("Graph kept sending pages of sign-ins already fetched under new links (a cycle)");
    if (chain.pages >= m_retry.maxPagesPerQuery)
        return QStringLiteral("more than %1 pages for one query, more than the window can hold; stopped")
            .arg(m_retry.maxPagesPerQuery);
    return {};
}

void FetchJob::takePage(const PlannedQuery& query, const QByteArray& body)
{
    m_ingest->readPage(body, query.format());
    if (query.kind != PlannedQuery::Kind::DirectoryAudits) return;
    // Kept as Graph wrote them too, for the fetch file.
    const auto j = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!j.is_object() || !j.contains("value") || !j["value"].is_array()) return;
    for (const auto& record : j["value"]) m_audits.push_back(record.dump());
}

void FetchJob::planReferencedObjects()
{
    m_referencesPlanned = true;
    if (!m_options.directoryData) return;
    std::set<QString> appIds, objectIds, known;
    for (const ServicePrincipal& sp : m_dataset->servicePrincipals()) known.insert(QString::fromStdString(sp.appId));
    for (uint32_t row = 0; row < m_dataset->signInCount(); ++row) {
        const SignInRef s = m_dataset->signIn(row);
        const bool workload = s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
        if (!workload && !(s.hasErrorCode() && s.errorCode() != 0)) continue;
        const std::string_view app = s.str(SF::AppId);
        if (!app.empty()) appIds.insert(QString::fromUtf8(app.data(), qsizetype(app.size())));
    }
    for (const CaPolicy& p : m_dataset->policies())
        for (const auto* list : { &p.includeServicePrincipals, &p.excludeServicePrincipals })
            for (const std::string& id : *list)
                if (id.find('-') != std::string::npos) objectIds.insert(QString::fromStdString(id));
    for (const QString& k : known) appIds.erase(k);
    const auto queries = planServicePrincipalQueries(std::vector<QString>(appIds.begin(), appIds.end()),
        std::vector<QString>(objectIds.begin(), objectIds.end()), m_endpoints);
    for (const PlannedQuery& q : queries) m_queue.push_back(q);
    m_progress.queriesTotal += int(queries.size());
}

void FetchJob::warn(const QString& text)
{
    m_warnings << text;
    emit warning(text);
}

void FetchJob::fail(const GraphError& error)
{
    if (!m_error.isError()) m_error = error;
    m_running = false;
    m_queue.clear();
    if (m_tokens) m_tokens->cancel();
    const auto active = m_active;
    for (GraphRequest* r : active) r->abort(); // each reports back through onRequestDone
    finishIfIdle();
}

void FetchJob::finishIfIdle()
{
    if (!m_active.empty() || !m_queue.empty()) return;
    if (m_running && !m_signedIn) return;
    if (m_running && !m_referencesPlanned) {
        planReferencedObjects();
        if (!m_queue.empty()) return pump();
    }
    if (m_progress.phase == QLatin1String("done")) return;
    if (m_running && m_withoutCa > 0)
        warn(QStringLiteral("%1 sign-in(s) arrived without appliedConditionalAccessPolicies: the app or user may "
                            "read sign-ins but not Conditional Access data. Grant the app Policy.Read.All (or "
                            "Policy.Read.ConditionalAccess), or sign in as Global Reader, Security Reader, "
                            "Security Administrator or Conditional Access Administrator; without it the blocking "
                            "policy cannot be named.")
                 .arg(m_withoutCa));
    const bool ok = m_running && !m_error.isError();
    m_running = false;
    m_dataset->sortChanges();
    m_progress.phase = QStringLiteral("done");
    m_progress.signIns = m_dataset->signInCount();
    emit progressChanged(m_progress);
    emit finished(ok);
}

} // namespace calens::graph
