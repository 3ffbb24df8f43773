// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace calens::graph {

// Who signs in. The secret lives in memory only: never written to settings, files or logs.
struct Credentials
{
    enum class Method
    {
        DeviceCode, // delegated: a user signs in on any browser with a code
        ClientSecret, // application permissions: client credentials with a secret
    };
    Method method = Method::DeviceCode;
    QString tenant; // tenant ID or verified domain
    QString clientId;
    QString clientSecret;
    // Delegated sign-ins: the scopes to ask for instead of {graph}/.default (e.g. the write permission, asked
    // only when an admin applies a fix). Client credentials always use .default (application permissions).
    QString delegatedScopes;
    // Device code only: a refresh token kept from an earlier sign-in (the system keychain, when the admin asked
    // for it). The first token is asked for with it; when it is refused, the device-code sign-in runs as usual.
    QString refreshToken;
};

// What the user must do to finish a device-code sign-in.
struct DeviceCodeInfo
{
    QString userCode;
    QString verificationUri;
    QString message; // the server's sentence, shown as is
    int expiresInSeconds = 900;
    int intervalSeconds = 5;
};

} // namespace calens::graph
