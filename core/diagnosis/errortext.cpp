// SPDX-License-Identifier: MIT
#include "errortext.h"

#include "graph/grapherror.h"
#include "text/strictids.h"

#include <QRegularExpression>

namespace calens {

namespace {

// Every search below is bounded: a paste may repeat a label thousands of times.
constexpr int kMaxHits = 64;
constexpr int kMaxCodes = 16;
constexpr int kMaxUnescapePasses = 3; // JSON in an exception message in a JSON log record in a service error

const QString kGuid = QStringLiteral("([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})");
// A label, then what separates it from its value in the shapes we read: "Label: v", "label=v", "\"label\":\"v\"".
const QString kSep = QStringLiteral("[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?\\s{0,4}");

QRegularExpression labelled(const QString& labels, const QString& value)
{
    return QRegularExpression(
        QStringLiteral("\\b(?:%1)\\b%2%3").arg(labels, kSep, value), QRegularExpression::CaseInsensitiveOption);
}

struct Hit
{
    QString value;
    qsizetype at;
};

QList<Hit> hits(const QRegularExpression& re, const QString& text)
{
    QList<Hit> out;
    auto it = re.globalMatch(text);
    while (it.hasNext() && out.size() < kMaxHits) {
        const auto m = it.next();
        out.append({ m.captured(1), m.capturedStart(1) });
    }
    return out;
}

// The value that belongs to the AADSTS error: the first one after the first code (a service message may carry
// its own ids before it), else the first one at all.
QString pick(const QList<Hit>& found, qsizetype errorAt)
{
    for (const Hit& h : found)
        if (h.at >= errorAt) return h.value;
    return found.isEmpty() ? QString() : found.first().value;
}

// One level of JSON / C escapes: an error description escaped inside a JSON string reads as plain text again.
QString unescapeOnce(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar n = s[i + 1];
        if (n == QLatin1Char('n') || n == QLatin1Char('r')) {
            out += QLatin1Char('\n');
        } else if (n == QLatin1Char('t')) {
            out += QLatin1Char(' ');
        } else if (n == QLatin1Char('"') || n == QLatin1Char('\\') || n == QLatin1Char('/') || n == QLatin1Char('\'')) {
            out += n;
        } else if (n == QLatin1Char('u') && i + 5 < s.size()) {
            bool ok = false;
            const ushort code = s.mid(i + 2, 4).toUShort(&ok, 16);
            if (!ok) {
                out += c;
                continue;
            }
            out += QChar(code);
            i += 4;
        } else {
            out += c; // a Windows path or a regex: the backslash stays
            continue;
        }
        ++i;
    }
    return out;
}

QString unescaped(QString text)
{
    for (int pass = 0; pass < kMaxUnescapePasses; ++pass) {
        QString next = unescapeOnce(text);
        if (next == text) break;
        text = std::move(next);
    }
    return text;
}

void addCode(ErrorText& e, int code)
{
    if (code > 0 && !e.codes.contains(code) && e.codes.size() < kMaxCodes) e.codes.append(code);
}

QString guid(const QString& candidate)
{
    const QString lower = candidate.toLower();
    return text::isCanonicalGuid(lower) ? lower : QString();
}

// The token error body itself (MSAL, Azure SDK, a raw HTTP response): the identity platform's own fields,
// read by the same parser CA Lens uses for its own sign-in.
void readTokenErrorJson(const QString& text, ErrorText& e)
{
    const qsizetype open = text.indexOf(QLatin1Char('{'));
    const qsizetype close = text.lastIndexOf(QLatin1Char('}'));
    if (open < 0 || close <= open) return;
    const graph::GraphError t = graph::parseTokenError(0, text.mid(open, close - open + 1).toUtf8());
    for (int c : t.aadstsCodes) addCode(e, c);
    if (e.correlationId.isEmpty()) e.correlationId = guid(t.correlationId);
    if (e.requestId.isEmpty()) e.requestId = guid(t.traceId);
    if (e.timestampMs == kNoTime && !t.timestamp.isEmpty()) e.timestampMs = parseTimestamp(t.timestamp.toStdString());
}

// "203.0.113.7." at the end of a sentence.
QString trimmedEnd(QString value)
{
    while (value.endsWith(QLatin1Char('.'))) value.chop(1);
    return value;
}

int64_t timeFrom(const QString& value)
{
    return parseTimestamp(value.trimmed().toStdString());
}

} // namespace

bool ErrorText::hasAnything() const
{
    return !codes.isEmpty() || !correlationId.isEmpty() || !requestId.isEmpty() || timestampMs != kNoTime
        || !appId.isEmpty() || !ipAddress.isEmpty() || !deviceId.isEmpty() || !userHint.isEmpty();
}

ErrorText parseErrorText(const QString& pasted)
{
    static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d{4,7})"));
    static const QRegularExpression errorCodes(
        QStringLiteral("\"error_codes\"\\s{0,4}:\\s{0,4}\\[([0-9,\\s]{1,200})\\]"));
    static const QRegularExpression errorCodeLabel
        = labelled(QStringLiteral("error[ _-]?code"), QStringLiteral("(5\\d{4,6})\\b"));
    static const QRegularExpression correlation = labelled(QStringLiteral("correlation[ _-]?id"), kGuid);
    static const QRegularExpression trace = labelled(QStringLiteral("trace[ _-]?id"), kGuid);
    static const QRegularExpression request = labelled(QStringLiteral("request[ _-]?id"), kGuid);
    static const QRegularExpression appId
        = labelled(QStringLiteral("app[ _-]?id|application[ _-]?id|client[ _-]?id|appid"), kGuid);
    static const QRegularExpression appName = labelled(
        QStringLiteral("app[ _-]?name|application[ _-]?name|appDisplayName"), QStringLiteral("([^\\n\"]{1,200})"));
    static const QRegularExpression ip = labelled(
        QStringLiteral("ip[ _-]?address|client[ _-]?ip|callerIpAddress|ip"), QStringLiteral("([0-9A-Fa-f:.]{2,45})"));
    static const QRegularExpression device = labelled(QStringLiteral("device[ _-]?identifier|device[ _-]?id"), kGuid);
    static const QRegularExpression user = QRegularExpression(
        QStringLiteral("\\b(?:signed in as|user[ _-]?principal[ _-]?name|upn|user[ _-]?name|login_hint|user|account)"
                       "\\b[\"']?\\s{0,4}[:=]?\\s{0,4}[\"']?([^\\s@\"`,;<>()]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-"
                       "]{1,63}){1,8})"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression timestamp = labelled(QStringLiteral("timestamp|time[ _-]?stamp|date|time"),
        QStringLiteral("(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,7})?\\s?(?:Z|[+-]\\d{2}:?\\d{2})?"
                       "|\\d{1,2}/\\d{1,2}/\\d{4},? \\d{1,2}:\\d{2}:\\d{2}(?:\\s?[AaPp][Mm])?)"));
    static const QRegularExpression anyIsoTime(
        QStringLiteral("(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,7})?(?:Z|[+-]\\d{2}:?\\d{2})?)"));

    ErrorText e;
    e.truncated = pasted.size() > kMaxErrorTextChars;
    const QString raw = pasted.left(kMaxErrorTextChars);
    readTokenErrorJson(raw, e);
    const QString text = unescaped(raw);
    if (e.correlationId.isEmpty()) readTokenErrorJson(text, e); // the body was escaped inside another string

    const QList<Hit> codeHits = hits(aadsts, text);
    for (const Hit& h : codeHits) addCode(e, h.value.toInt());
    for (const Hit& h : hits(errorCodes, text))
        for (const QString& n : h.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) addCode(e, n.trimmed().toInt());
    for (const Hit& h : hits(errorCodeLabel, text)) addCode(e, h.value.toInt());
    const qsizetype errorAt = codeHits.isEmpty() ? 0 : codeHits.first().at;

    if (e.correlationId.isEmpty()) e.correlationId = guid(pick(hits(correlation, text), errorAt));
    if (e.requestId.isEmpty()) e.requestId = guid(pick(hits(trace, text), errorAt));
    // "Request Id" is Entra's only beside a correlation id (the sign-in page); a service message alone names its
    // own request or activity id, which no sign-in log holds.
    if (e.requestId.isEmpty() && !e.correlationId.isEmpty()) e.requestId = guid(pick(hits(request, text), errorAt));
    if (e.timestampMs == kNoTime) e.timestampMs = timeFrom(pick(hits(timestamp, text), errorAt));
    if (e.timestampMs == kNoTime) e.timestampMs = timeFrom(pick(hits(anyIsoTime, text), 0)); // a log line's time
    e.appId = guid(pick(hits(appId, text), 0));
    e.appName = pick(hits(appName, text), 0).trimmed();
    for (const Hit& h : hits(ip, text))
        if (const auto canonical = text::canonicalIp(trimmedEnd(h.value))) {
            e.ipAddress = *canonical;
            break;
        }
    e.deviceId = guid(pick(hits(device, text), 0));
    e.userHint = pick(hits(user, text), 0).toLower();
    return e;
}

} // namespace calens
