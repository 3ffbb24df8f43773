// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace calens::text {

// One quoting function per target language. Each returns a complete literal, quotes included, that the
// language's lexer reads back as exactly one string token holding `value`: data can never become syntax.

// PowerShell single-quoted string. PowerShell closes such a string on ' and also on U+2018, U+2019, U+201A and
// U+201B; inside it any of these written twice stands for one, so every one of them is doubled.
QString powershellLiteral(const QString& value);

// KQL (Log Analytics, Data Explorer) double-quoted string: \ " tab and newline escaped as documented; CR,
// other controls and line or paragraph separators as \uXXXX, so the literal stays on one line.
QString kqlLiteral(const QString& value);

// OData string literal for $filter: single quotes, an embedded ' doubled (OData ABNF SQUOTE-in-string).
QString odataLiteral(const QString& value);

// A $filter expression made safe inside a URL query: percent-encoded except the characters that keep it
// readable and cannot end the parameter ('(),:/, and spaces when `keepSpaces`, for a URL shown to a person).
// '%', '&', '#', '+' and '=' are always encoded, so a value cannot add a parameter or decode into a quote.
QString odataFilterForUrl(const QString& filter, bool keepSpaces = false);

// JSON string (RFC 8259): " \ and controls escaped, and U+2028 / U+2029 too so the text is safe in scripts.
QString jsonLiteral(const QString& value);

} // namespace calens::text
