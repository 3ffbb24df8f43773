// SPDX-License-Identifier: MIT
#include "testpaths.h"

#include <QProcess>

namespace calens::test {

QString fixture(const QString& name)
{
    return QStringLiteral(CALENS_SHARED_DIR "/fixtures/public/") + name;
}

QString testData(const QString& name)
{
    return QStringLiteral(CALENS_TEST_DATA "/") + name;
}

QString calensBinary()
{
    return QStringLiteral(CALENS_BINARY);
}

CliRun runCalens(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(calensBinary(), args);
    if (!p.waitForFinished(timeoutMs * CALENS_SLOWDOWN)) qFatal("calens did not finish");
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

} // namespace calens::test
