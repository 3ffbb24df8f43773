// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace calens {
class Dataset;
}

namespace calens::graph {

// Writes the fetch file atomically: core/export's Graph JSON (sign-ins, "policies", "namedLocations",
// "servicePrincipals") plus a "directoryAudits" list that readers pass over. On failure: false and
// "<path>: <reason>" in *error; an existing file at `path` is left as it was.
bool writeFetchFile(
    const Dataset& data, const std::vector<std::string>& directoryAudits, const QString& path, QString* error);

} // namespace calens::graph
