// SPDX-License-Identifier: MIT
#include "change.h"

#include "text/strictids.h"

namespace calens::fix {

const char* Change::path() const
{
    switch (kind) {
    case Kind::ExcludeUser:
        return "conditions.users.excludeUsers";
    case Kind::ExcludeServicePrincipal:
        return "conditions.clientApplications.excludeServicePrincipals";
    case Kind::AddIpRange:
        return "ipRanges";
    }
    return "";
}

const char* Change::topLevelProperty() const
{
    return kind == Kind::AddIpRange ? "ipRanges" : "conditions";
}

const char* Change::collection() const
{
    return target() == Target::Policy ? "policies" : "namedLocations";
}

const char* Change::kindName() const
{
    switch (kind) {
    case Kind::ExcludeUser:
        return "excludeUser";
    case Kind::ExcludeServicePrincipal:
        return "excludeServicePrincipal";
    case Kind::AddIpRange:
        return "addIpRange";
    }
    return "";
}

bool Change::kindFromName(const QString& name, Kind* kind)
{
    for (Kind k : { Kind::ExcludeUser, Kind::ExcludeServicePrincipal, Kind::AddIpRange }) {
        Change c;
        c.kind = k;
        if (name == QLatin1String(c.kindName())) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool Change::isWellFormed() const
{
    if (!text::isCanonicalGuid(targetId)) return false;
    if (kind == Kind::AddIpRange) return text::canonicalCidr(value) == value;
    return text::isCanonicalGuid(value);
}

QString Change::describe() const
{
    const QString who
        = valueName.isEmpty() || valueName == value ? value : QStringLiteral("%1 (%2)").arg(valueName, value);
    const QString where = targetName.isEmpty() ? targetId : QStringLiteral("'%1'").arg(targetName);
    switch (kind) {
    case Kind::ExcludeUser:
        return QStringLiteral("exclude the user %1 from the policy %2 (%3)").arg(who, where, QLatin1String(path()));
    case Kind::ExcludeServicePrincipal:
        return QStringLiteral("exclude the service principal %1 from the policy %2 (%3)")
            .arg(who, where, QLatin1String(path()));
    case Kind::AddIpRange:
        return QStringLiteral("add the range %1 to the named location %2").arg(value, where);
    }
    return {};
}

} // namespace calens::fix
