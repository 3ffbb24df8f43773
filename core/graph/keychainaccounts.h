// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace calens::graph {

// The names CA Lens keeps secrets under in the system keychain (service "calens"): one client secret and one
// delegated refresh token per tenant and app registration. The command line (`calens keychain`,
// --client-secret-keychain) and the window use the same names, so a secret stored by one is found by the other.
inline QString keychainService()
{
    return QStringLiteral("calens");
}

inline QString keychainKey(const QString& tenant, const QString& clientId)
{
    return tenant.trimmed().toLower() + QLatin1Char('/') + clientId.trimmed().toLower();
}

inline QString clientSecretAccount(const QString& tenant, const QString& clientId)
{
    return QStringLiteral("client-secret:") + keychainKey(tenant, clientId);
}

inline QString refreshTokenAccount(const QString& tenant, const QString& clientId)
{
    return QStringLiteral("refresh-token:") + keychainKey(tenant, clientId);
}

} // namespace calens::graph
