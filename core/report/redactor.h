// SPDX-License-Identifier: MIT
#pragma once

#include "identityset.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QString>

namespace calens {

// Replaces personal and tenant identifiers by stable pseudonyms: the same identity gets the same
// "User 3" (and "user3@redacted.invalid", "user-3-id") everywhere. The identities the data names are
// registered first (IdentitySet: every form and case of each); apply() then replaces, in one pass over a
// text, every registered name (any length, any case, as a whole word; inside text written without spaces,
// wherever it occurs) and every e-mail address (guest #EXT# and non-ASCII forms too), DOMAIN\account, GUID
// and IP address (IPv4 dotted, or dashed inside a host name such as ip-198-51-100-25; IPv6), known or not.
// Correlation, request and application ids are kept: they name events and apps, not people.
// Code is edited only inside its string literals (applyToPowerShell, applyToJson), so syntax never changes.
class Redactor
{
public:
    Redactor();

    IdentitySet& identities() { return m_ids; }
    void addUser(const QString& id, const QString& name, const QString& upn) { m_ids.addUser(id, name, upn); }
    void addServicePrincipal(const QString& id) { m_ids.addServicePrincipal(id); }
    void addDevice(const QString& id, const QString& name) { m_ids.addDevice(id, name); }
    void addTenant(const QString& id) { m_ids.addTenant(id); }
    void keep(const QString& value);
    // Registers the identities that only free text names (DOMAIN\account: the bare account too). Called on
    // every string before apply(), so the order of the strings does not matter.
    void learn(const QString& text);

    QString apply(const QString& text);
    QString applyToPowerShell(const QString& script);
    // "METHOD URL" and, on the following lines, a JSON body.
    QString applyToGraphRequest(const QString& request);

private:
    struct Span
    {
        qsizetype start, end;
        QString alias;
    };
    void sweep(const QString& text, std::vector<Span>& spans);
    void names(const QString& text, std::vector<Span>& spans) const;
    QString pseudonym(const QString& key, int& counter, const QString& pattern);
    QString emailAlias(const QString& email);
    QString ipAlias(const QString& text, bool dashed);
    QString accountAlias(const QString& text);

    IdentitySet m_ids;
    QHash<QString, QString> m_found; // forms met in text that the data did not name -> pseudonym
    QSet<QString> m_keep;
    int m_ips = 0, m_objects = 0, m_mails = 0, m_accounts = 0;
    QRegularExpression m_pattern, m_account;
};

} // namespace calens
