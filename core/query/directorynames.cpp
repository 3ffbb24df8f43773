// SPDX-License-Identifier: MIT
#include "directorynames.h"

#include "model/builtinroles.h"

#include "model/dataset.h"
#include "model/signinref.h"

#include <QStringList>

#include <unordered_set>

namespace calens {

namespace {

// Conditional Access's own values in policy lists, as the admin center shows them.
QString special(DirectoryNames::Kind kind, const std::string& id)
{
    using K = DirectoryNames::Kind;
    const QString v = QString::fromStdString(id);
    auto is = [&v](const char* s) { return v.compare(QLatin1String(s), Qt::CaseInsensitive) == 0; };
    if (is("All"))
        return kind == K::User    ? QStringLiteral("all users")
            : kind == K::Location ? QStringLiteral("any location")
                                  : QStringLiteral("all resources");
    if (is("None")) return QStringLiteral("none");
    if (is("GuestsOrExternalUsers")) return QStringLiteral("guests and external users");
    if (is("ServicePrincipalsInMyTenant")) return QStringLiteral("all service principals of the tenant");
    if (is("Office365")) return QStringLiteral("Office 365");
    if (is("MicrosoftAdminPortals")) return QStringLiteral("Microsoft admin portals");
    if (is("AllTrusted")) return QStringLiteral("all trusted locations");
    return {};
}

} // namespace

DirectoryNames::DirectoryNames(const Dataset& d, const std::vector<std::string>& wanted)
{
    for (const ServicePrincipal& sp : d.servicePrincipals()) {
        if (!sp.displayName.empty()) {
            m_names[sp.id] = sp.displayName;
            m_names.emplace(sp.appId, sp.displayName);
        }
    }
    for (const NamedLocation& n : d.namedLocations())
        if (!n.displayName.empty()) m_names[n.id] = n.displayName;
    std::unordered_set<std::string> open;
    for (const std::string& id : wanted)
        if (!m_names.count(id)) open.insert(id);
    // Sign-ins name users, applications and resources: one pass, stopping when everything is named.
    const std::pair<SF, SF> pairs[] = { { SF::UserId, SF::UserPrincipalName }, { SF::AppId, SF::AppDisplayName },
        { SF::ResourceId, SF::ResourceDisplayName }, { SF::ServicePrincipalId, SF::ServicePrincipalName } };
    for (uint32_t row = 0; row < d.signInCount() && !open.empty(); ++row) {
        const SignInRef s = d.signIn(row);
        for (const auto& [idField, nameField] : pairs) {
            const std::string id(s.str(idField));
            if (id.empty() || !open.count(id) || s.str(nameField).empty()) continue;
            m_names[id] = std::string(s.str(nameField));
            open.erase(id);
        }
    }
}

QString DirectoryNames::name(Kind kind, const std::string& id) const
{
    if (QString s = special(kind, id); !s.isEmpty()) return s;
    if (const auto it = m_names.find(id); it != m_names.end()) return QString::fromStdString(it->second);
    if (kind == Kind::Role)
        if (QString role = builtInRoleName(id); !role.isEmpty()) return role;
    const QString what = kind == Kind::User ? QStringLiteral("user")
        : kind == Kind::Group               ? QStringLiteral("group")
        : kind == Kind::Role                ? QStringLiteral("role")
        : kind == Kind::ServicePrincipal    ? QStringLiteral("service principal")
        : kind == Kind::Application         ? QStringLiteral("app")
                                            : QStringLiteral("location");
    return QStringLiteral("%1 %2").arg(what, QString::fromStdString(id));
}

QString DirectoryNames::list(Kind kind, const std::vector<std::string>& ids) const
{
    QStringList out;
    for (const std::string& id : ids) out << name(kind, id);
    return out.join(QStringLiteral(", "));
}

} // namespace calens
