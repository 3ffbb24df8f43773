// SPDX-License-Identifier: MIT
#include "redactor.h"

#include <QHostAddress>

#include <algorithm>

namespace calens {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

Redactor::Redactor()
    : m_pattern(QStringLiteral(
        // e-mail addresses (UPNs), GUIDs, then anything that may be an IPv4 or IPv6 address
        "([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"
        "|(\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b)"
        "|((?<![\\w.:])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?!\\w|\\.\\w)"
        "|(?<![\\w.:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?!\\w|\\.\\w|:))"))
{ }

void Redactor::addUser(const QString& id, const QString& name, const QString& upn)
{
    const QString key = !id.isEmpty() ? id : !upn.isEmpty() ? upn.toLower() : name;
    if (key.isEmpty()) return;
    auto it = m_userOf.find(key);
    const int n = it != m_userOf.end() ? *it : ++m_users;
    m_userOf.insert(key, n);
    if (!id.isEmpty() && !m_map.contains(id.toLower())) m_map.insert(id.toLower(), QStringLiteral("user-%1-id").arg(n));
    if (!upn.isEmpty() && !m_map.contains(upn.toLower()))
        m_map.insert(upn.toLower(), QStringLiteral("user%1@redacted.invalid").arg(n));
    if (name.size() >= 3 && !m_map.contains(name)) {
        const QString alias = QStringLiteral("User %1").arg(n);
        m_map.insert(name, alias);
        m_names.emplace_back(name, alias);
    }
}

void Redactor::addServicePrincipal(const QString& id)
{
    if (!id.isEmpty() && !m_map.contains(id.toLower()))
        m_map.insert(id.toLower(), QStringLiteral("principal-%1-id").arg(++m_principals));
}

void Redactor::addDevice(const QString& id, const QString& name)
{
    const QString key = !id.isEmpty() ? id.toLower() : name;
    if (key.isEmpty() || m_map.contains(key)) return;
    const int n = ++m_devices;
    if (!id.isEmpty()) m_map.insert(id.toLower(), QStringLiteral("device-%1-id").arg(n));
    if (name.size() >= 3 && !m_map.contains(name)) {
        m_map.insert(name, QStringLiteral("Device %1").arg(n));
        m_names.emplace_back(name, QStringLiteral("Device %1").arg(n));
    }
}

void Redactor::addTenant(const QString& id)
{
    if (!id.isEmpty() && !m_map.contains(id.toLower()))
        m_map.insert(id.toLower(), QStringLiteral("tenant-%1").arg(++m_tenants));
}

void Redactor::keep(const QString& value)
{
    if (!value.isEmpty()) m_keep.insert(value.toLower());
}

QString Redactor::pseudonym(const QString& value, int& counter, const QString& pattern)
{
    auto it = m_map.constFind(value);
    if (it != m_map.constEnd()) return *it;
    QString alias = pattern.arg(++counter);
    m_map.insert(value, alias);
    return alias;
}

QString Redactor::apply(const QString& text)
{
    if (text.isEmpty()) return text;
    auto exact = m_map.constFind(text);
    if (exact != m_map.constEnd()) return *exact;
    if (m_keep.contains(text.toLower())) return text;
    QString out = sweep(text);
    replaceNames(out);
    return out;
}

QString Redactor::sweep(const QString& text)
{
    QString out;
    qsizetype done = 0;
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString found = m.captured(0);
        QString alias;
        if (m.capturedLength(1)) {
            alias = pseudonym(found.toLower(), m_mails, QStringLiteral("person%1@redacted.invalid"));
        } else if (m.capturedLength(2)) {
            const QString lower = found.toLower();
            if (m_keep.contains(lower)) continue;
            auto known = m_map.constFind(lower);
            alias = known != m_map.constEnd() ? *known : pseudonym(lower, m_objects, QStringLiteral("object-%1"));
        } else {
            QHostAddress address;
            if (!address.setAddress(found)) continue; // a time of day, a version number
            alias = pseudonym(address.toString(), m_ips, QStringLiteral("IP-%1"));
            m_map.insert(found, alias);
        }
        out += QStringView(text).mid(done, m.capturedStart(0) - done);
        out += alias;
        done = m.capturedEnd(0);
    }
    if (done == 0) return text;
    out += QStringView(text).mid(done);
    return out;
}

void Redactor::replaceNames(QString& text) const
{
    for (const auto& [name, alias] : m_names) {
        qsizetype at = 0;
        while ((at = text.indexOf(name, at)) >= 0) {
            const qsizetype end = at + name.size();
            const bool whole = (at == 0 || !isWordChar(text[at - 1])) && (end >= text.size() || !isWordChar(text[end]));
            if (whole) {
                text.replace(at, name.size(), alias);
                at += alias.size();
            } else {
                at = end;
            }
        }
    }
}

} // namespace calens
