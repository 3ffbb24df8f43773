// SPDX-License-Identifier: MIT
#include "fixrunner.h"

#include "applychange.h"
#include "planner.h"

#include "export/outputfile.h"
#include "graph/graphrequest.h"
#include "graph/graphsession.h"
#include "graph/tokenprovider.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>

namespace calens::fix {

using json = nlohmann::json;

namespace {

json parseObject(const QByteArray& body)
{
    json j = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    return j.is_object() ? j : json();
}

// A backup file name that exists nowhere yet: backups are never overwritten.
QString backupPathFor(const QString& dir, const Change& change)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString base = QStringLiteral("calens-backup-%1-%2-%3")
                             .arg(change.target() == Change::Target::Policy ? QStringLiteral("policy")
                                                                            : QStringLiteral("namedLocation"),
                                 change.targetId, stamp);
    QString path = QDir(dir).filePath(base + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path) && n < 1000; ++n)
        path = QDir(dir).filePath(QStringLiteral("%1-%2.json").arg(base).arg(n));
    return path;
}

} // namespace

FixRunner::FixRunner(graph::Endpoints endpoints, graph::Credentials credentials, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_credentials(std::move(credentials))
{ }

FixRunner::~FixRunner() = default;

QByteArray FixRunner::refreshToken() const
{
    return m_tokens ? m_tokens->refreshToken() : QByteArray();
}

QString FixRunner::writeScopes(const graph::Endpoints& endpoints)
{
    // Updating a policy or a named location needs these three (Graph's permission table for the update APIs).
    const QString root = endpoints.graph.toString(QUrl::StripTrailingSlash);
    return QStringLiteral("%1/Policy.Read.All %1/Policy.ReadWrite.ConditionalAccess %1/Application.Read.All").arg(root);
}

void FixRunner::signIn(const std::function<void()>& then)
{
    if (m_session) return then();
    if (!m_nam) m_nam = new QNetworkAccessManager(this);
    m_tokens = new graph::TokenProvider(m_nam, m_endpoints, m_credentials, this);
    m_tokens->setLimits(m_retry.tokenDeadlineMs, m_retry.maxTokenBytes);
    m_session = new graph::GraphSession(m_nam, m_tokens, m_endpoints, m_retry, this);
    connect(m_tokens, &graph::TokenProvider::deviceCode, this, &FixRunner::deviceCode);
    connect(
        m_tokens, &graph::TokenProvider::tokenReady, this, [then] { then(); }, Qt::SingleShotConnection);
    connect(
        m_tokens, &graph::TokenProvider::failed, this,
        [this](const graph::GraphError& e) { finish(Outcome::Failed, e.text()); }, Qt::SingleShotConnection);
    emit progress(QStringLiteral("signing in"));
    m_tokens->acquire();
}

void FixRunner::request(const QByteArray& verb, const QString& path, const QByteArray& body,
    const std::function<void(const QByteArray&)>& then)
{
    auto* r = new graph::GraphRequest(m_session, m_endpoints.graphUrl(path), false, this);
    r->setSingleObject(true);
    r->setMethod(verb, body);
    connect(r, &graph::GraphRequest::finished, this, [this, r, then, verb, path] {
        r->deleteLater();
        if (r->error().isError())
            return finish(
                Outcome::Failed, QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(verb), path, r->error().text()));
        then(r->body());
    });
    r->start();
}

void FixRunner::finish(Outcome outcome, const QString& message)
{
    if (!m_running) return;
    m_running = false;
    m_result.outcome = outcome;
    m_result.message = message;
    emit finished(m_result);
}

void FixRunner::plan(const Dataset& dataset, const std::string& fixId, const QString& title, const Change& change,
    const std::vector<uint32_t>& diagnosed)
{
    if (m_running) return;
    m_running = true;
    m_result = {};
    if (!change.isWellFormed())
        return finish(Outcome::Refused, QStringLiteral("the fix names an id or range that is not in its strict form"));
    signIn([this, &dataset, fixId, title, change, diagnosed] {
        emit progress(QStringLiteral("reading the live object"));
        request(
            "GET", objectPath(change), {}, [this, &dataset, fixId, title, change, diagnosed](const QByteArray& body) {
                const json live = parseObject(body);
                QString why;
                m_result.plan = planFix(dataset, fixId, title, change, live, diagnosed, &why);
                if (!m_result.plan)
                    return finish(Outcome::Refused, QStringLiteral("the fix no longer applies: %1").arg(why));
                finish(Outcome::Done,
                    QStringLiteral("planned on the live object (modified %1)")
                        .arg(QString::fromStdString(m_result.plan->liveModifiedDateTime)));
            });
    });
}

void FixRunner::apply(const FixPlan& plan, const QString& backupDir, bool force)
{
    if (m_running) return;
    m_running = true;
    m_result = {};
    // The plan must be what its change makes of the object it read: an edited plan file is refused.
    QString why;
    const auto replay = applyChange(plan.before, plan.change, &why);
    if (!replay || withoutVolatile(replay->after) != plan.after || replay->patchBody != plan.body)
        return finish(Outcome::Refused,
            QStringLiteral("the plan's request is not what its change makes of the object it "
                           "read; make a new plan"));
    m_result.plan = plan;
    signIn([this, plan, backupDir, force] {
        emit progress(QStringLiteral("reading the live object again"));
        request("GET", objectPath(plan.change), {}, [this, plan, backupDir, force](const QByteArray& body) {
            const json live = parseObject(body);
            const std::string modified = live.value("modifiedDateTime", std::string());
            const bool drifted = modified != plan.liveModifiedDateTime || withoutVolatile(live) != plan.before;
            if (drifted && !force) {
                const auto diff = diffObjects(plan.before, withoutVolatile(live));
                QStringList paths;
                for (const auto& f : diff) paths << QString::fromStdString(f.path);
                return finish(Outcome::Refused,
                    QStringLiteral("the live object changed since the plan (modified %1, planned on %2%3); nothing was "
                                   "written. Make a new plan, or apply with --force to overwrite that change")
                        .arg(QString::fromStdString(modified), QString::fromStdString(plan.liveModifiedDateTime),
                            paths.isEmpty() ? QString()
                                            : QStringLiteral("; changed: ") + paths.join(QStringLiteral(", "))));
            }
            FixPlan current = plan;
            if (drifted) {
                // Forced: the change is made again on what is live now, so nothing of the later change is reverted.
                QString why2;
                const auto again = applyChange(live, plan.change, &why2);
                if (!again) return finish(Outcome::Refused, QStringLiteral("the fix no longer applies: %1").arg(why2));
                current.before = withoutVolatile(live);
                current.after = withoutVolatile(again->after);
                current.body = again->patchBody;
                current.liveModifiedDateTime = modified;
                current.diff = diffObjects(current.before, current.after);
                m_result.plan = current;
            }
            // The backup is written before anything is sent; without it nothing is sent.
            QDir().mkpath(backupDir);
            const QString path = backupPathFor(backupDir, current.change);
            json backup = current.toJson();
            backup["live"] = live;
            backup["kind"] = "calens-fix-backup";
            QString error;
            if (!exporter::writeFileAtomically(path, QByteArray::fromStdString(backup.dump(2)), &error))
                return finish(Outcome::Failed,
                    QStringLiteral("the backup could not be written, nothing was sent: %1").arg(error));
            m_result.backupPath = path;
            emit progress(QStringLiteral("sending the change"));
            request("PATCH", current.url, QByteArray::fromStdString(current.body.dump()),
                [this, current](const QByteArray&) {
                    m_result.applied = true;
                    readBack(current);
                });
        });
    });
}

void FixRunner::readBack(const FixPlan& plan)
{
    emit progress(QStringLiteral("reading the object back"));
    request("GET", objectPath(plan.change), {}, [this, plan](const QByteArray& body) {
        const json now = withoutVolatile(parseObject(body));
        m_result.readBackDiff = diffObjects(plan.after, now);
        m_result.verified = m_result.readBackDiff.empty();
        if (!m_result.verified)
            return finish(Outcome::Refused,
                QStringLiteral("the change was sent, but the object read back differs from the plan in %1 place(s); "
                               "check it, and roll back with the backup %2 if needed")
                    .arg(m_result.readBackDiff.size())
                    .arg(m_result.backupPath));
        finish(Outcome::Done, QStringLiteral("applied and verified: the object read back equals the plan"));
    });
}

void FixRunner::rollback(const QString& backupPath, bool force)
{
    if (m_running) return;
    m_running = true;
    m_result = {};
    QFile f(backupPath);
    if (!f.open(QIODevice::ReadOnly))
        return finish(Outcome::Failed, QStringLiteral("%1: %2").arg(backupPath, f.errorString()));
    const json backup = parseObject(f.read(qint64(16) << 20));
    QString error;
    auto plan
        = backup.value("kind", std::string()) == "calens-fix-backup" ? FixPlan::fromJson(backup, &error) : std::nullopt;
    if (!plan)
        return finish(Outcome::Failed,
            QStringLiteral("%1: not a CA Lens backup%2")
                .arg(backupPath, error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error)));
    m_result.plan = plan;
    m_result.backupPath = backupPath;
    signIn([this, plan = *plan, force] {
        emit progress(QStringLiteral("reading the live object"));
        request("GET", objectPath(plan.change), {}, [this, plan, force](const QByteArray& body) {
            const json live = withoutVolatile(parseObject(body));
            if (live == plan.before)
                return finish(Outcome::Done, QStringLiteral("the object already equals the backup; nothing was sent"));
            if (live != plan.after && !force) {
                QStringList paths;
                for (const auto& d : diffObjects(plan.after, live)) paths << QString::fromStdString(d.path);
                return finish(Outcome::Refused,
                    QStringLiteral("the object changed after the fix was applied (%1); nothing was written. Roll back "
                                   "with --force to overwrite that change too")
                        .arg(paths.join(QStringLiteral(", "))));
            }
            const json restore = restoreBody(plan.before, plan.change);
            emit progress(QStringLiteral("restoring the backed-up property"));
            request("PATCH", objectPath(plan.change), QByteArray::fromStdString(restore.dump()),
                [this, plan](const QByteArray&) {
                    m_result.applied = true;
                    request("GET", objectPath(plan.change), {}, [this, plan](const QByteArray& body2) {
                        const json now = withoutVolatile(parseObject(body2));
                        const char* top = plan.change.topLevelProperty();
                        m_result.readBackDiff = diffObjects(plan.before.value(top, json()), now.value(top, json()));
                        m_result.verified = m_result.readBackDiff.empty();
                        if (!m_result.verified)
                            return finish(Outcome::Refused,
                                QStringLiteral("the restore was sent, but %1 read back differs from the backup")
                                    .arg(QLatin1String(top)));
                        finish(Outcome::Done,
                            QStringLiteral("rolled back: %1 equals the backup again").arg(QLatin1String(top)));
                    });
                });
        });
    });
}

} // namespace calens::fix
