// SPDX-License-Identifier: MIT
#include "emulatorprocess.h"

#include "model/dataset.h"
#include "model/signinref.h"
#include "synth/synthesize.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace calens::test {

EmulatorProcess::EmulatorProcess(QStringList args)
    : m_args(std::move(args))
{ }

EmulatorProcess::~EmulatorProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool EmulatorProcess::start(QString* error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(QStringLiteral(CALENS_GRAPH_EMULATOR), m_args);
    if (!m_process->waitForStarted(10000)) {
        if (error) *error = m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000 * CALENS_SLOWDOWN); // the emulator synthesises its tenant first
    while (!m_process->canReadLine() && !deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(deadline.remainingTime()))) break;
    }
    const QString line = QString::fromLatin1(m_process->readLine()).trimmed();
    if (!line.startsWith(QLatin1String("http://127.0.0.1:"))) {
        if (error)
            *error = QStringLiteral("no URL from the emulator: %1 %2")
                         .arg(line, QString::fromLocal8Bit(m_process->readAllStandardError()));
        return false;
    }
    m_url = line;
    return true;
}

QByteArray EmulatorProcess::get(const QString& pathAndQuery)
{
    return post(pathAndQuery, QByteArray());
}

QByteArray EmulatorProcess::post(const QString& pathAndQuery, const QByteArray& body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_url + pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = body.isNull() ? nam.get(request) : nam.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    delete reply;
    return answer;
}

QSet<QString> groundTruth(uint64_t seed, int signIns, int64_t sinceMs, int64_t untilMs)
{
    SynthOptions options;
    options.seed = seed;
    options.signIns = size_t(signIns);
    Dataset data;
    synthesize(options, data);
    QSet<QString> ids;
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        const SignInRef s = data.signIn(row);
        if (s.createdMs() < sinceMs || s.createdMs() >= untilMs) continue;
        const std::string_view id = s.str(SF::Id);
        ids.insert(QString::fromUtf8(id.data(), qsizetype(id.size())));
    }
    return ids;
}

} // namespace calens::test
