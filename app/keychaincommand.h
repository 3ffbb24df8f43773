// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// calens keychain store|forget --tenant T --client-id ID: puts the client secret of an app registration into the
// system keychain (read from standard input, without echo on a terminal: never an argument, a file or the shell
// history), or removes it and the kept delegated sign-in. fetch and fix then take --client-secret-keychain.
// args[0] is "keychain". Exit codes: 0 done, 2 bad usage, no secret on standard input, or no keychain service.
int runKeychain(const QStringList& args);
