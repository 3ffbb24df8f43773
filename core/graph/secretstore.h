// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace calens::graph {

struct SecretResult
{
    bool ok = false;
    bool notFound = false; // the store works but holds nothing under that name
    bool unavailable = false; // the store itself cannot be used here (no keyring, variable unset...)
    QString secret; // only when ok; never logged
    QString error; // plain words, never containing the secret
};

// Where a client secret comes from. Implementations never write a secret to settings, files or logs.
// Calls complete asynchronously or at once; `done` is always called exactly once.
class SecretStore
{
public:
    using Done = std::function<void(const SecretResult&)>;
    virtual ~SecretStore() = default;
    virtual QString name() const = 0; // "environment variable CALENS_SECRET", "system keychain", ...
    virtual void read(const QString& account, Done done) = 0;
    virtual void write(const QString& account, const QString& secret, Done done) = 0;
    virtual void remove(const QString& account, Done done) = 0;
};

} // namespace calens::graph
