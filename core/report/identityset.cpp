// SPDX-License-Identifier: MIT
#include "identityset.h"

#include <QRegularExpression>

#include <algorithm>

namespace calens {

namespace {

// "bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com" -> "bo.li@fabrikam.com"; empty when not a guest form.
QString decodedGuest(const QString& upn)
{
    const qsizetype ext = upn.indexOf(QLatin1String("#EXT#"), 0, Qt::CaseInsensitive);
    if (ext <= 0) return {};
    const QString local = upn.left(ext);
    const qsizetype at = local.lastIndexOf(QLatin1Char('_'));
    if (at <= 0 || at + 1 >= local.size()) return {};
    return local.left(at) + QLatin1Char('@') + local.mid(at + 1);
}

QString firstWord(const QString& folded)
{
    qsizetype end = 0;
    while (end < folded.size() && IdentitySet::isWordChar(folded[end])) ++end;
    return folded.left(end);
}

void insertLongestFirst(std::vector<IdentitySet::Name>& list, IdentitySet::Name name)
{
    const auto at = std::find_if(
        list.begin(), list.end(), [&name](const IdentitySet::Name& n) { return n.folded.size() < name.folded.size(); });
    list.insert(at, std::move(name));
}

} // namespace

QString IdentitySet::fold(const QString& text)
{
    QString out = text;
    for (QChar& c : out)
        if (!c.isSurrogate()) c = QChar(char16_t(QChar::toCaseFolded(char32_t(c.unicode()))));
    return out;
}

bool IdentitySet::isUnspaced(QChar c)
{
    switch (c.script()) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
    case QChar::Script_Tibetan:
    case QChar::Script_Yi:
        return true;
    default:
        return false;
    }
}

bool IdentitySet::isWordChar(QChar c)
{
    return (c.isLetterOrNumber() || c == QLatin1Char('_') || c.isMark()) && !isUnspaced(c);
}

int IdentitySet::userNumber(const QString& id, const QString& upn, const QString& name)
{
    // The same person is recognised by any of the three, so a name seen first alone and later with its UPN
    // keeps one number.
    for (const QString& key : { fold(id), fold(upn), fold(name) })
        if (!key.isEmpty())
            if (const auto it = m_userOf.constFind(key); it != m_userOf.constEnd()) return *it;
    return ++m_users;
}

void IdentitySet::addName(const QString& name, const QString& alias)
{
    const QString folded = fold(name.trimmed());
    if (folded.isEmpty() || m_nameSeen.contains(folded)) return;
    m_nameSeen.insert(folded, true);
    m_exact.insert(folded, alias);
    // A single ASCII letter or digit names nobody, and as a word it is everywhere in prose ("A policy ..."): it is
    // replaced only as a whole value. Any other name, "Bo" or a one-character CJK name included, everywhere.
    if (folded.size() == 1 && folded[0].unicode() < 0x80 && folded[0].isLetterOrNumber()) return;
    const QString word = firstWord(folded);
    if (!word.isEmpty())
        insertLongestFirst(m_byWord[word], { folded, alias });
    else
        insertLongestFirst(m_byChar[folded[0]], { folded, alias });
}

void IdentitySet::addEmail(const QString& email, const QString& alias, const QString& account)
{
    const QString folded = fold(email);
    if (folded.isEmpty()) return;
    m_exact.insert(folded, alias);
    const qsizetype at = folded.indexOf(QLatin1Char('@'));
    if (at <= 0) return;
    const QString local = folded.left(at);
    if (!m_accounts.contains(local)) m_accounts.insert(local, account);
    // The local part alone is the on-premises account name when it looks like one (jdoe.smith, svc-refresh,
    // user42); a plain word ("admin", "info") is left to the e-mail and DOMAIN\account forms, so prose survives.
    static const QRegularExpression accountLike(QStringLiteral("[._\\-]|\\d"));
    if (local.contains(accountLike) && !local.contains(QLatin1Char('#')))
        addName(local, QString(account).section(QLatin1Char('\\'), -1));
}

void IdentitySet::addUser(const QString& id, const QString& name, const QString& upn)
{
    if (id.isEmpty() && name.trimmed().isEmpty() && upn.isEmpty()) return;
    const int n = userNumber(id, upn, name);
    for (const QString& key : { fold(id), fold(upn), fold(name) })
        if (!key.isEmpty()) m_userOf.insert(key, n);
    const QString mail = QStringLiteral("user%1@redacted.invalid").arg(n);
    const QString account = QStringLiteral("REDACTED\\user%1").arg(n);
    if (!id.isEmpty()) m_exact.insert(fold(id), QStringLiteral("user-%1-id").arg(n));
    if (upn.contains(QLatin1Char('\\'))) { // an on-premises DOMAIN\account in place of a UPN
        m_exact.insert(fold(upn), account);
        m_accounts.insert(fold(upn.section(QLatin1Char('\\'), -1)), account);
    } else if (!upn.isEmpty()) {
        addEmail(upn, mail, account);
        addEmail(decodedGuest(upn), mail, account);
    }
    if (!name.trimmed().isEmpty()) {
        addName(name, QStringLiteral("User %1").arg(n));
        if (!m_accounts.contains(fold(name.trimmed()))) m_accounts.insert(fold(name.trimmed()), account);
    }
}

void IdentitySet::addServicePrincipal(const QString& id)
{
    if (!id.isEmpty() && !m_exact.contains(fold(id)))
        m_exact.insert(fold(id), QStringLiteral("principal-%1-id").arg(++m_principals));
}

void IdentitySet::addDevice(const QString& id, const QString& name)
{
    if (id.isEmpty() && name.trimmed().isEmpty()) return;
    // Every name a device id had maps to that device's one pseudonym (a renamed host keeps no old name).
    int n = 0;
    for (const QString& key : { fold(id), fold(name.trimmed()) })
        if (!key.isEmpty() && !n) n = m_deviceOf.value(key);
    if (!n) n = ++m_devices;
    for (const QString& key : { fold(id), fold(name.trimmed()) })
        if (!key.isEmpty()) m_deviceOf.insert(key, n);
    if (!id.isEmpty()) m_exact.insert(fold(id), QStringLiteral("device-%1-id").arg(n));
    if (!name.trimmed().isEmpty()) addName(name, QStringLiteral("Device %1").arg(n));
}

void IdentitySet::addTenant(const QString& id)
{
    if (!id.isEmpty() && !m_exact.contains(fold(id)))
        m_exact.insert(fold(id), QStringLiteral("tenant-%1").arg(++m_tenants));
}

const std::vector<IdentitySet::Name>* IdentitySet::namesStartingWithWord(const QString& word) const
{
    const auto it = m_byWord.constFind(word);
    return it == m_byWord.constEnd() ? nullptr : &*it;
}

const std::vector<IdentitySet::Name>* IdentitySet::namesStartingWithChar(QChar c) const
{
    const auto it = m_byChar.constFind(c);
    return it == m_byChar.constEnd() ? nullptr : &*it;
}

} // namespace calens
