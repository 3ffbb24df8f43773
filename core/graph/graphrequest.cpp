// SPDX-License-Identifier: MIT
#include "graphrequest.h"

#include "graphsession.h"
#include "replyguard.h"

#include <QNetworkReply>

#include <nlohmann/json.hpp>

namespace calens::graph {

namespace {

bool isTransient(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Where a redirect points, without its query (which could carry anything).
QString redirectTarget(QNetworkReply* reply)
{
    QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (target.isEmpty()) target = QUrl(QString::fromLatin1(reply->rawHeader("Location")));
    if (target.isRelative()) target = reply->url().resolved(target);
    return target.isEmpty() ? QStringLiteral("(no Location)")
                            : target.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
}

} // namespace

GraphRequest::GraphRequest(GraphSession* session, QUrl url, bool signIns, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_url(std::move(url))
    , m_signIns(signIns)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GraphRequest::send);
}

GraphRequest::~GraphRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void GraphRequest::start()
{
    if (!m_session->isGraphOrigin(m_url)) {
        GraphError e;
        e.kind = GraphError::Kind::BadResponse;
        e.code = QStringLiteral("origin");
        e.message = QStringLiteral("refusing to follow a link away from the Graph endpoint: %1")
                        .arg(m_url.toString(QUrl::RemoveQuery));
        return finish(e);
    }
    send();
}

void GraphRequest::abort()
{
    if (m_done) return;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    GraphError e;
    e.kind = GraphError::Kind::Cancelled;
    e.code = QStringLiteral("cancelled");
    e.message = QStringLiteral("cancelled");
    finish(e);
}

void GraphRequest::send()
{
    m_sentGeneration = m_session->tokenGeneration();
    QNetworkReply* reply = m_session->send(m_verb, m_url, m_payload);
    m_reply = reply;
    const RetryPolicy& limits = m_session->retry();
    m_guard = new ReplyGuard(reply, limits.responseDeadlineMs, limits.maxPageBytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void GraphRequest::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const ReplyGuard* guard = m_guard;
    m_guard = nullptr;
    if (guard && guard->tooLarge()) {
        GraphError e;
        e.kind = GraphError::Kind::BadResponse;
        e.code = QStringLiteral("too-large");
        e.message = QStringLiteral("the response from %1 is larger than %2, more than any Graph page can be; "
                                   "CA Lens stopped reading it")
                        .arg(m_url.host(), sizeText(guard->maxBytes()));
        return finish(e);
    }
    if (guard && guard->timedOut()) {
        GraphError e;
        e.kind = GraphError::Kind::Network;
        e.code = QStringLiteral("deadline");
        e.message = QStringLiteral("%1 did not send a complete response within %2 s")
                        .arg(m_url.host())
                        .arg(guard->deadlineMs() / 1000.0);
        return retryLater(QStringLiteral("no complete response within %1 s").arg(guard->deadlineMs() / 1000.0), e);
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isRedirect(status)) {
        // Never followed: the request carries the access token, and Graph does not redirect its API.
        GraphError e;
        e.kind = GraphError::Kind::BadResponse;
        e.httpStatus = status;
        e.code = QStringLiteral("redirect");
        e.message = QStringLiteral("Graph answered HTTP %1, a redirect to %2; CA Lens does not follow redirects "
                                   "with the access token")
                        .arg(status)
                        .arg(redirectTarget(reply));
        return finish(e);
    }
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QVariant promised = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool cut = promised.isValid() && promised.toLongLong() != body.size();
    if (status == 0 || (status == 200 && (reply->error() != QNetworkReply::NoError || cut))) {
        GraphError e;
        e.kind = GraphError::Kind::Network;
        e.code = QStringLiteral("network");
        e.message = QStringLiteral("the connection to %1 failed: %2")
                        .arg(m_url.host(), cut ? QStringLiteral("the response ended early") : reply->errorString());
        return retryLater(QStringLiteral("connection dropped (%1)")
                              .arg(cut ? QStringLiteral("%1 of %2 bytes").arg(body.size()).arg(promised.toLongLong())
                                       : reply->errorString()),
            e);
    }
    m_status = status;
    if (m_single && (status == 200 || status == 201 || status == 204)) {
        // One object: a complete JSON object, or nothing after a write (204 No Content).
        if (status != 204 && !nlohmann::json::accept(body.constData(), body.constData() + body.size())) {
            GraphError e;
            e.kind = GraphError::Kind::BadResponse;
            e.code = QStringLiteral("truncated");
            e.message = QStringLiteral("Graph sent an incomplete object from %1").arg(m_url.path());
            return retryLater(QStringLiteral("incomplete object"), e);
        }
        m_body = body;
        m_session->tokenWorked(m_sentGeneration);
        return finish({});
    }
    if (status == 200) {
        PageInfo page = inspectPage(body, m_signIns);
        if (!page.ok) {
            GraphError e;
            e.kind = GraphError::Kind::BadResponse;
            e.code = QStringLiteral("truncated");
            e.message = QStringLiteral("Graph kept sending incomplete pages: %1").arg(page.error);
            return retryLater(QStringLiteral("incomplete page: %1").arg(page.error), e);
        }
        m_body = body;
        m_page = std::move(page);
        m_session->tokenWorked(m_sentGeneration);
        return finish({});
    }
    GraphError e = parseGraphError(status, body);
    if (isTransient(status)) {
        if (status == 429 || status == 503) e.kind = GraphError::Kind::Throttled;
        e.message = status == 429 ? QStringLiteral("Graph kept throttling the requests (HTTP 429)")
                                  : QStringLiteral("Graph kept answering HTTP %1").arg(status);
        return retryLater(QStringLiteral("HTTP %1").arg(status), e, reply->rawHeader("Retry-After"));
    }
    if (status == 401) {
        m_session->renewToken(m_sentGeneration, [this](const GraphError& error) {
            if (m_done) return;
            if (error.isError()) return finish(error);
            emit retrying(m_attempt, 0, QStringLiteral("access token renewed"));
            send();
        });
        return;
    }
    // The licence refusal is reported to come and go on licensed tenants: ask again before believing it.
    if (e.kind == GraphError::Kind::Licence && ++m_licenceRefusals <= 2)
        return retryLater(QStringLiteral("licence refusal (asking again)"), e);
    finish(e);
}

void GraphRequest::retryLater(const QString& reason, GraphError error, const QByteArray& retryAfter)
{
    const RetryPolicy& policy = m_session->retry();
    if (m_attempt >= policy.maxRetries) {
        error.message += QStringLiteral(" (gave up after %1 retries)").arg(m_attempt);
        return finish(error);
    }
    ++m_attempt;
    const int delay = policy.delayMs(m_attempt, retryAfter);
    emit retrying(m_attempt, delay, reason);
    m_timer.start(delay);
}

void GraphRequest::finish(GraphError error)
{
    if (m_done) return;
    m_done = true;
    m_error = std::move(error);
    emit finished();
}

} // namespace calens::graph
