// SPDX-License-Identifier: MIT
#pragma once

#include "format.h"

#include <QString>

#include <string_view>

namespace calens {

// How a JSON input is laid out at the top, which decides how the stream is split into records.
enum class JsonShape
{
    Container, // an object whose arrays hold the records ("value", "records", "tables", ...) or several of them
    Array, // a top-level array of records (or of saved pages)
    SingleObject, // the whole document is one record
    Lines, // one record per line
};

struct Detection
{
    Format format = Format::Unknown;
    JsonShape shape = JsonShape::Container;
    QString reason; // why it is Unknown, in words for the user
    size_t bomLength = 0;
};

// Decides the format from the first bytes of the (decompressed) content, never from the file name.
Detection detectFormat(std::string_view head, bool atEof);

} // namespace calens
