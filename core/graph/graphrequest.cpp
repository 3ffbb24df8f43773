// SPDX-License-Identifier: MIT
#include "graphrequest.h"

#include "graphsession.h"

#include <QNetworkReply>

namespace calens::graph {

namespace {

bool isTransient(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
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
    QNetworkReply* reply = m_session->get(m_url);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void GraphRequest::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
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
