// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QTcpSocket;

namespace calens::emulator {

// An HTTP response written straight to the socket, so faults can be exact: a delay before it is sent,
// a body cut short, or a connection closed halfway through the promised Content-Length.
struct RawReply
{
    enum class Mode
    {
        Normal,
        DropMidBody, // headers promise the whole body; half is sent, then the connection closes
        Trickle, // headers, then the body one byte every `trickleMs`
    };
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    int trickleMs = 1000;
    Mode mode = Mode::Normal;

    static RawReply json(int status, QByteArray body);
    // Graph's error body {"error":{"code","message","innerError":{"date","request-id"}}}.
    static RawReply graphError(int status, const QByteArray& code, const QString& message);
    void send(QTcpSocket* socket) const;
};

} // namespace calens::emulator
