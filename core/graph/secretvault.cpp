// SPDX-License-Identifier: MIT
#include "secretvault.h"

namespace calens::graph {

SecretVault::SecretVault(std::unique_ptr<SecretStore> keychain)
    : m_keychain(std::move(keychain))
{
    if (!m_keychain) m_keychainFailed = true;
}

QString SecretVault::name() const
{
    return m_keychainFailed ? m_session.name() : m_keychain->name();
}

void SecretVault::markUnavailable(const SecretResult& r)
{
    m_keychainFailed = true;
    m_notice = r.error
        + QLatin1String(": the client secret and the sign-in are kept in memory for this session only and must be "
                        "entered again next time");
}

void SecretVault::read(const QString& account, Done done)
{
    if (m_keychainFailed) return m_session.read(account, std::move(done));
    m_keychain->read(account, [this, account, done = std::move(done)](const SecretResult& r) {
        if (!r.unavailable) return done(r);
        markUnavailable(r);
        m_session.read(account, done);
    });
}

void SecretVault::write(const QString& account, const QString& secret, Done done)
{
    if (m_keychainFailed) return m_session.write(account, secret, std::move(done));
    m_keychain->write(account, secret, [this, account, secret, done = std::move(done)](const SecretResult& r) {
        if (!r.unavailable) return done(r);
        markUnavailable(r);
        m_session.write(account, secret, done);
    });
}

void SecretVault::remove(const QString& account, Done done)
{
    m_session.remove(account, [](const SecretResult&) {});
    if (m_keychainFailed) return done(SecretResult { true, false, false, {}, {} });
    m_keychain->remove(account, std::move(done));
}

} // namespace calens::graph
