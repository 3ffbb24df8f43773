// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace calens::test {

// Runs this test executable again, with only `testFunction`, inside a private D-Bus session (dbus-run-session)
// where an unlocked gnome-keyring-daemon serves the Secret Service, with HOME, XDG_DATA_HOME, XDG_CONFIG_HOME,
// XDG_CACHE_HOME and XDG_RUNTIME_DIR in `home` and CALENS_KEYRING_INNER=1 set (the inner run's test functions
// check it). `output` gets what it printed. False, with the reason in `output`, when it did not pass; `skipped`
// is set when dbus-run-session or gnome-keyring-daemon is not installed.
bool runInPrivateKeyring(const QString& testFunction, const QString& home, QString* output, bool* skipped);

inline bool isInnerKeyringRun()
{
    return qEnvironmentVariableIsSet("CALENS_KEYRING_INNER");
}

// The paths of the files under `dir` (recursively, hidden ones included) whose bytes contain `needle`.
QStringList filesContaining(const QString& dir, const QByteArray& needle);

} // namespace calens::test
