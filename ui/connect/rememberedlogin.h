// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace calens {

namespace graph {
class SecretVault;
}

// What the Connect and fix dialogs remember between runs. Secrets (the client secret, the device-code sign-in's
// refresh token) go to the process's one SecretVault: the system keychain, or this session's memory when no
// Secret Service answers. Settings hold only names: the recent tenants and app registrations and whether the
// admin asked to remember (QSettings graph/*), never a secret.
graph::SecretVault& secretVault();

bool rememberInKeychain(); // graph/remember
void setRememberInKeychain(bool remember);

struct RecentConnection
{
    QString tenant, clientId;
};
QList<RecentConnection> recentConnections(); // newest first, at most kMaxRecentConnections
void addRecentConnection(const QString& tenant, const QString& clientId);
QStringList recentTenants();
QStringList recentClientIds();
constexpr int kMaxRecentConnections = 8;

// The notice a dialog shows when the keychain cannot be used (empty while it can).
QString keychainNotice();

} // namespace calens
