// SPDX-License-Identifier: MIT
#include "replyguard.h"

#include <QNetworkReply>

namespace calens::graph {

ReplyGuard::ReplyGuard(QNetworkReply* reply, int deadlineMs, qint64 maxBytes)
    : QObject(reply)
    , m_reply(reply)
    , m_maxBytes(maxBytes)
    , m_deadlineMs(deadlineMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_reply->abort();
    });
    m_timer.start(deadlineMs);
    connect(reply, &QNetworkReply::metaDataChanged, this, &ReplyGuard::check);
    connect(reply, &QNetworkReply::readyRead, this, &ReplyGuard::check);
    connect(reply, &QNetworkReply::finished, &m_timer, &QTimer::stop);
}

void ReplyGuard::check()
{
    if (m_tooLarge || m_timedOut) return;
    const QVariant declared = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if ((declared.isValid() && declared.toLongLong() > m_maxBytes) || m_reply->bytesAvailable() > m_maxBytes) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

QString sizeText(qint64 bytes)
{
    if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0) return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace calens::graph
