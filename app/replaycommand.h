// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// `calens whatif --replay PATH... [--policies FILE] [--named-locations FILE] [--json]`: every logged sign-in with
// per-policy results evaluated offline and compared with the log. args[0] is "whatif".
// Returns 0 done, 2 bad usage or unusable input (no sign-ins, or no policies to compare with).
int runWhatIfReplay(const QStringList& args);
