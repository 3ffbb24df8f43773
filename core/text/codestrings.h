// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace calens::text {

using StringEdit = std::function<QString(const QString&)>;

// Applies `edit` to the value of every single-quoted string of a PowerShell script and writes it back with
// powershellLiteral; code, comments and double-quoted strings stay byte for byte. So a pass such as
// redaction changes data, never syntax ('@odata.type' stays a key, a pseudonym cannot end a string).
QString editPowerShellStrings(const QString& script, const StringEdit& edit);

// The same for JSON text: every string value (never a key) is edited; the result is compact JSON. Text
// that is not JSON is edited as a whole.
QString editJsonStrings(const QString& json, const StringEdit& edit);

} // namespace calens::text
