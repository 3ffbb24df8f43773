// SPDX-License-Identifier: MIT
#include "quoting.h"

#include <QUrl>

namespace calens::text {

namespace {

bool isPowershellSingleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201a || u == 0x201b;
}

QString hex4(char16_t u)
{
    return QStringLiteral("%1").arg(uint(u), 4, 16, QLatin1Char('0'));
}

} // namespace

QString powershellLiteral(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (QChar c : value) {
        if (isPowershellSingleQuote(c)) out += c;
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString kqlLiteral(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'\\' || u == u'"') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u == u'\t') {
            out += QLatin1String("\\t");
        } else if (u == u'\n') {
            out += QLatin1String("\\n");
        } else if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029) {
            out += QLatin1String("\\u") + hex4(u);
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString odataLiteral(const QString& value)
{
    QString v = value;
    v.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString odataFilterForUrl(const QString& filter, bool keepSpaces)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(filter, keepSpaces ? "'(),:/ " : "'(),:/"));
}

QString jsonLiteral(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (u < 0x20 || u == 0x2028 || u == 0x2029)
                out += QLatin1String("\\u") + hex4(u);
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace calens::text
