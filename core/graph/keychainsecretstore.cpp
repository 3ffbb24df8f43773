// SPDX-License-Identifier: MIT
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace calens::graph {

namespace {

SecretResult resultOf(QKeychain::Job* job)
{
    SecretResult r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.ok = true;
        return r;
    case QKeychain::EntryNotFound:
        r.notFound = true;
        r.error = QStringLiteral("no secret is stored in the keychain for this app registration");
        return r;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        r.unavailable = true;
        r.error = QStringLiteral("the system keychain refused access, is it locked? (%1)").arg(job->errorString());
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
    default:
        break;
    }
    // Any other failure of the keyring itself (no D-Bus session, no Secret Service on it) makes the store
    // unusable here; qtkeychain's text names the cause without the secret.
    r.unavailable = true;
    r.error
        = QStringLiteral("%1 (the system keychain said: %2)").arg(QLatin1String(kNoSecretService), job->errorString());
    return r;
}

} // namespace

void KeychainSecretStore::read(const QString& account, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) {
        SecretResult r = resultOf(j);
        if (r.ok) r.secret = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
        done(r);
    });
    job->start();
}

void KeychainSecretStore::write(const QString& account, const QString& secret, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(account);
    job->setTextData(secret);
    QObject::connect(
        job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) { done(resultOf(j)); });
    job->start();
}

void KeychainSecretStore::remove(const QString& account, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    QObject::connect(
        job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) { done(resultOf(j)); });
    job->start();
}

} // namespace calens::graph
