// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <nlohmann/json.hpp>

#include <string>

namespace calens::jsontext {

// The small bridge every JSON writer needs between Qt text and nlohmann (which holds UTF-8).
using J = nlohmann::ordered_json;

inline std::string utf8(const QString& text)
{
    return text.toStdString();
}

inline J list(const QStringList& items)
{
    J out = J::array();
    for (const QString& item : items) out.push_back(utf8(item));
    return out;
}

} // namespace calens::jsontext
