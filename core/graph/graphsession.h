// SPDX-License-Identifier: MIT
#pragma once

#include "cloud.h"
#include "grapherror.h"
#include "retrypolicy.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace calens::graph {

class TokenProvider;

// What every Graph request shares: the network manager, the token (renewed once after a 401 mid-run),
// the retry policy and the Graph origin that nextLinks must stay on.
class GraphSession : public QObject
{
    Q_OBJECT
public:
    GraphSession(QNetworkAccessManager* nam, TokenProvider* tokens, Endpoints endpoints, RetryPolicy retry,
        QObject* parent = nullptr);

    // GET with the bearer token, Prefer: include-unknown-enum-members and a transfer timeout.
    QNetworkReply* get(const QUrl& url);
    // Any method (PATCH, POST, DELETE) with a JSON body, under the same headers and limits as get().
    QNetworkReply* send(const QByteArray& verb, const QUrl& url, const QByteArray& jsonBody);
    int tokenGeneration() const;
    // After a 401 on a request sent with token `generation`: renews the token unless another request
    // already did; refuses after one renewal per run.
    void renewToken(int generation, std::function<void(const GraphError&)> done);
    bool isGraphOrigin(const QUrl& url) const;

    const RetryPolicy& retry() const { return m_retry; }
    const Endpoints& endpoints() const { return m_endpoints; }
    int renewals() const { return m_renewals; }
    // A request succeeded with the token of this generation: a renewal that worked earns another later (a long
    // fetch may see the token revoked more than once); only a token refused right after renewal is final.
    void tokenWorked(int generation)
    {
        if (generation == tokenGeneration()) m_renewals = 0;
    }

private:
    void settle(const GraphError& error);

    QNetworkAccessManager* m_nam;
    TokenProvider* m_tokens;
    Endpoints m_endpoints;
    RetryPolicy m_retry;
    int m_renewals = 0;
    std::vector<std::function<void(const GraphError&)>> m_waiting;
};

} // namespace calens::graph
