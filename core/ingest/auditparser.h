// SPDX-License-Identifier: MIT
#pragma once

#include "model/directorychange.h"

#include <QString>

#include <optional>
#include <string_view>

namespace calens {

// Reads one directoryAudit record (Graph auditLogs/directoryAudits). Returns nothing, with *error set,
// when the text is not a JSON object; *isConditionalAccess (when given) says whether the record is a
// change to a Conditional Access policy or named location, the only ones CA Lens keeps.
std::optional<DirectoryChange> parseDirectoryAudit(
    std::string_view json, QString* error, bool* isConditionalAccess = nullptr);

} // namespace calens
