// SPDX-License-Identifier: MIT
#pragma once

#include "cloud.h"
#include "credentials.h"
#include "grapherror.h"
#include "nondumpable.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace calens::graph {

// Gets an access token for Graph by hand on QNetworkAccessManager: client credentials with a secret, or the
// device-code flow (polling with authorization_pending / slow_down / declined / expired handling). Tokens
// stay in memory, the process is not dumpable meanwhile. acquire() while an acquisition runs joins it.
// Redirects are never followed (the bodies carry secrets), responses are bounded in time and size, and a
// token with characters no bearer token has (CR, LF, controls) is refused.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    TokenProvider(QNetworkAccessManager* nam, Endpoints endpoints, Credentials credentials, QObject* parent = nullptr);
    ~TokenProvider() override;

    void acquire();
    void cancel();
    bool isBusy() const { return m_busy; }
    bool hasToken() const { return !m_accessToken.isEmpty(); }
    int generation() const { return m_generation; } // bumps with every new token
    QByteArray authorizationHeader() const;
    void invalidate(); // forget the access token (after a 401); a refresh token is kept
    // The refresh token of the delegated sign-in (empty for client credentials or before a sign-in): what the
    // caller may keep in the system keychain when the admin asks, to start the next run from it.
    QByteArray refreshToken() const { return m_refreshToken; }
    // The deadline for a whole response and the size cap (see RetryPolicy).
    void setLimits(int deadlineMs, qint64 maxBytes)
    {
        m_deadlineMs = deadlineMs;
        m_maxBytes = maxBytes;
    }

signals:
    void deviceCode(const calens::graph::DeviceCodeInfo& info);
    void tokenReady();
    void failed(const calens::graph::GraphError& error);

private:
    void post(const QUrl& url, const QByteArray& form, void (TokenProvider::*handler)(int, const QByteArray&));
    QString delegatedScope() const
    {
        return m_credentials.delegatedScopes.isEmpty() ? m_endpoints.scope() : m_credentials.delegatedScopes;
    }
    void requestClientCredentials();
    void requestRefresh();
    void requestDeviceCode();
    void poll();
    void onToken(int status, const QByteArray& body);
    void onDeviceCode(int status, const QByteArray& body);
    void onPoll(int status, const QByteArray& body);
    void fail(const GraphError& error);
    bool takeToken(const QByteArray& body);

    QNetworkAccessManager* m_nam;
    Endpoints m_endpoints;
    Credentials m_credentials;
    QByteArray m_accessToken, m_refreshToken, m_deviceCode;
    QPointer<QNetworkReply> m_reply;
    QTimer m_pollTimer;
    QElapsedTimer m_deviceClock;
    int m_intervalMs = 5000;
    qint64 m_deviceExpiresMs = 0;
    int m_generation = 0;
    int m_deadlineMs = 60000;
    qint64 m_maxBytes = qint64(64) << 10;
    bool m_busy = false;
    NonDumpable m_nonDumpable; // no core dump with the secret or a token in it while this exists
};

} // namespace calens::graph
