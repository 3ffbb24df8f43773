// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace calens {

// Exports saved by older tools (Excel "Save as CSV", PowerShell 5 Out-File -Encoding Default) are often in
// the Windows ANSI code page instead of UTF-8. A record that is not valid UTF-8 is read as Windows-1252
// (a superset of Latin-1 for printable text), so "Jürgen" stays "Jürgen" instead of becoming "J?rgen".
bool isValidUtf8(std::string_view text);
// Appends text, read as Windows-1252, as UTF-8. Bytes 0x81/0x8D/0x8F/0x90/0x9D (unassigned) map to the C1
// controls of the same value, as Latin-1 would.
void appendWindows1252AsUtf8(std::string_view text, std::string& out);

} // namespace calens
