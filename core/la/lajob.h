// SPDX-License-Identifier: MIT
#pragma once

#include "lapipeline.h"
#include "latarget.h"
#include "queryrunner.h"

#include "graph/credentials.h"
#include "graph/grapherror.h"
#include "graph/nondumpable.h"
#include "graph/retrypolicy.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace calens::graph {
class TokenProvider;
}

namespace calens::la {

// Signs in for the workspace's (or cluster's) audience with the same methods as Graph, then runs a LaPipeline's
// phases through a QueryRunner. Asynchronous on the thread it lives on; the end arrives as finished().
class LaJob : public QObject
{
    Q_OBJECT
public:
    LaJob(LaTarget target, QUrl authority, graph::Credentials credentials, LaPipeline::Verb verb, TimeWindow window,
        int incident = 0, QObject* parent = nullptr);
    ~LaJob() override;

    void setNetworkAccessManager(QNetworkAccessManager* nam) { m_nam = nam; } // else the job makes its own
    void setRetryPolicy(const graph::RetryPolicy& retry) { m_retry = retry; }
    void setLimits(const RunnerLimits& limits) { m_limits = limits; }
    void setRowSink(std::function<void(const std::vector<std::string_view>&)> sink)
    {
        m_pipeline.setRowSink(std::move(sink));
    }

    void start();
    void cancel();

    const LaPipeline& pipeline() const { return m_pipeline; }
    const LaTarget& target() const { return m_target; }
    // Valid after start(): the splits, request and retry counts.
    const QueryRunner* runner() const { return m_runner; }
    // Failure: the message (with the service's or the sign-in's code), whether it is a network or sign-in failure
    // (exit code 3) rather than an answer that cannot be given (exit code 1).
    const QString& error() const { return m_error; }
    bool networkFailure() const { return m_networkFailure; }

signals:
    void deviceCode(const calens::graph::DeviceCodeInfo& info);
    void progress(const QString& text);
    void finished(bool ok);

private:
    void onSignedIn();
    void launch(const std::vector<LaQuery>& queries);
    void fail(const QString& message, bool network);

    LaTarget m_target;
    QUrl m_authority;
    graph::Credentials m_credentials;
    LaPipeline m_pipeline;
    graph::RetryPolicy m_retry;
    RunnerLimits m_limits;
    QNetworkAccessManager* m_nam = nullptr;
    graph::TokenProvider* m_tokens = nullptr;
    QueryRunner* m_runner = nullptr;
    QString m_error;
    bool m_networkFailure = false, m_started = false, m_done = false;
    graph::NonDumpable m_nonDumpable; // the secret and the tokens are held from construction on
};

} // namespace calens::la
