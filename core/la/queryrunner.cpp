// SPDX-License-Identifier: MIT
#include "queryrunner.h"

#include "laresponse.h"

#include "graph/replyguard.h"
#include "graph/tokenprovider.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace calens::la {

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QByteArray emptyResult()
{
    return QByteArrayLiteral("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[],\"rows\":[]}]}");
}

} // namespace

QueryRunner::QueryRunner(QNetworkAccessManager* nam, graph::TokenProvider* tokens, LaTarget target,
    graph::RetryPolicy retry, RunnerLimits limits, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokens(tokens)
    , m_target(std::move(target))
    , m_retry(std::move(retry))
    , m_limits(limits)
{
    connect(m_tokens, &graph::TokenProvider::tokenReady, this, [this] {
        if (!m_renewing) return;
        m_renewing = false;
        pump();
    });
    connect(m_tokens, &graph::TokenProvider::failed, this, [this](const graph::GraphError& e) {
        if (!m_renewing) return;
        m_renewing = false;
        fail(QStringLiteral("renewing the access token failed: %1").arg(e.text()), e.httpStatus);
    });
}

QueryRunner::~QueryRunner()
{
    for (Active& a : m_active) {
        a.reply->disconnect(this);
        a.reply->abort();
        a.reply->deleteLater();
    }
}

void QueryRunner::add(const LaQuery& query)
{
    if (m_failed) return;
    m_queue.push_back({ query, 0, 0 });
    pump();
}

void QueryRunner::cancel()
{
    m_queue.clear();
    for (Active& a : m_active) {
        a.reply->disconnect(this);
        a.reply->abort();
        a.reply->deleteLater();
    }
    m_active.clear();
    fail(QStringLiteral("cancelled"), 0);
}

void QueryRunner::pump()
{
    while (!m_failed && !m_renewing && int(m_active.size()) < m_limits.maxConcurrent && !m_queue.empty()) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        send(std::move(job));
    }
    settleIfIdle();
}

void QueryRunner::send(Job job)
{
    QNetworkRequest request(m_target.queryUrl());
    request.setRawHeader("Authorization", m_tokens->authorizationHeader());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (m_target.service == LaTarget::Service::LogAnalytics)
        request.setRawHeader("Prefer", "wait=" + QByteArray::number(m_limits.serverTimeoutSeconds));
    request.setRawHeader(
        "x-ms-client-request-id", "CALens.Query;" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_retry.transferTimeoutMs);
    QNetworkReply* reply = m_nam->post(request, m_target.requestBody(job.query.text(), m_limits.serverTimeoutSeconds));
    // The whole answer must arrive within the server's own timeout and a minute for the transfer.
    new graph::ReplyGuard(reply, (m_limits.serverTimeoutSeconds + 60) * 1000, m_limits.maxResponseBytes);
    ++m_requests;
    m_active.push_back({ std::move(job), reply, m_tokens->generation() });
    m_maxInFlight = std::max(m_maxInFlight, int(m_active.size()));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void QueryRunner::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    auto it = std::find_if(m_active.begin(), m_active.end(), [reply](const Active& a) { return a.reply == reply; });
    if (it == m_active.end()) return;
    Job job = std::move(it->job);
    const int generation = it->tokenGeneration;
    m_active.erase(it);
    if (m_failed) return;
    const QString service = m_target.serviceName();
    const auto* guard = reply->findChild<graph::ReplyGuard*>();
    if (guard && guard->tooLarge())
        return cut(job, QStringLiteral("the response was larger than %1").arg(graph::sizeText(guard->maxBytes())));
    if (guard && guard->timedOut())
        return cut(job, QStringLiteral("no complete answer within %1 s").arg(guard->deadlineMs() / 1000));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isRedirect(status))
        return fail(QStringLiteral("%1 answered HTTP %2, a redirect; CA Lens does not follow redirects with the "
                                   "access token")
                        .arg(service)
                        .arg(status),
            status);
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QVariant promised = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool cutShort = promised.isValid() && promised.toLongLong() != body.size();
    if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400) || cutShort)
        return again(std::move(job),
            QStringLiteral("connection to %1 failed (%2)")
                .arg(m_target.queryUrl().host(),
                    cutShort ? QStringLiteral("the response ended early") : reply->errorString()),
            {}, true);
    if (status == 200 || status == 204) {
        const LaResponse r = status == 204 ? LaResponse { LaResponse::Kind::Ok, emptyResult(), {}, {} }
                                           : readResponse(body, m_target.service);
        if (r.kind == LaResponse::Kind::TooLarge)
            return cut(
                job, QStringLiteral("the result exceeded the service's record or size limit (%1)").arg(r.message));
        if (r.kind == LaResponse::Kind::Failed
            && (r.code == QLatin1String("BadResponse") || r.code == QLatin1String("EmptyResponse")))
            return again(std::move(job), QStringLiteral("an unreadable answer (%1)").arg(r.message), {}, true);
        if (r.kind == LaResponse::Kind::Failed)
            return fail(
                QStringLiteral("%1 answered the query for %2 with an error instead of a complete result: %3: %4")
                    .arg(service, job.query.describe(), r.code, r.message),
                status);
        m_renewals = 0;
        emit result(job.query, r.body);
        return pump();
    }
    QString code;
    const QString text = errorText(body, &code);
    if (status == 429 || status == 503)
        return again(std::move(job), QStringLiteral("HTTP %1 (%2)").arg(status).arg(text),
            reply->rawHeader("Retry-After"), true);
    if (status == 500 || status == 502) return again(std::move(job), QStringLiteral("HTTP %1").arg(status), {}, true);
    if (status == 504)
        return cut(job,
            QStringLiteral("HTTP 504: the query ran longer than Prefer: wait=%1").arg(m_limits.serverTimeoutSeconds));
    if (status == 401 && m_renewals == 0 && generation == m_tokens->generation()) {
        // An expired token: one renewal per run, then the queries that were refused run again.
        ++m_renewals;
        m_queue.push_front(std::move(job));
        m_renewing = true;
        m_tokens->invalidate();
        m_tokens->acquire();
        return;
    }
    if (status == 401 && generation != m_tokens->generation()) {
        m_queue.push_front(std::move(job));
        return pump();
    }
    QString advice;
    if (code == QLatin1String("InvalidAuthenticationTokenAudience"))
        advice = QStringLiteral(" — the token was issued for another service; the sign-in asks for %1")
                     .arg(m_target.audience);
    else if (status == 403)
        advice = QStringLiteral(" — the signed-in account or app needs read access to the %1 (Reader or Log Analytics "
                                "Reader on the workspace; Viewer on the database)")
                     .arg(m_target.service == LaTarget::Service::LogAnalytics ? QStringLiteral("workspace")
                                                                              : QStringLiteral("database"));
    fail(QStringLiteral("%1 refused the query for %2: HTTP %3 %4%5")
             .arg(service, job.query.describe())
             .arg(status)
             .arg(text, advice),
        status);
}

void QueryRunner::again(Job job, const QString& reason, const QByteArray& retryAfter, bool transient)
{
    Q_UNUSED(transient);
    if (job.attempt >= m_retry.maxRetries)
        return fail(QStringLiteral("%1 kept failing for %2: %3 (gave up after %4 retries)")
                        .arg(m_target.serviceName(), job.query.describe(), reason)
                        .arg(job.attempt),
            0);
    ++job.attempt;
    ++m_retries;
    const int delay = m_retry.delayMs(job.attempt, retryAfter);
    emit retrying(QStringLiteral("%1: %2; asking again in %3 s").arg(job.query.describe(), reason).arg(delay / 1000.0));
    ++m_waiting;
    QTimer::singleShot(delay, this, [this, job = std::move(job)]() mutable {
        --m_waiting;
        if (m_failed) return;
        m_queue.push_front(std::move(job)); // it waited its turn already
        pump();
    });
}

void QueryRunner::cut(const Job& job, const QString& reason)
{
    if (!job.query.canSplit() || job.depth >= m_limits.maxSplitDepth)
        return fail(QStringLiteral("%1 could not answer %2 in one result and it cannot be cut smaller: %3")
                        .arg(m_target.serviceName(), job.query.describe(), reason),
            0);
    const std::vector<LaQuery> parts = job.query.split();
    QString how = QStringLiteral("into two halves of the time window");
    if (parts.front().shards != job.query.shards)
        how = QStringLiteral("into %1 hash shards").arg(parts.front().shards);
    else if (parts.front().window == job.query.window)
        how = QStringLiteral("into two halves of its list");
    m_splits.push_back({ job.query.kind, job.query.window, reason, how });
    emit retrying(QStringLiteral("%1: %2; split %3").arg(job.query.describe(), reason, m_splits.back().how));
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) m_queue.push_front({ *it, job.depth + 1, 0 });
    pump();
}

void QueryRunner::fail(const QString& message, int status)
{
    if (m_failed) return;
    m_failed = true;
    m_queue.clear();
    emit failed(message, status);
}

void QueryRunner::settleIfIdle()
{
    if (!m_failed && isIdle() && !m_renewing) emit idle();
}

} // namespace calens::la
