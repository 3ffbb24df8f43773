// SPDX-License-Identifier: MIT
#include "graphlogin.h"

#include "graph/envsecretstore.h"
#include "graph/keychainaccounts.h"
#include "graph/keychainsecretstore.h"
#include "graph/secretwait.h"

#include <QRegularExpression>

using namespace calens::graph;

namespace {
QCommandLineOption option(const char* name, const char* help, const char* value = nullptr, const char* def = nullptr)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
        value ? QString::fromLatin1(value) : QString(), def ? QString::fromLatin1(def) : QString());
}
} // namespace

QString keychainUnusable(const SecretResult& result)
{
    // "no Secret Service on the session bus: use --client-secret-env VAR (the system keychain said: …)"
    QString why = result.error, detail;
    const QLatin1String head(kNoSecretService);
    if (why.startsWith(head)) {
        detail = why.mid(head.size()).trimmed();
        why = head;
    }
    return why + QStringLiteral(": use --client-secret-env VAR")
        + (detail.isEmpty() ? QString() : QLatin1Char(' ') + detail);
}

GraphLoginOptions::GraphLoginOptions()
    : tenant(option("tenant", "Tenant ID or domain.", "TENANT"))
    , clientId(option("client-id", "Application (client) ID of the app registration.", "ID"))
    , deviceCode(option("device-code", "Sign in as a user with a device code (delegated permissions)."))
    , secretEnv(option("client-secret-env",
          "Client credentials; the secret is read from this environment variable (application permissions).", "VAR"))
    , secretKeychain(option("client-secret-keychain",
          "Client credentials; the secret is read from the system keychain, where `calens keychain store` put it for "
          "this tenant and client ID (application permissions)."))
    , certificate(option("certificate", "Client credentials with a certificate (not in this version).", "FILE"))
    , cloud(option("cloud", "global, usgov or china.", "CLOUD", "global"))
    , authority(option("authority-url", "Sign-in endpoint root (sovereign cloud or a local test server).", "URL"))
    , graphUrl(option("graph-url", "Microsoft Graph root (sovereign cloud or a local test server).", "URL"))
{ }

void GraphLoginOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions(
        { tenant, clientId, deviceCode, secretEnv, secretKeychain, certificate, cloud, authority, graphUrl });
}

std::optional<GraphLogin> readGraphLogin(const QCommandLineParser& p, const GraphLoginOptions& o, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<GraphLogin> {
        *error = why;
        return std::nullopt;
    };
    if (!p.isSet(o.tenant) || !p.isSet(o.clientId))
        return fail(QStringLiteral("--tenant and --client-id are required"));
    const int methods = int(p.isSet(o.deviceCode)) + int(p.isSet(o.secretEnv)) + int(p.isSet(o.secretKeychain))
        + int(p.isSet(o.certificate));
    if (methods != 1)
        return fail(QStringLiteral("choose one of --device-code, --client-secret-env VAR, --client-secret-keychain, "
                                   "--certificate FILE"));
    if (p.isSet(o.certificate))
        return fail(QStringLiteral("--certificate %1: certificate credentials are not supported in this version; use "
                                   "--client-secret-env or --device-code")
                        .arg(p.value(o.certificate)));
    const auto cloud = cloudFromName(p.value(o.cloud));
    if (!cloud) return fail(QStringLiteral("--cloud %1: expected global, usgov or china").arg(p.value(o.cloud)));
    const auto endpoints = resolveEndpoints(*cloud, p.value(o.authority), p.value(o.graphUrl), error);
    if (!endpoints) return std::nullopt;
    GraphLogin login { *endpoints, {}, {} };
    login.credentials.tenant = p.value(o.tenant);
    login.credentials.clientId = p.value(o.clientId);
    if (p.isSet(o.secretEnv)) {
        login.credentials.method = Credentials::Method::ClientSecret;
        EnvSecretStore store(p.value(o.secretEnv));
        SecretResult secret;
        store.read(login.credentials.clientId, [&](const SecretResult& r) { secret = r; });
        if (!secret.ok) return fail(QStringLiteral("--client-secret-env: %1").arg(secret.error));
        login.credentials.clientSecret = secret.secret;
    }
    if (p.isSet(o.secretKeychain)) {
        login.credentials.method = Credentials::Method::ClientSecret;
        KeychainSecretStore store(keychainService());
        const QString account = clientSecretAccount(login.credentials.tenant, login.credentials.clientId);
        SecretResult secret = waitForSecret([&](SecretStore::Done done) { store.read(account, std::move(done)); });
        if (secret.unavailable) return fail(QStringLiteral("--client-secret-keychain: ") + keychainUnusable(secret));
        if (!secret.ok)
            return fail(QStringLiteral("--client-secret-keychain: the system keychain holds no client secret for "
                                       "tenant %1 and client ID %2; store one with: calens keychain store --tenant %3 "
                                       "--client-id %4")
                            .arg(login.credentials.tenant, login.credentials.clientId,
                                shellQuoted(login.credentials.tenant), shellQuoted(login.credentials.clientId)));
        login.credentials.clientSecret = secret.secret;
        secret.secret.fill(QLatin1Char('\0'));
    }
    login.arguments << QStringLiteral("--tenant") << shellQuoted(p.value(o.tenant)) << QStringLiteral("--client-id")
                    << shellQuoted(p.value(o.clientId));
    if (p.isSet(o.deviceCode))
        login.arguments << QStringLiteral("--device-code");
    else if (p.isSet(o.secretKeychain))
        login.arguments << QStringLiteral("--client-secret-keychain");
    else
        login.arguments << QStringLiteral("--client-secret-env") << shellQuoted(p.value(o.secretEnv));
    if (p.isSet(o.cloud)) login.arguments << QStringLiteral("--cloud") << shellQuoted(p.value(o.cloud));
    if (p.isSet(o.authority)) login.arguments << QStringLiteral("--authority-url") << shellQuoted(p.value(o.authority));
    if (p.isSet(o.graphUrl)) login.arguments << QStringLiteral("--graph-url") << shellQuoted(p.value(o.graphUrl));
    return login;
}

QString shellQuoted(const QString& arg)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (plain.match(arg).hasMatch()) return arg;
    return QLatin1Char('\'') + QString(arg).replace(QLatin1String("'"), QLatin1String("'\\''")) + QLatin1Char('\'');
}
