// SPDX-License-Identifier: MIT
#include "keyringsession.h"

#include "support/testpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace calens::test {

bool runInPrivateKeyring(const QString& testFunction, const QString& home, QString* output, bool* skipped)
{
    *skipped = false;
    const QString dbus = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbus.isEmpty() || keyring.isEmpty()) {
        *skipped = true;
        *output = QStringLiteral("dbus-run-session or gnome-keyring-daemon not installed");
        return false;
    }
    for (const char* d : { "data", "config", "cache", "runtime" }) QDir(home).mkpath(QLatin1String(d));
    QFile::setPermissions(home + QLatin1String("/runtime"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QLatin1String("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QLatin1String("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QLatin1String("/cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QLatin1String("/runtime"));
    env.insert(QStringLiteral("CALENS_KEYRING_INNER"), QStringLiteral("1"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(dbus,
        { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo -n pw | %1 --unlock --components=secrets >/dev/null 2>&1; exec \"$0\" \"$1\"")
                .arg(keyring),
            QCoreApplication::applicationFilePath(), testFunction });
    if (!p.waitForFinished(kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
    }
    *output = QString::fromLocal8Bit(p.readAll());
    const QRegularExpression passed(
        QStringLiteral("^PASS   : \\w+::%1\\(\\)$").arg(testFunction), QRegularExpression::MultilineOption);
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && passed.match(*output).hasMatch();
}

QStringList filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << path;
    }
    return hits;
}

} // namespace calens::test
