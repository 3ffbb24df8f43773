// SPDX-License-Identifier: MIT
#include "codestrings.h"

#include "quoting.h"

#include <nlohmann/json.hpp>

namespace calens::text {

namespace {

bool singleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201a || u == 0x201b;
}

bool doubleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'"' || u == 0x201c || u == 0x201d || u == 0x201e;
}

bool lineEnd(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

void editValues(nlohmann::json& j, const StringEdit& edit)
{
    if (j.is_string()) {
        j = edit(QString::fromStdString(j.get<std::string>())).toStdString();
    } else if (j.is_array() || j.is_object()) {
        for (auto& item : j) editValues(item, edit); // object iteration yields values only
    }
}

} // namespace

QString editPowerShellStrings(const QString& s, const StringEdit& edit)
{
    QString out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        qsizetype j = i + 1;
        if (c == QLatin1Char('<') && j < s.size() && s[j] == QLatin1Char('#')) { // <# block comment #>
            const qsizetype end = s.indexOf(QLatin1String("#>"), j + 1);
            j = end < 0 ? s.size() : end + 2;
        } else if (c == QLatin1Char('#')) {
            while (j < s.size() && !lineEnd(s[j])) ++j;
        } else if (doubleQuote(c)) {
            while (j < s.size()) {
                if (s[j] == QLatin1Char('`')) {
                    j += 2;
                } else if (doubleQuote(s[j])) {
                    if (j + 1 < s.size() && doubleQuote(s[j + 1])) {
                        j += 2;
                        continue;
                    }
                    ++j;
                    break;
                } else {
                    ++j;
                }
            }
        } else if (singleQuote(c)) {
            QString value;
            bool closed = false;
            while (j < s.size()) {
                if (singleQuote(s[j])) {
                    if (j + 1 < s.size() && singleQuote(s[j + 1])) {
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
            out += closed ? powershellLiteral(edit(value)) : powershellLiteral(edit(value)).chopped(1);
            i = j;
            continue;
        }
        j = std::min(j, s.size());
        out += QStringView(s).mid(i, j - i);
        i = j;
    }
    return out;
}

QString editJsonStrings(const QString& text, const StringEdit& edit)
{
    const std::string utf8 = text.toStdString();
    nlohmann::json j = nlohmann::json::parse(utf8, nullptr, false);
    if (j.is_discarded()) return edit(text);
    editValues(j, edit);
    return QString::fromStdString(j.dump());
}

} // namespace calens::text
