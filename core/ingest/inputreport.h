// SPDX-License-Identifier: MIT
#pragma once

#include "format.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace calens {

// What reading one input produced: counts, warnings, and the first few problems with their position.
struct InputReport
{
    static constexpr int kMaxProblems = 5;

    QString path;
    Format format = Format::Unknown;
    uint64_t records = 0; // sign-ins (or, for a directory file, policies / locations / service principals) read
    uint64_t directoryObjects = 0; // policies, named locations and service principals found beside sign-ins
    uint64_t skipped = 0; // records that could not be read
    uint64_t duplicates = 0; // sign-ins already loaded from an earlier input
    uint64_t bytes = 0;
    QStringList warnings;
    QString error; // set when the input could not be read at all
    bool truncated = false;

    // A record that could not be read: counted, and the first few kept with where and why.
    // `where` is "line 12" or "byte 3456".
    void skip(const QString& where, const QString& reason);
    void warn(const QString& text);
};

} // namespace calens
