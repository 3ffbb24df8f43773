// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"

namespace calens::graph {

// Reads the secret from an environment variable the user names (CI jobs, scripts). Read-only.
class EnvSecretStore final : public SecretStore
{
public:
    explicit EnvSecretStore(QString variable)
        : m_variable(std::move(variable))
    { }
    QString name() const override { return QStringLiteral("environment variable %1").arg(m_variable); }
    void read(const QString&, Done done) override
    {
        SecretResult r;
        const QString value = qEnvironmentVariable(m_variable.toLocal8Bit().constData());
        if (value.isEmpty()) {
            r.unavailable = true;
            r.error = QStringLiteral("the environment variable %1 is not set or empty").arg(m_variable);
        } else {
            r.ok = true;
            r.secret = value;
        }
        done(r);
    }
    void write(const QString&, const QString&, Done done) override { done(readOnly()); }
    void remove(const QString&, Done done) override { done(readOnly()); }

private:
    SecretResult readOnly() const
    {
        SecretResult r;
        r.error = QStringLiteral("an environment variable is read-only for CA Lens");
        return r;
    }
    QString m_variable;
};

} // namespace calens::graph
