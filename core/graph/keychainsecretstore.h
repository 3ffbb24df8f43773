// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"

namespace calens::graph {

// How an unusable keychain is named to the admin, first words of SecretResult::error.
inline constexpr const char* kNoSecretService = "no Secret Service on the session bus";

// The OS keychain through qtkeychain (Secret Service over D-Bus on Linux). Headless or without an
// unlocked keyring it reports `unavailable`: callers fall back to SessionSecretStore and say so.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("calens"))
        : m_service(std::move(service))
    { }
    QString name() const override { return QStringLiteral("system keychain"); }
    void read(const QString& account, Done done) override;
    void write(const QString& account, const QString& secret, Done done) override;
    void remove(const QString& account, Done done) override;

private:
    QString m_service;
};

} // namespace calens::graph
