// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// calens fix: plans one fix of a diagnosis on the live object (the default), applies it (--apply --yes, with a
// backup, a read-back and the rollback command), applies a plan written earlier (--plan), or rolls a fix back
// (--rollback BACKUP). args[0] is "fix". Exit codes: 0 planned / applied and verified, 1 no such sign-in or no
// fix CA Lens can make, 2 bad usage or input, 3 Graph or sign-in error, 4 refused (the live object changed,
// the fix no longer applies, or the read-back differs).
int runFix(const QStringList& args);
