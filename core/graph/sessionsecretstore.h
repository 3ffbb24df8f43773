// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"

#include <QHash>

namespace calens::graph {

// Keeps secrets in memory for this run only: the fallback when no keychain is available.
class SessionSecretStore final : public SecretStore
{
public:
    QString name() const override { return QStringLiteral("this session only (not saved)"); }
    void read(const QString& account, Done done) override
    {
        SecretResult r;
        const auto it = m_secrets.constFind(account);
        if (it == m_secrets.constEnd()) {
            r.notFound = true;
            r.error = QStringLiteral("no secret kept for this session");
        } else {
            r.ok = true;
            r.secret = *it;
        }
        done(r);
    }
    void write(const QString& account, const QString& secret, Done done) override
    {
        m_secrets.insert(account, secret);
        SecretResult r;
        r.ok = true;
        done(r);
    }
    void remove(const QString& account, Done done) override
    {
        m_secrets.remove(account);
        SecretResult r;
        r.ok = true;
        done(r);
    }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace calens::graph
