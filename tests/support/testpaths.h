// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace calens::test {

QString fixture(const QString& name); // ../shared/fixtures/public/<name>
QString testData(const QString& name); // tests/data/<name>
QString calensBinary();

// One run of the calens command line: exit code (-1 when it crashed) and both streams.
struct CliRun
{
    int code;
    QByteArray out, err;
};
CliRun runCalens(const QStringList& args, int timeoutMs = 60000);

} // namespace calens::test
