// SPDX-License-Identifier: MIT
#include "rawreply.h"

#include <QDateTime>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <memory>

namespace calens::emulator {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void writeNow(QTcpSocket* socket, const RawReply& r)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    head += "Content-Type: " + r.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    for (const auto& [k, v] : r.headers) head += k + ": " + v + "\r\n";
    head += "\r\n";
    socket->write(head);
    if (r.mode == RawReply::Mode::Trickle) {
        // One byte now and one per interval: a transfer timeout that restarts on every byte never fires.
        QPointer<QTcpSocket> guard(socket);
        auto* timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, socket, [guard, timer, sent, body = r.body] {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState || *sent >= body.size()) {
                timer->stop();
                timer->deleteLater();
                return;
            }
            guard->write(body.mid(*sent, 1));
            ++*sent;
        });
        timer->start(r.trickleMs);
        return;
    }
    if (r.mode == RawReply::Mode::DropMidBody) {
        socket->write(r.body.left(r.body.size() / 2));
        socket->disconnectFromHost(); // sends what is buffered, then closes: the client gets a short body
        return;
    }
    socket->write(r.body);
}

} // namespace

RawReply RawReply::json(int status, QByteArray body)
{
    RawReply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

RawReply RawReply::graphError(int status, const QByteArray& code, const QString& message)
{
    nlohmann::json inner;
    inner["date"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    inner["request-id"] = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    nlohmann::json error;
    error["code"] = code.toStdString();
    error["message"] = message.toStdString();
    error["innerError"] = inner;
    nlohmann::json body;
    body["error"] = error;
    return json(status, QByteArray::fromStdString(body.dump()));
}

void RawReply::send(QTcpSocket* socket) const
{
    if (delayMs <= 0) return writeNow(socket, *this);
    QPointer<QTcpSocket> guard(socket);
    const RawReply copy = *this;
    QTimer::singleShot(delayMs, socket, [guard, copy] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState) writeNow(guard, copy);
    });
}

} // namespace calens::emulator
