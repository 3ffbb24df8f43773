// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

class QNetworkReply;

namespace calens::graph {

// Bounds one network reply: a deadline for the whole response (QNetworkRequest's transfer timeout restarts
// on every byte, so a server that trickles a byte every few seconds never trips it) and a cap on its size
// (the declared Content-Length and what has arrived). Exceeding either aborts the reply; the owner asks which
// when it finishes. Lives as the reply's child.
class ReplyGuard : public QObject
{
    Q_OBJECT
public:
    ReplyGuard(QNetworkReply* reply, int deadlineMs, qint64 maxBytes);

    bool timedOut() const { return m_timedOut; }
    bool tooLarge() const { return m_tooLarge; }
    qint64 maxBytes() const { return m_maxBytes; }
    int deadlineMs() const { return m_deadlineMs; }

private:
    void check();

    QNetworkReply* m_reply;
    QTimer m_timer;
    qint64 m_maxBytes;
    int m_deadlineMs;
    bool m_timedOut = false, m_tooLarge = false;
};

// "64 MiB", "64 KiB": for messages about the caps.
QString sizeText(qint64 bytes);

} // namespace calens::graph
