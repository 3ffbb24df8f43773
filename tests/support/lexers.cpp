// SPDX-License-Identifier: MIT
#include "lexers.h"

namespace calens::test {

namespace {

bool psSingleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201a || u == 0x201b;
}

bool psDoubleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'"' || u == 0x201c || u == 0x201d || u == 0x201e;
}

bool psSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == 0x0b || u == 0x0c || u == 0xa0 || u == 0x85 || u == 0x2028 || u == 0x2029
        || u == 0xfeff;
}

bool isBreak(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

bool punct(QChar c)
{
    return QStringLiteral("{}()[];,|=+@").contains(c);
}

// A run of characters that is neither space, a line break, a quote, a comment start nor punctuation.
qsizetype word(const QString& s, qsizetype i, bool (*quote)(QChar), bool (*quote2)(QChar))
{
    qsizetype j = i;
    while (j < s.size() && !psSpace(s[j]) && !isBreak(s[j]) && !quote(s[j]) && !quote2(s[j]) && !punct(s[j])
        && s[j] != QLatin1Char('#'))
        ++j;
    return j == i ? i + 1 : j;
}

bool kqlQuote(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'');
}

bool none(QChar)
{
    return false;
}

} // namespace

std::vector<LexToken> lexPowerShell(const QString& s)
{
    std::vector<LexToken> out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (psSpace(c)) {
            ++i;
        } else if (isBreak(c)) {
            const qsizetype start = i;
            i += (c == QLatin1Char('\r') && i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) ? 2 : 1;
            out.push_back({ LexToken::Kind::NewLine, s.mid(start, i - start), {} });
        } else if (c == QLatin1Char('<') && i + 1 < s.size() && s[i + 1] == QLatin1Char('#')) {
            const qsizetype end = s.indexOf(QLatin1String("#>"), i + 2);
            if (end < 0) {
                out.push_back({ LexToken::Kind::Unterminated, s.mid(i), {} });
                break;
            }
            out.push_back({ LexToken::Kind::Comment, s.mid(i, end + 2 - i), {} });
            i = end + 2;
        } else if (c == QLatin1Char('#')) {
            qsizetype j = i;
            while (j < s.size() && !isBreak(s[j])) ++j;
            out.push_back({ LexToken::Kind::Comment, s.mid(i, j - i), {} });
            i = j;
        } else if (psSingleQuote(c)) {
            QString value;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < s.size()) {
                if (psSingleQuote(s[j])) {
                    if (j + 1 < s.size() && psSingleQuote(s[j + 1])) {
                        value += s[j + 1];
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value += s[j++];
            }
            out.push_back({ closed ? LexToken::Kind::String : LexToken::Kind::Unterminated, s.mid(i, j - i), value });
            i = j;
        } else if (psDoubleQuote(c)) {
            QString value;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < s.size()) {
                if (s[j] == QLatin1Char('`') && j + 1 < s.size()) {
                    value += s[j + 1];
                    j += 2;
                } else if (psDoubleQuote(s[j])) {
                    if (j + 1 < s.size() && psDoubleQuote(s[j + 1])) {
                        value += s[j + 1];
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                } else {
                    value += s[j++];
                }
            }
            out.push_back({ closed ? LexToken::Kind::String : LexToken::Kind::Unterminated, s.mid(i, j - i), value });
            i = j;
        } else {
            const qsizetype j = word(s, i, psSingleQuote, psDoubleQuote);
            out.push_back({ LexToken::Kind::Word, s.mid(i, j - i), {} });
            i = j;
        }
    }
    return out;
}

std::vector<LexToken> lexKql(const QString& s)
{
    std::vector<LexToken> out;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            ++i;
        } else if (isBreak(c)) {
            out.push_back({ LexToken::Kind::NewLine, s.mid(i, 1), {} });
            ++i;
        } else if (c == QLatin1Char('/') && i + 1 < s.size() && s[i + 1] == QLatin1Char('/')) {
            qsizetype j = i;
            while (j < s.size() && !isBreak(s[j])) ++j;
            out.push_back({ LexToken::Kind::Comment, s.mid(i, j - i), {} });
            i = j;
        } else if (c == QLatin1Char('@') && i + 1 < s.size() && kqlQuote(s[i + 1])) {
            const QChar q = s[i + 1];
            QString value;
            qsizetype j = i + 2;
            bool closed = false;
            while (j < s.size() && !isBreak(s[j])) {
                if (s[j] == q) {
                    if (j + 1 < s.size() && s[j + 1] == q) {
                        value += q;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value += s[j++];
            }
            out.push_back({ closed ? LexToken::Kind::String : LexToken::Kind::Unterminated, s.mid(i, j - i), value });
            i = j;
        } else if (kqlQuote(c)) {
            QString value;
            qsizetype j = i + 1;
            bool closed = false, bad = false;
            while (j < s.size() && !isBreak(s[j])) {
                if (s[j] == QLatin1Char('\\') && j + 1 < s.size()) {
                    const QChar e = s[j + 1];
                    j += 2;
                    if (e == QLatin1Char('t'))
                        value += QLatin1Char('\t');
                    else if (e == QLatin1Char('n'))
                        value += QLatin1Char('\n');
                    else if (e == QLatin1Char('r'))
                        value += QLatin1Char('\r');
                    else if (e == QLatin1Char('u') && j + 4 <= s.size()) {
                        bool ok = false;
                        value += QChar(char16_t(s.mid(j, 4).toUShort(&ok, 16)));
                        bad = bad || !ok;
                        j += 4;
                    } else if (e == QLatin1Char('\\') || e == QLatin1Char('"') || e == QLatin1Char('\''))
                        value += e;
                    else
                        bad = true;
                } else if (s[j] == c) {
                    closed = true;
                    ++j;
                    break;
                } else {
                    value += s[j++];
                }
            }
            out.push_back(
                { closed && !bad ? LexToken::Kind::String : LexToken::Kind::Unterminated, s.mid(i, j - i), value });
            i = j;
        } else {
            const qsizetype j = word(s, i, kqlQuote, none);
            out.push_back({ LexToken::Kind::Word, s.mid(i, j - i), {} });
            i = j;
        }
    }
    return out;
}

std::vector<LexToken> lexOData(const QString& s)
{
    std::vector<LexToken> out;
    qsizetype i = 0;
    const auto quote = [](QChar c) { return c == QLatin1Char('\''); };
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == QLatin1Char(' ')) {
            ++i;
        } else if (quote(c)) {
            QString value;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < s.size()) {
                if (quote(s[j])) {
                    if (j + 1 < s.size() && quote(s[j + 1])) {
                        value += s[j];
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value += s[j++];
            }
            out.push_back({ closed ? LexToken::Kind::String : LexToken::Kind::Unterminated, s.mid(i, j - i), value });
            i = j;
        } else {
            qsizetype j = i;
            while (j < s.size() && s[j] != QLatin1Char(' ') && !quote(s[j]) && !QStringLiteral("(),").contains(s[j]))
                ++j;
            if (j == i) ++j;
            out.push_back({ LexToken::Kind::Word, s.mid(i, j - i), {} });
            i = j;
        }
    }
    return out;
}

} // namespace calens::test
