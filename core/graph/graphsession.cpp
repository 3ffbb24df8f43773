// SPDX-License-Identifier: MIT
#include "graphsession.h"

#include "tokenprovider.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace calens::graph {

GraphSession::GraphSession(
    QNetworkAccessManager* nam, TokenProvider* tokens, Endpoints endpoints, RetryPolicy retry, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_tokens(tokens)
    , m_endpoints(std::move(endpoints))
    , m_retry(std::move(retry))
{
    connect(m_tokens, &TokenProvider::tokenReady, this, [this] { settle({}); });
    connect(m_tokens, &TokenProvider::failed, this, [this](const GraphError& e) { settle(e); });
}

QNetworkReply* GraphSession::get(const QUrl& url)
{
    return send(QByteArrayLiteral("GET"), url, {});
}

QNetworkReply* GraphSession::send(const QByteArray& verb, const QUrl& url, const QByteArray& jsonBody)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_tokens->authorizationHeader());
    request.setRawHeader("Prefer", "include-unknown-enum-members");
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setTransferTimeout(m_retry.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (verb == "GET") return m_nam->get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_nam->sendCustomRequest(request, verb, jsonBody);
}

int GraphSession::tokenGeneration() const
{
    return m_tokens->generation();
}

bool GraphSession::isGraphOrigin(const QUrl& url) const
{
    return url.scheme() == m_endpoints.graph.scheme() && url.host() == m_endpoints.graph.host()
        && url.port(-1) == m_endpoints.graph.port(-1);
}

void GraphSession::renewToken(int generation, std::function<void(const GraphError&)> done)
{
    if (m_tokens->generation() > generation && m_tokens->hasToken()) return done({});
    if (!m_tokens->isBusy()) {
        if (m_renewals >= 1) {
            GraphError e;
            e.kind = GraphError::Kind::Auth;
            e.httpStatus = 401;
            e.code = QStringLiteral("InvalidAuthenticationToken");
            e.message = QStringLiteral("Graph refused the access token again after it was renewed once");
            return done(e);
        }
        ++m_renewals;
        m_tokens->invalidate();
        m_waiting.push_back(std::move(done));
        m_tokens->acquire();
        return;
    }
    m_waiting.push_back(std::move(done));
}

void GraphSession::settle(const GraphError& error)
{
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto& done : waiting) done(error);
}

} // namespace calens::graph
