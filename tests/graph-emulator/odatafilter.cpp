// SPDX-License-Identifier: MIT
#include "odatafilter.h"

#include "ingest/timestamp.h"

#include <QRegularExpression>

namespace calens::emulator {

namespace {

// Splits on " and " outside quotes and parentheses.
QStringList clauses(const QString& text)
{
    QStringList out;
    int depth = 0;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\'')) quoted = !quoted;
        if (quoted) continue;
        if (c == QLatin1Char('(')) ++depth;
        if (c == QLatin1Char(')')) --depth;
        if (depth == 0 && text.mid(i, 5).compare(QLatin1String(" and "), Qt::CaseInsensitive) == 0) {
            out << text.mid(start, i - start).trimmed();
            start = i + 5;
            i += 4;
        }
    }
    out << text.mid(start).trimmed();
    return out;
}

QString unquote(const QString& v)
{
    if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))
        return v.mid(1, v.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
    return {};
}

QStringList quotedList(const QString& inner)
{
    QStringList out;
    static const QRegularExpression item(QStringLiteral("'((?:[^']|'')*)'"));
    auto it = item.globalMatch(inner);
    while (it.hasNext()) out << it.next().captured(1).replace(QLatin1String("''"), QLatin1String("'"));
    return out;
}

} // namespace

ODataFilter parseFilter(const QString& text, const QString& timeProperty)
{
    ODataFilter f;
    if (text.trimmed().isEmpty()) return f;
    static const QRegularExpression cmp(QStringLiteral("^([A-Za-z/]+)\\s+(eq|ge|gt|le|lt)\\s+(.+)$"));
    static const QRegularExpression in(QStringLiteral("^(appId|id)\\s+in\\s+\\((.*)\\)$"));
    static const QRegularExpression any(QStringLiteral("^signInEventTypes/any\\(\\s*(\\w+)\\s*:\\s*(.+)\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString& clause : clauses(text)) {
        if (const auto m = any.match(clause); m.hasMatch()) {
            f.hasEventTypes = true;
            const QString var = m.captured(1);
            for (const QString& alt : m.captured(2).split(QLatin1String(" or "), Qt::SkipEmptyParts)) {
                const QStringList bits = alt.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (bits.size() != 3 || bits[0] != var || bits[1] != QLatin1String("eq")
                    || unquote(bits[2]).isEmpty()) {
                    f.error = QStringLiteral("Invalid filter clause: %1").arg(clause);
                    return f;
                }
                f.eventTypes.insert(unquote(bits[2]).toLower());
            }
            continue;
        }
        if (const auto m = in.match(clause); m.hasMatch()) {
            (m.captured(1) == QLatin1String("appId") ? f.appIdIn : f.idIn) = quotedList(m.captured(2));
            continue;
        }
        const auto m = cmp.match(clause);
        if (!m.hasMatch()) {
            f.error = QStringLiteral("Invalid filter clause: %1").arg(clause);
            return f;
        }
        const QString prop = m.captured(1), op = m.captured(2), value = m.captured(3).trimmed();
        if (prop == timeProperty) {
            const int64_t ms = parseTimestamp(value.toStdString());
            if (ms == kNoTime) {
                f.error = QStringLiteral("Invalid DateTimeOffset: %1").arg(value);
                return f;
            }
            if (op == QLatin1String("ge") || op == QLatin1String("eq")) f.fromMs = std::max(f.fromMs, ms);
            if (op == QLatin1String("gt")) f.fromMs = std::max(f.fromMs, ms + 1);
            if (op == QLatin1String("le") || op == QLatin1String("eq")) f.toMs = std::min(f.toMs, ms);
            if (op == QLatin1String("lt")) f.toMs = std::min(f.toMs, ms - 1);
            continue;
        }
        if (op != QLatin1String("eq")) {
            f.error = QStringLiteral("Operator '%1' is not supported for '%2'").arg(op, prop);
            return f;
        }
        if (prop == QLatin1String("status/errorCode")) {
            bool ok = false;
            f.errorCode = value.toInt(&ok);
            if (!ok) f.error = QStringLiteral("Invalid errorCode: %1").arg(value);
            continue;
        }
        QString* target = prop == QLatin1String("correlationId") ? &f.correlationId
            : prop == QLatin1String("userId")                    ? &f.userId
            : prop == QLatin1String("appId")                     ? &f.appId
            : prop == QLatin1String("id")                        ? &f.id
            : prop == QLatin1String("category")                  ? &f.category
                                                                 : nullptr;
        if (!target || unquote(value).isEmpty()) {
            f.error = QStringLiteral("Invalid filter clause: %1").arg(clause);
            return f;
        }
        *target = unquote(value);
    }
    return f;
}

} // namespace calens::emulator
