// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// calens la --workspace ID ... (summary | incidents | fetch --incident N -o OUT.json) [--json]
int runLa(const QStringList& args);
// calens adx --cluster URL --database DB ... (the same verbs)
int runAdx(const QStringList& args);
