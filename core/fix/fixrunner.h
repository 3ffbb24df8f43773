// SPDX-License-Identifier: MIT
#pragma once

#include "fixplan.h"

#include "graph/cloud.h"
#include "graph/credentials.h"
#include "graph/grapherror.h"
#include "graph/retrypolicy.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace calens {
class Dataset;
}

namespace calens::graph {
class GraphSession;
class TokenProvider;
} // namespace calens::graph

namespace calens::fix {

// Plans, applies and rolls back one fix against the live tenant (the same API version for every read and
// write). Apply: read the object again and refuse when it changed since the plan; write a backup of it;
// send the PATCH; read it back and check it equals the planned after-state. Rollback: refuse when the object
// changed after the fix (unless forced); put the backed-up property back; read it back. Nothing is sent
// without the caller asking for it.
class FixRunner : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Done, // planned, or applied / rolled back and verified
        Refused, // the live object changed, the change no longer applies, or the read-back differs
        Failed, // sign-in or Graph error, or a file could not be written
    };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString message;
        std::optional<FixPlan> plan;
        bool applied = false, verified = false;
        QString backupPath;
        std::vector<FieldChange> readBackDiff; // where the object read back differs from the plan
    };

    FixRunner(graph::Endpoints endpoints, graph::Credentials credentials, QObject* parent = nullptr);
    ~FixRunner() override;
    void setNetworkAccessManager(QNetworkAccessManager* nam) { m_nam = nam; }
    void setRetryPolicy(const graph::RetryPolicy& retry) { m_retry = retry; }

    void plan(const Dataset& dataset, const std::string& fixId, const QString& title, const Change& change,
        const std::vector<uint32_t>& diagnosed);
    // `plan` from plan() or from a plan file. `force`: apply although the live object changed since the plan.
    void apply(const FixPlan& plan, const QString& backupDir, bool force);
    void rollback(const QString& backupPath, bool force);

    // The scopes a delegated sign-in asks for to write Conditional Access (asked only when applying).
    static QString writeScopes(const graph::Endpoints& endpoints);
    // The delegated sign-in's refresh token once signed in (empty with a client secret).
    QByteArray refreshToken() const;

signals:
    void deviceCode(const calens::graph::DeviceCodeInfo& info);
    void progress(const QString& step);
    void finished(const calens::fix::FixRunner::Result& result);

private:
    void signIn(const std::function<void()>& then);
    void request(const QByteArray& verb, const QString& path, const QByteArray& body,
        const std::function<void(const QByteArray& body)>& then);
    void finish(Outcome outcome, const QString& message);
    void readBack(const FixPlan& plan);

    graph::Endpoints m_endpoints;
    graph::Credentials m_credentials;
    graph::RetryPolicy m_retry;
    QNetworkAccessManager* m_nam = nullptr;
    graph::TokenProvider* m_tokens = nullptr;
    graph::GraphSession* m_session = nullptr;
    Result m_result;
    bool m_running = false;
};

} // namespace calens::fix

Q_DECLARE_METATYPE(calens::fix::FixRunner::Result)
