// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// `calens whatif --policies FILE [--named-locations FILE] (--sign-in-id ID PATH... | HYPOTHETICAL) [--json]`.
// args[0] is "whatif". Returns 0 done, 1 sign-in id not found, 2 bad usage or unusable input.
int runWhatIf(const QStringList& args);
