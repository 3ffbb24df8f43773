// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"

#include <QString>

namespace calens::fix {

// The PowerShell that makes `change` on the live object (Microsoft Graph PowerShell, PowerShell 7): read,
// refuse on drift since `plannedModified` (empty: no plan was made on a live read), back up, change one list,
// PATCH the whole top-level property from the live copy, read back, print the restore. Every value is a
// PowerShell literal; an ill-formed change gets no script.
QString changeScript(const Change& change, const QString& graphRoot, const QString& plannedModified = {});

} // namespace calens::fix
