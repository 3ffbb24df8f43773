// SPDX-License-Identifier: MIT
#include "rememberedlogin.h"

#include "graph/keychainaccounts.h"
#include "graph/keychainsecretstore.h"
#include "graph/secretvault.h"

#include <QSettings>

#include <memory>

namespace calens {

namespace {
const QString kRecent = QStringLiteral("graph/recent");
}

graph::SecretVault& secretVault()
{
    static graph::SecretVault vault(std::make_unique<graph::KeychainSecretStore>(graph::keychainService()));
    return vault;
}

bool rememberInKeychain()
{
    return QSettings().value(QStringLiteral("graph/remember"), false).toBool();
}

void setRememberInKeychain(bool remember)
{
    QSettings().setValue(QStringLiteral("graph/remember"), remember);
}

QList<RecentConnection> recentConnections()
{
    QSettings s;
    QList<RecentConnection> out;
    const int n = s.beginReadArray(kRecent);
    for (int i = 0; i < n && out.size() < kMaxRecentConnections; ++i) {
        s.setArrayIndex(i);
        RecentConnection c { s.value(QStringLiteral("tenant")).toString(),
            s.value(QStringLiteral("clientId")).toString() };
        if (!c.tenant.isEmpty() || !c.clientId.isEmpty()) out << c;
    }
    s.endArray();
    return out;
}

void addRecentConnection(const QString& tenant, const QString& clientId)
{
    const RecentConnection added { tenant.trimmed(), clientId.trimmed() };
    if (added.tenant.isEmpty() || added.clientId.isEmpty()) return;
    QList<RecentConnection> list { added };
    for (const RecentConnection& c : recentConnections())
        if (c.tenant.compare(added.tenant, Qt::CaseInsensitive) != 0
            || c.clientId.compare(added.clientId, Qt::CaseInsensitive) != 0)
            list << c;
    while (list.size() > kMaxRecentConnections) list.removeLast();
    QSettings s;
    s.remove(kRecent);
    s.beginWriteArray(kRecent, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("tenant"), list[i].tenant);
        s.setValue(QStringLiteral("clientId"), list[i].clientId);
    }
    s.endArray();
}

QStringList recentTenants()
{
    QStringList out;
    for (const RecentConnection& c : recentConnections())
        if (!out.contains(c.tenant, Qt::CaseInsensitive)) out << c.tenant;
    return out;
}

QStringList recentClientIds()
{
    QStringList out;
    for (const RecentConnection& c : recentConnections())
        if (!out.contains(c.clientId, Qt::CaseInsensitive)) out << c.clientId;
    return out;
}

QString keychainNotice()
{
    const QString notice = secretVault().notice();
    if (notice.isEmpty()) return {};
    // "No Secret Service on the session bus (the system keychain said: …): the client secret and the sign-in are
    // kept in memory for this session only and must be entered again next time."
    return notice.left(1).toUpper() + notice.mid(1) + QLatin1Char('.');
}

} // namespace calens
