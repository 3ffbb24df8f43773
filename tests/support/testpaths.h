// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace calens::test {

// Waits in tests guard against a hang; they never measure speed (tests/bench does). Long enough that a loaded
// 2-core machine under sanitizers never trips one; ctest's TIMEOUT ends whatever still hangs.
constexpr int kHangGuardMs = 240000;

QString fixture(const QString& name); // ../shared/fixtures/public/<name>
QString testData(const QString& name); // tests/data/<name>
QString calensBinary();

// One run of the calens command line: exit code (-1 when it crashed) and both streams.
struct CliRun
{
    int code;
    QByteArray out, err;
};
CliRun runCalens(const QStringList& args, int timeoutMs = kHangGuardMs);

} // namespace calens::test
