// SPDX-License-Identifier: MIT
#include "directorytablemodels.h"

#include "evaltablemodel.h"
#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <unordered_map>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString join(const std::vector<std::string>& list, const char* label)
{
    if (list.empty()) return {};
    QStringList out;
    for (const auto& s : list) out << QString::fromStdString(s);
    return QStringLiteral("%1: %2").arg(QLatin1String(label), out.join(QStringLiteral(", ")));
}
QString header(const char* const* names, int count, int section)
{
    return section >= 0 && section < count ? QString::fromLatin1(names[section]) : QString();
}
} // namespace

void PolicyTableModel::setData(const Dataset& d, const std::vector<uint32_t>& signIns)
{
    beginResetModel();
    m_rows.clear();
    std::unordered_map<std::string, size_t> byId;
    for (const CaPolicy& p : d.policies()) {
        Row r;
        r.id = QString::fromStdString(p.id);
        r.name = QString::fromStdString(p.displayName);
        r.state = QString::fromLatin1(stateName(p.state));
        QStringList inc, exc;
        for (const QString& s : { join(p.includeUsers, "users"), join(p.includeGroups, "groups"),
                 join(p.includeRoles, "roles"), join(p.includeServicePrincipals, "service principals"),
                 join(p.includeApplications, "apps"), join(p.includeLocations, "locations") })
            if (!s.isEmpty()) inc << s;
        for (const QString& s : { join(p.excludeUsers, "users"), join(p.excludeGroups, "groups"),
                 join(p.excludeRoles, "roles"), join(p.excludeServicePrincipals, "service principals"),
                 join(p.excludeApplications, "apps"), join(p.excludeLocations, "locations") })
            if (!s.isEmpty()) exc << s;
        r.includes = inc.join(QStringLiteral("; "));
        r.excludes = exc.join(QStringLiteral("; "));
        r.grant = (p.grantOperator.empty() ? QString() : QString::fromStdString(p.grantOperator) + QLatin1Char(' '))
            + grantList(p.grant);
        QStringList session;
        for (int b = 0; b < Session::Count; ++b)
            if (p.session & (1 << b)) session << q(sessionName(b));
        r.session = session.join(QStringLiteral(", "));
        byId[p.id] = m_rows.size();
        m_rows.push_back(r);
    }
    for (uint32_t row : signIns) {
        const SignInRef s = d.signIn(row);
        for (const PolicyEval& e : s.evals()) {
            const std::string id(s.policyId(e));
            auto it = byId.find(id);
            if (it == byId.end()) {
                Row r;
                r.id = q(s.policyId(e));
                r.name = q(s.policyName(e));
                r.state = QStringLiteral("(only seen in logs)");
                it = byId.emplace(id, m_rows.size()).first;
                m_rows.push_back(r);
            }
            Row& r = m_rows[it->second];
            r.blocked += e.result == PolicyResult::Failure;
            r.wouldBlock += e.result == PolicyResult::ReportOnlyFailure;
            r.applied += e.result == PolicyResult::Success || e.result == PolicyResult::Failure;
        }
    }
    endResetModel();
}

QVariant PolicyTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const Row& r = m_rows[size_t(index.row())];
    switch (index.column()) {
    case Name:
        return r.name;
    case State:
        return r.state;
    case Blocked:
        return qulonglong(r.blocked);
    case WouldBlock:
        return qulonglong(r.wouldBlock);
    case Applied:
        return qulonglong(r.applied);
    case Grant:
        return r.grant;
    case Session:
        return r.session;
    case Includes:
        return r.includes;
    case Excludes:
        return r.excludes;
    default:
        return {};
    }
}

QVariant PolicyTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    static const char* const names[] = { "Policy", "State", "Blocked", "Would block (report-only)", "Applied", "Grant",
        "Session", "Includes", "Excludes" };
    return o == Qt::Horizontal && role == Qt::DisplayRole ? QVariant(header(names, NumColumns, section)) : QVariant();
}

void NamedLocationTableModel::setData(const Dataset& d, const std::vector<uint32_t>& signIns)
{
    beginResetModel();
    m_rows.clear();
    std::vector<IpAddress> ips;
    ips.reserve(signIns.size());
    std::unordered_map<StrId, int> seen;
    for (uint32_t row : signIns) {
        const StrId id = d.signIn(row).strId(SF::IpAddress);
        if (auto ip = IpAddress::parse(d.text(id))) ips.push_back(*ip);
    }
    for (const NamedLocation& n : d.namedLocations()) {
        Row r;
        r.name = QString::fromStdString(n.displayName);
        r.kind = n.kind == NamedLocation::Kind::Ip   ? QStringLiteral("IP ranges")
            : n.kind == NamedLocation::Kind::Country ? QStringLiteral("Countries")
                                                     : QStringLiteral("?");
        r.trusted = n.isTrusted;
        QStringList ranges;
        for (const auto& t : n.rangeTexts) ranges << QString::fromStdString(t);
        for (const auto& c : n.countries) ranges << QString::fromStdString(c);
        r.ranges = ranges.join(QStringLiteral(", "));
        for (const IpAddress& ip : ips)
            for (const IpRange& range : n.ranges)
                if (range.contains(ip)) {
                    ++r.hits;
                    break;
                }
        m_rows.push_back(r);
    }
    endResetModel();
}

QVariant NamedLocationTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const Row& r = m_rows[size_t(index.row())];
    switch (index.column()) {
    case Name:
        return r.name;
    case Kind:
        return r.kind;
    case Trusted:
        return r.trusted ? QStringLiteral("trusted") : QStringLiteral("not trusted");
    case Ranges:
        return r.ranges;
    case Hits:
        return qulonglong(r.hits);
    default:
        return {};
    }
}

QVariant NamedLocationTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    static const char* const names[]
        = { "Named location", "Kind", "Trusted", "Ranges / countries", "Sign-ins from it" };
    return o == Qt::Horizontal && role == Qt::DisplayRole ? QVariant(header(names, NumColumns, section)) : QVariant();
}

void IncidentTableModel::setIncidents(std::vector<Incident> incidents)
{
    beginResetModel();
    m_incidents = std::move(incidents);
    endResetModel();
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const Incident& i = m_incidents[size_t(index.row())];
    switch (index.column()) {
    case Count:
        return qulonglong(i.count);
    case Cause:
        return QString::fromStdString(i.cause);
    case Policy:
        return i.policyName;
    case Principal:
        return i.principalName;
    case Application:
        return i.appName;
    case Resource:
        return i.resourceName;
    case Controls:
        return i.unmetControls.join(QStringLiteral(", "));
    case First:
        return q(formatIso(i.firstMs));
    case Last:
        return q(formatIso(i.lastMs));
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    static const char* const names[] = { "Sign-ins", "Cause", "Blocking policy", "Identity", "Application", "Resource",
        "Unmet controls", "First seen", "Last seen" };
    return o == Qt::Horizontal && role == Qt::DisplayRole ? QVariant(header(names, NumColumns, section)) : QVariant();
}

} // namespace calens
