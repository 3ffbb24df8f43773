// SPDX-License-Identifier: MIT
#pragma once

#include "emulatorconfig.h"
#include "rawreply.h"

#include <QHash>
#include <QSet>
#include <QUrlQuery>

namespace calens::emulator {

// The identity platform's token and device-code endpoints, with the documented error bodies.
class AuthService
{
public:
    explicit AuthService(const EmulatorConfig& config);

    RawReply token(const QUrlQuery& form);
    // The reply config.tokenFault asks for, or status 0 when there is none.
    RawReply tokenFault(const QByteArray& baseUrl);
    RawReply deviceCode(const QUrlQuery& form, const QByteArray& baseUrl);
    bool isValid(const QByteArray& authorizationHeader) const;
    // Whether the token may change Conditional Access: client credentials (the emulated app holds
    // Policy.ReadWrite.ConditionalAccess), or a delegated token whose sign-in asked for that scope.
    bool canWrite(const QByteArray& authorizationHeader) const;
    // The resource a token was issued for: its scope without "/.default" (https://api.loganalytics.io for Log
    // Analytics; empty when the token is not valid).
    QString audienceOf(const QByteArray& authorizationHeader) const;
    void expireAll() { m_tokens.clear(); }
    int issued() const { return m_issued; }
    int polls() const { return m_polls; }
    // Every access and refresh token handed out so far (the secrets test looks for them on disk).
    const QList<QByteArray>& everIssued() const { return m_everIssued; }

private:
    RawReply issue(bool withRefresh, bool canWrite, const QString& scope = {});
    RawReply error(int status, const char* error, int code, const QString& description) const;

    const EmulatorConfig& m_config;
    QHash<QByteArray, bool> m_tokens, m_refreshTokens; // token -> may write Conditional Access
    QList<QByteArray> m_everIssued;
    QHash<QByteArray, int> m_devicePolls; // device_code -> polls so far
    QHash<QByteArray, bool> m_deviceCanWrite; // device_code -> asked for the write scope
    QHash<QByteArray, QString> m_deviceScope; // device_code -> the scope it asked for
    QHash<QByteArray, QString> m_audience; // access token -> the resource it was issued for
    int m_issued = 0;
    int m_polls = 0;
    bool m_slowedDown = false;
};

} // namespace calens::emulator
