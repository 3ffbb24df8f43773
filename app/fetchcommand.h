// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// calens fetch: signs in to Entra ID, fetches sign-ins, CA policies, named locations and referenced
// service principals from Microsoft Graph and writes the fetch file. args[0] is "fetch".
// Exit codes: 0 done (warnings allowed), 2 bad usage, 3 network or authentication failure.
int runFetch(const QStringList& args);
