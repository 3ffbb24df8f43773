// SPDX-License-Identifier: MIT
#include "safetext.h"

namespace calens::text {

namespace {

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isInvisibleFormat(char16_t c)
{
    return c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c == 0x2060
        || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

QString marker(char16_t c)
{
    return QStringLiteral("[U+%1]").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

template<typename Keep> QString rewrite(const QString& text, Keep keep, bool breaksToSpace)
{
    qsizetype first = 0;
    while (first < text.size() && (keep(text[first].unicode()) || !isHidingCharacter(text[first].unicode()))) ++first;
    if (first == text.size()) return text;
    QString out = text.left(first);
    out.reserve(text.size() + 16);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (keep(c) || !isHidingCharacter(c))
            out += text[i];
        else if (breaksToSpace && isLineBreak(c))
            out += QLatin1Char(' ');
        else
            out += marker(c);
    }
    return out;
}

} // namespace

bool isHidingCharacter(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || isInvisibleFormat(c) || c == 0x2028 || c == 0x2029;
}

QString visibleControls(const QString& text, bool keepNewlines)
{
    return rewrite(
        text, [keepNewlines](char16_t c) { return c == u'\t' || (keepNewlines && c == u'\n'); }, false);
}

QString singleLine(const QString& text)
{
    return rewrite(
        text, [](char16_t c) { return c == u'\t'; }, true);
}

std::string terminalSafeJson(const std::string& json)
{
    std::string out;
    out.reserve(json.size());
    static const char* hex = "0123456789abcdef";
    for (size_t i = 0; i < json.size();) {
        const auto b = static_cast<unsigned char>(json[i]);
        // Decode one UTF-8 sequence of up to three bytes: every character concerned lies below U+10000.
        char16_t c = b == 0x7f ? char16_t(0x7f) : 0; // DEL: the one raw control a serializer may leave
        size_t len = 1;
        if (b >= 0xc2 && b < 0xe0 && i + 1 < json.size()) {
            c = char16_t(((b & 0x1f) << 6) | (static_cast<unsigned char>(json[i + 1]) & 0x3f));
            len = 2;
        } else if (b >= 0xe0 && b < 0xf0 && i + 2 < json.size()) {
            c = char16_t(((b & 0x0f) << 12) | ((static_cast<unsigned char>(json[i + 1]) & 0x3f) << 6)
                | (static_cast<unsigned char>(json[i + 2]) & 0x3f));
            len = 3;
        }
        if (c && isHidingCharacter(c)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xf];
        } else {
            out.append(json, i, len);
        }
        i += len;
    }
    return out;
}

} // namespace calens::text
