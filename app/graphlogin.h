// SPDX-License-Identifier: MIT
#pragma once

#include "graph/cloud.h"
#include "graph/credentials.h"
#include "graph/secretstore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

// The sign-in options every command that talks to Microsoft Graph takes (fetch, fix), parsed one way:
// --tenant, --client-id, --device-code | --client-secret-env VAR | --client-secret-keychain | --certificate FILE,
// --cloud, --authority-url, --graph-url. The secret is read from the named environment variable or from the system
// keychain (stored there by `calens keychain store`), never from an argument or a file.
struct GraphLoginOptions
{
    QCommandLineOption tenant, clientId, deviceCode, secretEnv, secretKeychain, certificate, cloud, authority, graphUrl;
    GraphLoginOptions();
    void addTo(QCommandLineParser& parser) const;
};

struct GraphLogin
{
    calens::graph::Endpoints endpoints;
    calens::graph::Credentials credentials;
    QStringList arguments; // the same sign-in as command-line arguments (never the secret), shell-quoted
};

// Nothing and `error` (a usage message) when an option is missing, conflicting or unusable: with
// --client-secret-keychain also when no Secret Service answers on the session bus or it holds no secret for this
// tenant and client ID.
std::optional<GraphLogin> readGraphLogin(
    const QCommandLineParser& parser, const GraphLoginOptions& options, QString* error);

// The words for a keychain that cannot be used (`unavailable`), with what to use instead.
QString keychainUnusable(const calens::graph::SecretResult& result);

// An argument as a POSIX shell reads it back whole, so a printed command can be pasted as it is.
QString shellQuoted(const QString& argument);
