// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace calens::emulator {

// Command-line settings of the Graph emulator (see main.cpp --help).
struct EmulatorConfig
{
    uint64_t seed = 1;
    int signIns = 2000;
    int days = 14;
    quint16 port = 0;
    QString clientId; // empty: any client ID is accepted
    QString clientSecret = QStringLiteral("emulator-secret");
    int approveAfter = 2; // device code: polls answered authorization_pending before approval
    int interval = 1; // device code: seconds between polls asked of the client
    int expiresIn = 900;
    QString tokenError; // AADSTS code every token request fails with (53003, 7000215, ...)
    QString deviceError; // authorization_declined, expired_token, bad_verification_code, access_denied, slow_down
    int latencyMs = 0; // added to every sign-in page
    QStringList faults; // KIND[:every=N][:count=M][:after=K][:ms=D][:kb=S]
    // How the token endpoint misbehaves: redirect (307 to /_emulator/capture), huge (a 1 MiB body), crlf (an
    // access_token with CR LF and a header in it), trickle (one byte a second).
    QString tokenFault;
    // Log Analytics / Data Explorer query endpoints: prepared answers, limits, latency and faults (--query-fault).
    QString laAnswers;
    int laRowLimit = 500000;
    qint64 laByteLimit = qint64(64) << 20;
    int laLatencyMs = 0;
    QStringList queryFaults;
};

} // namespace calens::emulator
