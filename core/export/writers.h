// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/format.h"

#include <QString>

namespace calens {

class Dataset;

struct WriteOptions
{
    // powershell-json: ConvertTo-Json -Depth. 10 keeps everything; 2 (the cmdlet's default) turns nested
    // objects into type-name strings, as a careless export does.
    int psDepth = 10;
};

// Writes every sign-in of `data` in `format` (one of the eight sign-in formats) to `path`, atomically.
// A ".gz" path is gzip-compressed. portal-csv always writes a folder; diag-jsonl writes a folder tree
// unless the path ends with .json/.jsonl(.gz). On failure returns false with "<path>: <reason>".
bool writeSignIns(
    const Dataset& data, Format format, const QString& path, QString* error, const WriteOptions& options = {});

// Graph list responses of the dataset's directory data.
bool writePolicies(const Dataset& data, const QString& path, QString* error);
bool writeNamedLocations(const Dataset& data, const QString& path, QString* error);

} // namespace calens
