// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"
#include "sessionsecretstore.h"

#include <memory>

namespace calens::graph {

// The client secret store the app uses: the keychain when it works, else the session store, and it
// says which (notice()) so the UI can tell the user the secret will not be remembered.
class SecretVault final : public SecretStore
{
public:
    explicit SecretVault(std::unique_ptr<SecretStore> keychain);
    QString name() const override;
    void read(const QString& account, Done done) override;
    void write(const QString& account, const QString& secret, Done done) override;
    void remove(const QString& account, Done done) override;

    bool keychainUsable() const { return !m_keychainFailed; }
    QString notice() const { return m_notice; } // empty while the keychain works

private:
    void markUnavailable(const SecretResult& r);

    std::unique_ptr<SecretStore> m_keychain;
    SessionSecretStore m_session;
    bool m_keychainFailed = false;
    QString m_notice;
};

} // namespace calens::graph
