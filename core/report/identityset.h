// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <vector>

namespace calens {

// Every textual form of every identity the data names, each with its pseudonym: the same person is "User 3"
// as a display name in any case, "user3@redacted.invalid" as a UPN, its guest form
// (name_domain#EXT#@tenant) and that form decoded (name@domain), and "REDACTED\user3" as DOMAIN\account; a
// device is "Device 2" under every name its device id had; IPs are keyed by their canonical address.
class IdentitySet
{
public:
    void addUser(const QString& id, const QString& name, const QString& upn);
    void addServicePrincipal(const QString& id);
    void addDevice(const QString& id, const QString& name);
    void addTenant(const QString& id);
    // An account name met as DOMAIN\account in the text: the bare name is an identity too.
    void addAccount(const QString& account, const QString& alias) { addName(account, alias); }

    // The pseudonym of an exact form (id, e-mail, UPN, DOMAIN\account, IP), case-insensitively; empty when
    // unknown.
    QString exact(const QString& form) const { return m_exact.value(fold(form)); }
    // The pseudonym of the user whose UPN local part or name is `account` ("DOMAIN\account"); empty if none.
    QString accountOwner(const QString& account) const { return m_accounts.value(fold(account)); }

    // A name to find in free text: case-folded, with its pseudonym.
    struct Name
    {
        QString folded, alias;
    };
    // Names whose first word is `word` (folded), longest first; names that start in a script written without
    // spaces (Han, Kana, Thai, ...) or with a symbol are listed by their first character instead.
    const std::vector<Name>* namesStartingWithWord(const QString& word) const;
    const std::vector<Name>* namesStartingWithChar(QChar c) const;

    // Case folding that keeps every UTF-16 position (simple folding per code unit), so matches map back.
    static QString fold(const QString& text);
    // Letters and digits of scripts written with spaces between words, and '_'.
    static bool isWordChar(QChar c);
    static bool isUnspaced(QChar c); // Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan, Yi

    int users() const { return m_users; }

private:
    int userNumber(const QString& id, const QString& upn, const QString& name);
    void addName(const QString& name, const QString& alias);
    void addEmail(const QString& email, const QString& alias, const QString& account);

    QHash<QString, QString> m_exact; // folded form -> pseudonym
    QHash<QString, QString> m_accounts; // folded account (UPN local part, name) -> user pseudonym "REDACTED\userN"
    QHash<QString, int> m_userOf; // folded id / upn / name -> user number
    QHash<QString, int> m_deviceOf; // folded device id or name -> device number
    QHash<QString, std::vector<Name>> m_byWord;
    QHash<QChar, std::vector<Name>> m_byChar;
    QHash<QString, bool> m_nameSeen;
    int m_users = 0, m_principals = 0, m_devices = 0, m_tenants = 0;
};

} // namespace calens
