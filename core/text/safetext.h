// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string>

namespace calens::text {

// Characters that can hide, reorder or fake text where it is shown (a terminal, a script, a report): C0 and C1
// controls (ESC, CR, VT, FF, NEL included) and DEL, bidirectional controls, zero-width characters, and the line
// and paragraph separators U+2028 / U+2029. Tab and newline are named here too; callers decide to keep them.
bool isHidingCharacter(char16_t c);

// `text` with every hiding character shown as a visible "[U+XXXX]", except tab and, when `keepNewlines`,
// newline. A terminal then receives no escape sequence, and a name cannot reorder, hide or fake what follows.
QString visibleControls(const QString& text, bool keepNewlines);

// One line for a script, a title or a log line: line breaks of every kind (CR, LF, VT, FF, NEL, U+2028,
// U+2029) become a space; other hiding characters are shown as "[U+XXXX]".
QString singleLine(const QString& text);

// JSON text (already valid, from a serializer) made safe for a terminal: C1 controls, bidirectional and
// zero-width characters and U+2028 / U+2029 inside strings become \uXXXX escapes. The JSON value is unchanged.
std::string terminalSafeJson(const std::string& json);

} // namespace calens::text
