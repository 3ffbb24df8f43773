// SPDX-License-Identifier: MIT
#include "directorytablemodels.h"

#include "diagnosis/words.h"
#include "directorynames.h"
#include "evaltablemodel.h"
#include "model/signinref.h"
#include "whatif/conditions.h"

#include <unordered_map>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
// The grant as the admin center reads it: every control by name (authentication strength, terms of use and
// custom controls included), joined by the policy's operator.
QString grantInWords(const CaPolicy& p)
{
    QStringList controls;
    for (int b = 0; b < Grant::Count; ++b) {
        if (!(p.grant & (1 << b))) continue;
        const QString name = q(grantName(b));
        if (name == QLatin1String("authenticationStrength") && !p.authStrengthName.empty())
            controls << QStringLiteral("authentication strength '%1'").arg(QString::fromStdString(p.authStrengthName));
        else if (name == QLatin1String("termsOfUse") || name == QLatin1String("other"))
            continue; // named below
        else
            controls << controlWord(name);
    }
    if (!p.termsOfUse.empty()) controls << QStringLiteral("terms of use");
    for (const std::string& c : p.customAuthenticationFactors)
        controls << QStringLiteral("custom control '%1'").arg(QString::fromStdString(c));
    return controls.join(p.grantOperator == "OR" ? QStringLiteral(" or ") : QStringLiteral(" and "));
}
QString header(const char* const* names, int count, int section)
{
    return section >= 0 && section < count ? QString::fromLatin1(names[section]) : QString();
}
} // namespace

std::vector<PolicyTableModel::Row> PolicyTableModel::computeRows(
    const Dataset& d, const std::vector<uint32_t>& signIns, const std::atomic<bool>* cancel)
{
    std::vector<Row> rows;
    std::unordered_map<std::string, size_t> byId;
    std::vector<std::string> wanted; // every id a policy lists, named once for all of them
    for (const CaPolicy& p : d.policies())
        for (const auto* list : { &p.includeUsers, &p.excludeUsers, &p.includeServicePrincipals,
                 &p.excludeServicePrincipals, &p.includeApplications, &p.excludeApplications })
            wanted.insert(wanted.end(), list->begin(), list->end());
    const DirectoryNames names(d, wanted);
    using K = DirectoryNames::Kind;
    auto named = [&names](const std::vector<std::string>& ids, K kind, const char* label) {
        const QString s = names.list(kind, ids);
        return s.isEmpty() ? s : QStringLiteral("%1: %2").arg(QLatin1String(label), s);
    };
    for (const CaPolicy& p : d.policies()) {
        Row r;
        r.id = QString::fromStdString(p.id);
        r.name = QString::fromStdString(p.displayName);
        // The admin center's words for the state (the JSON and the filter keep Graph's names).
        r.state = p.state == PolicyState::Enabled ? QStringLiteral("On")
            : p.state == PolicyState::Disabled    ? QStringLiteral("Off")
            : p.state == PolicyState::ReportOnly  ? QStringLiteral("Report-only")
                                                  : QString::fromStdString(p.stateText);
        QStringList inc, exc;
        for (const QString& s : { named(p.includeUsers, K::User, "users"), named(p.includeGroups, K::Group, "groups"),
                 named(p.includeRoles, K::Role, "roles"),
                 named(p.includeServicePrincipals, K::ServicePrincipal, "service principals"),
                 named(p.includeApplications, K::Application, "resources"),
                 named(p.includeLocations, K::Location, "locations") })
            if (!s.isEmpty()) inc << s;
        for (const QString& s : { named(p.excludeUsers, K::User, "users"), named(p.excludeGroups, K::Group, "groups"),
                 named(p.excludeRoles, K::Role, "roles"),
                 named(p.excludeServicePrincipals, K::ServicePrincipal, "service principals"),
                 named(p.excludeApplications, K::Application, "resources"),
                 named(p.excludeLocations, K::Location, "locations") })
            if (!s.isEmpty()) exc << s;
        r.includes = inc.join(QStringLiteral("; "));
        r.excludes = exc.join(QStringLiteral("; "));
        r.grant = grantInWords(p);
        QStringList session;
        for (int b = 0; b < Session::Count; ++b)
            if (p.session & (1 << b)) session << q(sessionName(b));
        r.session = session.join(QStringLiteral(", "));
        byId[p.id] = rows.size();
        rows.push_back(r);
    }
    // Count per policy reference first (an index, no string work per evaluation), then fold the
    // references into rows by policy id: one policy can appear under several display names.
    struct Counts
    {
        uint64_t seen = 0, blocked = 0, wouldBlock = 0, applied = 0;
    };
    std::vector<Counts> perRef(d.policyRefs().size());
    size_t done = 0;
    for (uint32_t row : signIns) {
        if (cancel && (++done & 0xFFFF) == 0 && *cancel) return {};
        for (const PolicyEval& e : d.signIn(row).evals()) {
            Counts& c = perRef[e.policy];
            ++c.seen;
            c.blocked += e.result == PolicyResult::Failure;
            c.wouldBlock += e.result == PolicyResult::ReportOnlyFailure;
            c.applied += e.result == PolicyResult::Success || e.result == PolicyResult::Failure;
        }
    }
    for (size_t ref = 0; ref < perRef.size(); ++ref) {
        const Counts& c = perRef[ref];
        const std::string id(d.text(d.policyRefs()[ref].id));
        auto it = byId.find(id);
        if (it == byId.end()) {
            if (!c.seen) continue; // a policy only seen in logs is listed when a shown sign-in has it
            Row r;
            r.id = QString::fromStdString(id);
            r.name = q(d.text(d.policyRefs()[ref].displayName));
            r.state = QStringLiteral("(only seen in logs)");
            it = byId.emplace(id, rows.size()).first;
            rows.push_back(r);
        }
        Row& r = rows[it->second];
        r.blocked += c.blocked;
        r.wouldBlock += c.wouldBlock;
        r.applied += c.applied;
    }
    return rows;
}

void PolicyTableModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
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

std::vector<NamedLocationTableModel::Row> NamedLocationTableModel::computeRows(
    const Dataset& d, const std::vector<uint32_t>& signIns, const std::atomic<bool>* cancel)
{
    std::vector<Row> rows;
    // Sign-ins from the same IP address and country are in the same locations: each pair is decided once,
    // by the What-If evaluator (the one place that decides what a location condition matches).
    std::unordered_map<uint64_t, uint64_t> pairs;
    for (uint32_t row : signIns) {
        const SignInRef s = d.signIn(row);
        ++pairs[(uint64_t(s.strId(SF::IpAddress)) << 32) | s.strId(SF::Country)];
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
        if (cancel && *cancel) return {};
        for (const auto& [key, count] : pairs) {
            whatif::WhatIfInput in;
            in.ipAddress = std::string(d.text(StrId(key >> 32)));
            const std::string_view country = d.text(StrId(key & 0xFFFFFFFFu));
            if (!country.empty()) in.country = std::string(country);
            if (whatif::inNamedLocation(n, in) == whatif::Tri::Yes) r.hits += count;
        }
        rows.push_back(r);
    }
    return rows;
}

void NamedLocationTableModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
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

} // namespace calens
