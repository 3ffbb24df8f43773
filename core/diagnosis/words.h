// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace calens {

// How the window and the report say what the data calls by its Graph names. The JSON keeps the names.

// "high", "medium" or "low": how sure the diagnosis is (the number goes in a tooltip or the JSON).
QString confidenceWord(double confidence);
// A grant control ("mfa", "compliantDevice", "block", ...) as an admin says it: "multifactor authentication".
QString controlWord(const QString& control);
// A cause's title from the flowchart ("MFA is required but the sign-in cannot answer a prompt").
QString causeInWords(const std::string& causeId);
// Several, joined with "and"; "a control the log does not name" when there is none.
QString controlsInWords(const QStringList& controls);

} // namespace calens
