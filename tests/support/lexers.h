// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <vector>

namespace calens::test {

// Small lexers written from each language's documented lexical rules, so tests can check that a value placed
// in generated text stays one string token. They read what CA Lens writes; they are not full parsers.
struct LexToken
{
    enum class Kind
    {
        Word, // anything that is not a string, comment or line break (names, operators, punctuation)
        String, // a string literal; `value` is what the language reads
        Comment,
        NewLine,
        Unterminated // a string or comment that never ends
    };
    Kind kind;
    QString text; // as written
    QString value; // String: the literal's value
};

// PowerShell (about_Quoting_Rules, about_Comments, language specification 2.3): single-quoted strings open and
// close on ' U+2018 U+2019 U+201A U+201B, two of them in a row stand for the second; double-quoted strings on
// " U+201C U+201D U+201E with ` escapes; # comments end at CR or LF; <# #> block comments; CR, LF end a line.
std::vector<LexToken> lexPowerShell(const QString& script);

// KQL (Kusto "The string data type"): '...' and "..." with backslash escapes (\\ \" \' \t \n \r \uXXXX),
// @"..." verbatim with "" for a quote; // comments to the end of the line. A raw CR or LF ends a literal
// unterminated.
std::vector<LexToken> lexKql(const QString& query);

// OData $filter (ABNF): '...' with '' for an embedded quote.
std::vector<LexToken> lexOData(const QString& filter);

} // namespace calens::test
