// SPDX-License-Identifier: MIT
#include "redactor.h"

#include "text/codestrings.h"

#include <QHostAddress>

#include <algorithm>

namespace calens {

namespace {

// An IPv4 address whose four parts are separated by '.', '-' or '_' (as inside host names), canonical; empty
// when a part is not 0..255.
QString ipv4Canonical(const QString& text)
{
    QString normal = text;
    normal.replace(QLatin1Char('-'), QLatin1Char('.')).replace(QLatin1Char('_'), QLatin1Char('.'));
    const QStringList parts = normal.split(QLatin1Char('.'));
    if (parts.size() != 4) return {};
    QStringList out;
    for (const QString& p : parts) {
        bool ok = false;
        const uint v = p.toUInt(&ok);
        if (!ok || v > 255) return {};
        out << QString::number(v);
    }
    return out.join(QLatin1Char('.'));
}

} // namespace

Redactor::Redactor()
    : m_pattern(QStringLiteral(
                    // 1: e-mail addresses and UPNs: any letters, guest "#EXT#" forms; a quote before is not part of it
                    "((?<![\\p{L}\\p{N}._%+#-])[\\p{L}\\p{N}_%+-][\\p{L}\\p{N}._%+'#-]*@[\\p{L}\\p{N}-]+"
                    "(?:\\.[\\p{L}\\p{N}-]+)+)"
                    // 2: GUIDs
                    "|(\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b)"
                    // 3: DOMAIN\account
                    "|((?<![\\p{L}\\p{N}_.\\\\-])[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,62}\\\\[\\p{L}\\p{N}._$-]+)"
                    // 4: IPv4 with '.', or '-' / '_' as in host names (ip-198-51-100-25), after anything but a digit
                    "|((?<!\\d)(?<!\\d[.\\-_])\\d{1,3}([.\\-_])\\d{1,3}\\5\\d{1,3}\\5\\d{1,3}(?!\\d|[.\\-_]\\d))"
                    // 6: anything that may be an IPv6 address (checked by QHostAddress)
                    "|((?<![0-9A-Fa-f.:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?![\\w:]|\\.\\w))"),
        QRegularExpression::UseUnicodePropertiesOption)
    , m_account(
          QStringLiteral("(?<![\\p{L}\\p{N}_.\\\\-])[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,62}\\\\[\\p{L}\\p{N}._$-]+"),
          QRegularExpression::UseUnicodePropertiesOption)
{ }

void Redactor::learn(const QString& text)
{
    if (!text.contains(QLatin1Char('\\'))) return;
    auto it = m_account.globalMatch(text);
    while (it.hasNext()) {
        const QString found = it.next().captured(0);
        m_ids.addAccount(found.section(QLatin1Char('\\'), -1), accountAlias(found).section(QLatin1Char('\\'), -1));
    }
}

void Redactor::keep(const QString& value)
{
    if (!value.isEmpty()) m_keep.insert(IdentitySet::fold(value));
}

QString Redactor::pseudonym(const QString& key, int& counter, const QString& pattern)
{
    if (const auto it = m_found.constFind(key); it != m_found.constEnd()) return *it;
    QString alias = pattern.arg(++counter);
    m_found.insert(key, alias);
    return alias;
}

QString Redactor::emailAlias(const QString& email)
{
    const QString known = m_ids.exact(email);
    return !known.isEmpty() ? known
                            : pseudonym(IdentitySet::fold(email), m_mails, QStringLiteral("person%1@redacted.invalid"));
}

QString Redactor::ipAlias(const QString& text, bool dashed)
{
    QString canonical = dashed ? ipv4Canonical(text) : QString();
    if (!dashed) {
        QHostAddress address;
        if (!address.setAddress(text)) return {}; // a time of day, a version number, a MAC address
        canonical = address.toString();
    }
    if (canonical.isEmpty()) return {};
    const QString known = m_ids.exact(canonical);
    return !known.isEmpty() ? known : pseudonym(canonical, m_ips, QStringLiteral("IP-%1"));
}

QString Redactor::accountAlias(const QString& text)
{
    QString alias = m_ids.exact(text);
    if (alias.isEmpty()) alias = m_ids.accountOwner(text.section(QLatin1Char('\\'), -1));
    return !alias.isEmpty() ? alias
                            : pseudonym(IdentitySet::fold(text), m_accounts, QStringLiteral("REDACTED\\account%1"));
}

void Redactor::sweep(const QString& text, std::vector<Span>& spans)
{
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        qsizetype start = m.capturedStart(0);
        QString found = m.captured(0);
        QString alias;
        if (m.capturedLength(1)) {
            alias = emailAlias(found);
        } else if (m.capturedLength(2)) {
            const QString folded = IdentitySet::fold(found);
            if (m_keep.contains(folded)) continue;
            alias = m_ids.exact(found);
            if (alias.isEmpty()) alias = pseudonym(folded, m_objects, QStringLiteral("object-%1"));
        } else if (m.capturedLength(3)) {
            alias = accountAlias(found);
        } else if (m.capturedLength(4)) {
            alias = ipAlias(found, m.captured(5) != QLatin1String("."));
            if (alias.isEmpty() && m.captured(5) == QLatin1String(".")) alias = ipAlias(found, true); // 010.0.0.1
        } else {
            // "IP:2001:db8::1" is matched from its colon: the address starts after it.
            if (found.startsWith(QLatin1Char(':')) && !found.startsWith(QLatin1String("::"))) {
                found.remove(0, 1);
                ++start;
            }
            alias = ipAlias(found, false);
        }
        if (!alias.isEmpty()) spans.push_back({ start, start + found.size(), alias });
    }
}

void Redactor::names(const QString& text, std::vector<Span>& spans) const
{
    const QString folded = IdentitySet::fold(text);
    const auto fits = [&folded](qsizetype at, const QString& name) {
        if (!QStringView(folded).mid(at).startsWith(name)) return false;
        const qsizetype end = at + name.size();
        // A whole word: a name ending in a letter of a spaced script may not run on into more letters.
        return end >= folded.size() || !IdentitySet::isWordChar(name.back()) || !IdentitySet::isWordChar(folded[end]);
    };
    for (qsizetype i = 0; i < folded.size();) {
        const QChar c = folded[i];
        const bool wordStart = IdentitySet::isWordChar(c) && (i == 0 || !IdentitySet::isWordChar(folded[i - 1]));
        const IdentitySet::Name* hit = nullptr;
        if (wordStart) {
            qsizetype end = i;
            while (end < folded.size() && IdentitySet::isWordChar(folded[end])) ++end;
            if (const auto* list = m_ids.namesStartingWithWord(folded.mid(i, end - i)))
                for (const auto& n : *list)
                    if (fits(i, n.folded)) {
                        hit = &n;
                        break;
                    }
        } else if (!IdentitySet::isWordChar(c)) {
            if (const auto* list = m_ids.namesStartingWithChar(c))
                for (const auto& n : *list)
                    if (fits(i, n.folded)) {
                        hit = &n;
                        break;
                    }
        }
        if (hit) {
            spans.push_back({ i, i + hit->folded.size(), hit->alias });
            i += hit->folded.size();
        } else {
            ++i;
        }
    }
}

QString Redactor::apply(const QString& text)
{
    if (text.isEmpty()) return text;
    QString whole = m_ids.exact(text.trimmed());
    if (!whole.isEmpty() && !m_keep.contains(IdentitySet::fold(text.trimmed()))) return whole;
    if (m_keep.contains(IdentitySet::fold(text))) return text;
    std::vector<Span> spans;
    sweep(text, spans);
    names(text, spans);
    if (spans.empty()) return text;
    // One pass over the original text: the earliest span wins, the longer one at the same place; a pseudonym
    // is never searched again.
    std::sort(spans.begin(), spans.end(),
        [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    for (const Span& s : spans) {
        if (s.start < done) continue;
        out += QStringView(text).mid(done, s.start - done);
        out += s.alias;
        done = s.end;
    }
    out += QStringView(text).mid(done);
    return out;
}

QString Redactor::applyToPowerShell(const QString& script)
{
    return text::editPowerShellStrings(script, [this](const QString& value) { return apply(value); });
}

QString Redactor::applyToGraphRequest(const QString& request)
{
    const qsizetype newline = request.indexOf(QLatin1Char('\n'));
    if (newline < 0) return apply(request);
    return apply(request.left(newline)) + QLatin1Char('\n')
        + text::editJsonStrings(request.mid(newline + 1), [this](const QString& value) { return apply(value); });
}

} // namespace calens
