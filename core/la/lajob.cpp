// SPDX-License-Identifier: MIT
#include "lajob.h"

#include "graph/tokenprovider.h"

#include <QNetworkAccessManager>

namespace calens::la {

LaJob::LaJob(LaTarget target, QUrl authority, graph::Credentials credentials, LaPipeline::Verb verb, TimeWindow window,
    int incident, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_authority(std::move(authority))
    , m_credentials(std::move(credentials))
    , m_pipeline(verb, window, incident)
{ }

LaJob::~LaJob() = default;

void LaJob::start()
{
    if (m_started) return;
    m_started = true;
    if (!m_nam) m_nam = new QNetworkAccessManager(this);
    m_tokens = new graph::TokenProvider(m_nam, m_target.tokenEndpoints(m_authority), m_credentials, this);
    m_tokens->setLimits(m_retry.tokenDeadlineMs, m_retry.maxTokenBytes);
    m_runner = new QueryRunner(m_nam, m_tokens, m_target, m_retry, m_limits, this);
    connect(m_tokens, &graph::TokenProvider::deviceCode, this, &LaJob::deviceCode);
    connect(m_tokens, &graph::TokenProvider::tokenReady, this, &LaJob::onSignedIn);
    connect(m_tokens, &graph::TokenProvider::failed, this, [this](const graph::GraphError& e) {
        if (!m_runner->requests()) fail(QStringLiteral("signing in failed: %1").arg(e.text()), true);
    });
    connect(m_runner, &QueryRunner::result, this, [this](const LaQuery& q, const QByteArray& body) {
        if (!m_pipeline.take(q, body)) fail(m_pipeline.error(), false);
    });
    connect(m_runner, &QueryRunner::retrying, this, &LaJob::progress);
    connect(m_runner, &QueryRunner::failed, this, [this](const QString& message, int) { fail(message, true); });
    connect(m_runner, &QueryRunner::idle, this, [this] {
        if (m_done || !m_started || m_runner->requests() == 0) return;
        launch(m_pipeline.advance());
    });
    m_tokens->acquire();
}

void LaJob::onSignedIn()
{
    if (m_done || m_runner->requests() > 0) return; // a renewal mid-run: the runner carries on by itself
    emit progress(QStringLiteral("signed in to %1").arg(m_target.serviceName()));
    launch(m_pipeline.start());
}

void LaJob::launch(const std::vector<LaQuery>& queries)
{
    if (m_done) return;
    if (queries.empty()) {
        m_done = true;
        if (!m_pipeline.error().isEmpty()) {
            m_error = m_pipeline.error();
            emit finished(false);
            return;
        }
        emit finished(true);
        return;
    }
    emit progress(QStringLiteral("asking %1: %2 quer%3 (%4)")
                      .arg(m_target.serviceName())
                      .arg(queries.size())
                      .arg(queries.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
                      .arg(kindName(queries.front().kind)));
    for (const LaQuery& q : queries) m_runner->add(q);
}

void LaJob::cancel()
{
    if (m_done) return;
    if (m_runner) m_runner->cancel();
    if (m_tokens) m_tokens->cancel();
    fail(QStringLiteral("cancelled"), false);
}

void LaJob::fail(const QString& message, bool network)
{
    if (m_done) return;
    m_done = true;
    m_error = message;
    m_networkFailure = network;
    if (m_runner) m_runner->cancel();
    emit finished(false);
}

} // namespace calens::la
