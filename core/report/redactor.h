// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <vector>

namespace calens {

// Replaces personal and tenant identifiers by stable pseudonyms: the same identity gets the same
// "User 3" (and "user3@redacted.invalid", "user-3-id") everywhere. Values the report knows are registered
// first; a sweep then catches any e-mail address, IP address or GUID left in free text (evidence,
// scripts). Correlation, request and application ids are kept: they name events and apps, not people.
class Redactor
{
public:
    Redactor();

    void addUser(const QString& id, const QString& name, const QString& upn);
    void addServicePrincipal(const QString& id); // the name is an app name and stays
    void addDevice(const QString& id, const QString& name);
    void addTenant(const QString& id);
    void keep(const QString& value);

    QString apply(const QString& text);

private:
    QString pseudonym(const QString& value, int& counter, const QString& pattern);
    QString sweep(const QString& text);
    void replaceNames(QString& text) const;

    QHash<QString, QString> m_map; // original -> pseudonym, exact values
    QHash<QString, int> m_userOf; // user key (id, upn or name) -> number
    QSet<QString> m_keep;
    std::vector<std::pair<QString, QString>> m_names; // display names, replaced as whole words
    int m_users = 0, m_principals = 0, m_devices = 0, m_tenants = 0, m_ips = 0, m_objects = 0, m_mails = 0;
    QRegularExpression m_pattern;
};

} // namespace calens
