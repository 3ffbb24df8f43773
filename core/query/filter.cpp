// SPDX-License-Identifier: MIT
#include "filter.h"

#include "text/closestword.h"

#include "ingest/timestamp.h"
#include "model/enums.h"

#include <algorithm>

namespace calens {

namespace {

using F = FilterTerm::Field;

struct FieldName
{
    const char* name;
    F field;
};
constexpr FieldName kFields[] = {
    { "error", F::Error },
    { "code", F::Error },
    { "type", F::Type },
    { "policy", F::Policy },
    { "result", F::Result },
    { "ip", F::Ip },
    { "user", F::Identity },
    { "identity", F::Identity },
    { "upn", F::Identity },
    { "sp", F::Identity },
    { "app", F::App },
    { "resource", F::Resource },
    { "ca", F::CaStatus },
    { "control", F::Control },
    { "unmet", F::Control },
    { "country", F::Country },
    { "client", F::ClientApp },
    { "corr", F::Correlation },
    { "correlation", F::Correlation },
    { "id", F::RequestId },
    { "request", F::RequestId },
    { "device", F::Device },
    { "risk", F::Risk },
    { "after", F::After },
    { "since", F::After },
    { "before", F::Before },
    { "until", F::Before },
};

struct Token
{
    QString text;
    bool startsQuoted = false; // "a:b" is text to search for, never a field
};

// Splits on white space outside double quotes; inside them \" is a quote and \\ a backslash.
std::vector<Token> tokenize(const QString& text)
{
    std::vector<Token> out;
    Token cur;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            if (!any) cur.startsQuoted = true;
            quoted = !quoted;
            any = true;
            continue;
        }
        if (quoted && c == QLatin1Char('\\') && i + 1 < text.size()
            && (text[i + 1] == QLatin1Char('"') || text[i + 1] == QLatin1Char('\\'))) {
            cur.text += text[++i];
            continue;
        }
        if (!quoted && c.isSpace()) {
            if (any) out.push_back(std::move(cur));
            cur = {};
            any = false;
            continue;
        }
        cur.text += c;
        any = true;
    }
    if (any) out.push_back(std::move(cur));
    return out;
}

// A word before a colon that names no field is a typo far more often than text to search for.
bool looksLikeField(const QString& key)
{
    if (key.isEmpty() || key.size() > 20) return false;
    for (QChar c : key)
        if (!(c.isLetter() && c.unicode() < 128)) return false;
    return true;
}

QString closestField(const QString& key)
{
    QStringList names;
    for (const auto& f : kFields) names << QString::fromLatin1(f.name);
    return text::closestWord(key, names);
}

template<typename E, typename P> bool enumValues(const QString& v, int count, P parseOne, std::vector<uint8_t>& out)
{
    // Comma-separated, case-insensitive, and prefixes work: "type:service" matches servicePrincipal.
    for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool any = false;
        for (int i = 0; i < count; ++i) {
            const QString n = QString::fromLatin1(name(E(i)).data(), qsizetype(name(E(i)).size()));
            if (!n.isEmpty() && n.startsWith(part, Qt::CaseInsensitive)) {
                out.push_back(uint8_t(i));
                any = true;
            }
        }
        (void)parseOne;
        if (!any) return false;
    }
    return !out.empty();
}

bool parseValue(FilterTerm& t, QString* why)
{
    const std::string v = t.value.toStdString();
    switch (t.field) {
    case F::Error: {
        if (t.value.compare(QLatin1String("ca"), Qt::CaseInsensitive) == 0) {
            t.number = -1; // any Conditional Access block code
            return true;
        }
        bool ok = false;
        t.number = t.value.toLongLong(&ok);
        if (!ok) *why = QStringLiteral("an error code is a number (or \"ca\")");
        return ok;
    }
    case F::Type:
        if (t.value.compare(QLatin1String("user"), Qt::CaseInsensitive) == 0) {
            t.enums = { uint8_t(SignInType::InteractiveUser), uint8_t(SignInType::NonInteractiveUser) };
            return true;
        }
        if (t.value.compare(QLatin1String("workload"), Qt::CaseInsensitive) == 0) {
            t.enums = { uint8_t(SignInType::ServicePrincipal), uint8_t(SignInType::ManagedIdentity) };
            return true;
        }
        if (enumValues<SignInType>(t.value, 5, nullptr, t.enums)) return true;
        *why = QStringLiteral(
            "types are interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity, user, workload");
        return false;
    case F::Result:
        if (enumValues<PolicyResult>(t.value, 9, nullptr, t.enums)) return true;
        *why = QStringLiteral(
            "results are success, failure, notApplied, notEnabled, reportOnlySuccess, reportOnlyFailure, ...");
        return false;
    case F::CaStatus:
        if (enumValues<CaStatus>(t.value, 4, nullptr, t.enums)) return true;
        *why = QStringLiteral("Conditional Access status is success, failure or notApplied");
        return false;
    case F::Risk:
        if (enumValues<RiskLevel>(t.value, 6, nullptr, t.enums)) return true;
        *why = QStringLiteral("risk levels are none, low, medium, high, hidden");
        return false;
    case F::Control:
        for (const QString& part : t.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const uint16_t g = parseGrantControl(part.toStdString());
            if (g == Grant::Other && part.compare(QLatin1String("other"), Qt::CaseInsensitive) != 0) {
                *why = QStringLiteral(
                    "controls are mfa, compliantDevice, domainJoinedDevice, approvedApplication, "
                    "compliantApplication, passwordChange, block, authenticationStrength, termsOfUse, other");
                return false;
            }
            t.grantBits |= g;
        }
        return t.grantBits != 0;
    case F::Ip:
        if (v.find('/') != std::string::npos || IpAddress::parse(v)) {
            t.range = IpRange::parseCidr(v);
            if (!t.range) *why = QStringLiteral("not an IP address or CIDR range");
            return bool(t.range);
        }
        return true; // a partial address: matched as text
    case F::After:
    case F::Before: {
        std::string d = v;
        if (d.size() == 10) d += "T00:00:00Z";
        t.number = parseTimestamp(d);
        if (t.number == kNoTime) *why = QStringLiteral("dates are written 2026-10-01 or 2026-10-01T08:00:00Z");
        return t.number != kNoTime;
    }
    default:
        return !t.value.isEmpty();
    }
}

} // namespace

QString quoteFilterValue(const QString& value)
{
    bool plain = !value.isEmpty() && !value.startsWith(QLatin1Char('-'));
    for (QChar c : value)
        if (c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('\\')) plain = false;
    if (plain) return value;
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

QStringList filterFieldNames()
{
    QStringList out;
    for (const auto& f : kFields) out << QString::fromLatin1(f.name);
    return out;
}

Filter parseFilter(const QString& text)
{
    Filter filter;
    for (const Token& tok : tokenize(text)) {
        QString token = tok.text;
        FilterTerm t;
        if (!tok.startsQuoted && token.size() > 1 && token.startsWith(QLatin1Char('-'))) {
            t.negated = true;
            token.remove(0, 1);
        }
        const qsizetype colon = tok.startsQuoted ? -1 : token.indexOf(QLatin1Char(':'));
        bool known = false;
        if (colon > 0) {
            const QString key = token.left(colon);
            for (const auto& f : kFields)
                if (key.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0) {
                    t.field = f.field;
                    known = true;
                }
            if (!known && looksLikeField(key) && !IpAddress::parse(token.toStdString())) {
                const QString closest = closestField(key);
                filter.errors << (closest.isEmpty()
                        ? QStringLiteral("%1: there is no field \"%2\" (to search for the text, put it in quotes)")
                              .arg(token, key)
                        : QStringLiteral("%1: there is no field \"%2\"; did you mean %3:?").arg(token, key, closest));
                continue;
            }
        }
        // An IPv6 address or a time typed as free text has colons too: only known field names split.
        t.value = known ? token.mid(colon + 1) : token;
        t.lower = t.value.toLower().toStdString();
        QString why;
        if (t.value.isEmpty()) {
            filter.errors << QStringLiteral("%1: no value after the colon").arg(token);
            continue;
        }
        if (!parseValue(t, &why)) {
            filter.errors << QStringLiteral("%1: %2").arg(token, why);
            continue;
        }
        filter.terms.push_back(std::move(t));
    }
    return filter;
}

} // namespace calens
