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
    RawReply deviceCode(const QUrlQuery& form, const QByteArray& baseUrl);
    bool isValid(const QByteArray& authorizationHeader) const;
    void expireAll() { m_tokens.clear(); }
    int issued() const { return m_issued; }
    int polls() const { return m_polls; }

private:
    RawReply issue(bool withRefresh);
    RawReply error(int status, const char* error, int code, const QString& description) const;

    const EmulatorConfig& m_config;
    QSet<QByteArray> m_tokens, m_refreshTokens;
    QHash<QByteArray, int> m_devicePolls; // device_code -> polls so far
    int m_issued = 0;
    int m_polls = 0;
    bool m_slowedDown = false;
};

} // namespace calens::emulator
