// SPDX-License-Identifier: MIT
#pragma once

#include "grapherror.h"
#include "pageinspector.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace calens::graph {

class GraphSession;
class ReplyGuard;

// One Graph GET, asked again until it yields a complete page: 429/503/5xx honour Retry-After or back off
// with jitter; a dropped connection, a stalled or trickling transfer (a deadline for the whole response) or a
// truncated body retries the same URL; a 401 renews the token (once per run); an intermittent licence 403 is
// asked twice more. Bounded, then an error. A redirect is never followed and a response over the size cap is
// not read on: both are errors naming the cause.
class GraphRequest : public QObject
{
    Q_OBJECT
public:
    GraphRequest(GraphSession* session, QUrl url, bool signIns, QObject* parent = nullptr);
    ~GraphRequest() override;

    // A write instead of a GET (PATCH and POST bodies are JSON). Graph's writes that CA Lens makes are
    // idempotent (the whole property, built from a live read), so they are retried like reads.
    void setMethod(const QByteArray& verb, const QByteArray& jsonBody)
    {
        m_verb = verb;
        m_payload = jsonBody;
    }
    // One object (GET of a policy, a PATCH's 204) rather than a page of a collection.
    void setSingleObject(bool single) { m_single = single; }
    int httpStatus() const { return m_status; }

    void start();
    void abort();

    const QUrl& url() const { return m_url; }
    const QByteArray& body() const { return m_body; }
    const PageInfo& page() const { return m_page; }
    const GraphError& error() const { return m_error; }
    int retries() const { return m_attempt; }

signals:
    void retrying(int attempt, int delayMs, const QString& reason);
    void finished(); // error().isError() tells failure

private:
    void send();
    void onFinished(QNetworkReply* reply);
    void retryLater(const QString& reason, GraphError error, const QByteArray& retryAfter = {});
    void finish(GraphError error);

    GraphSession* m_session;
    QUrl m_url;
    bool m_signIns;
    QPointer<QNetworkReply> m_reply;
    QPointer<ReplyGuard> m_guard; // the reply's deadline and size cap
    QTimer m_timer;
    QByteArray m_body;
    PageInfo m_page;
    GraphError m_error;
    int m_attempt = 0;
    int m_licenceRefusals = 0;
    int m_sentGeneration = 0;
    bool m_done = false;
    QByteArray m_verb = QByteArrayLiteral("GET"), m_payload;
    bool m_single = false;
    int m_status = 0;
};

} // namespace calens::graph
