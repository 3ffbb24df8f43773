// SPDX-License-Identifier: MIT
#include "overview.h"

#include "filter.h"

#include "diagnosis/incidentwords.h"

#include <algorithm>
#include <map>

namespace calens {

namespace {

struct Tally
{
    QString label, id;
    uint64_t count = 0;
};

// A value the filter finds only its own sign-ins by: the name, unless it is part of another name the same
// term would also match (then the id, when there is one).
QString exact(const QString& name, const QString& id, const std::vector<Tally>& all)
{
    if (name.isEmpty()) return id;
    for (const Tally& other : all)
        if (other.label != name && other.label.contains(name, Qt::CaseInsensitive) && !id.isEmpty()) return id;
    return name;
}

std::vector<Tally> biggest(const std::map<QString, Tally>& byKey)
{
    std::vector<Tally> out;
    out.reserve(byKey.size());
    for (const auto& [key, t] : byKey) out.push_back(t);
    std::stable_sort(out.begin(), out.end(), [](const Tally& a, const Tally& b) { return a.count > b.count; });
    return out;
}

std::vector<OverviewEntry> entries(
    const std::vector<Tally>& all, size_t top, const QString& field, const QString& extra)
{
    std::vector<OverviewEntry> out;
    for (size_t i = 0; i < all.size() && i < top; ++i) {
        const QString value = exact(all[i].label, all[i].id, all);
        out.push_back({ all[i].label.isEmpty() ? all[i].id : all[i].label, all[i].count,
            QStringLiteral("%1:%2%3").arg(field, quoteFilterValue(value), extra) });
    }
    return out;
}

QString inputLine(const InputReport& r)
{
    const QString records = counted(r.records, QStringLiteral("record"), QStringLiteral("records"));
    QString line = r.format == Format::Unknown && r.error.isEmpty()
        ? QStringLiteral("%1: %2").arg(r.path, records) // the demo tenant, a fetch
        : QStringLiteral("%1: %2, %3").arg(r.path, formatInWords(r.format), records);
    if (r.skipped) line += QStringLiteral(", %1 skipped").arg(r.skipped);
    if (r.duplicates) line += QStringLiteral(", %1 already loaded from another input").arg(r.duplicates);
    if (!r.error.isEmpty()) line += QStringLiteral("\n    ") + r.error;
    for (const QString& w : r.warnings) line += QStringLiteral("\n    ") + w;
    return line;
}

} // namespace

Overview computeOverview(const Dataset& d, const Summary& s, const std::vector<Incident>& incidents,
    const std::vector<InputReport>& reports, size_t top)
{
    Overview o;
    o.signIns = s.signIns;
    o.blockedByCa = s.blockedByCa;
    o.blocked53003 = s.blocked53003;
    o.blockedText = blockedByCaText(s);
    o.firstMs = s.first;
    o.lastMs = s.last;
    for (size_t t = 0; t < o.types.size(); ++t) o.types[t] = s.types[t];
    o.incidents = incidents.size();
    o.policiesKnown = d.policies().size();
    o.namedLocationsKnown = d.namedLocations().size();

    // Policies by the sign-ins they blocked (their result was failure), as `calens analyze` counts them.
    std::map<QString, Tally> policies;
    for (const Summary::PolicyCounts& p : s.policies) {
        const uint64_t failed = p.results[size_t(PolicyResult::Failure)];
        if (!failed) continue;
        Tally& t = policies[QString::fromStdString(p.id)];
        t.label = QString::fromStdString(p.displayName);
        t.id = QString::fromStdString(p.id);
        t.count += failed;
    }
    o.policies = entries(biggest(policies), top, QStringLiteral("policy"), QStringLiteral(" result:failure"));

    // Apps and identities by their blocked sign-ins, over every incident.
    std::map<QString, Tally> apps, identities;
    for (const Incident& inc : incidents) {
        for (const IncidentApp& a : inc.apps) {
            Tally& t = apps[a.appId.isEmpty() ? QLatin1Char('r') + a.resourceId : a.appId];
            t.label = appLabel(a);
            t.id = a.appId;
            t.count += a.count;
        }
        for (const IncidentIdentity& who : inc.identities) {
            Tally& t = identities[who.kind + QLatin1Char('|') + (who.id.isEmpty() ? who.name : who.id)];
            t.label = who.name;
            t.id = who.id;
            t.count += who.count;
        }
    }
    o.identitiesAffected = identities.size();
    o.apps = entries(biggest(apps), top, QStringLiteral("app"), QStringLiteral(" error:ca"));
    o.identities = entries(biggest(identities), top, QStringLiteral("user"), QStringLiteral(" error:ca"));
    for (const InputReport& r : reports) o.inputs << inputLine(r);
    return o;
}

QString formatInWords(Format f)
{
    switch (f) {
    case Format::GraphJson:
        return QStringLiteral("Microsoft Graph sign-in export");
    case Format::PortalJson:
        return QStringLiteral("Entra admin center JSON download");
    case Format::PortalCsv:
        return QStringLiteral("Entra admin center CSV download");
    case Format::LaCsv:
        return QStringLiteral("Log Analytics CSV export");
    case Format::LaJson:
        return QStringLiteral("Log Analytics query result");
    case Format::DiagRecords:
        return QStringLiteral("diagnostic settings records");
    case Format::DiagJsonl:
        return QStringLiteral("diagnostic settings storage blob");
    case Format::PowershellJson:
        return QStringLiteral("Microsoft Graph PowerShell output");
    case Format::Policies:
        return QStringLiteral("Conditional Access policies");
    case Format::NamedLocations:
        return QStringLiteral("named locations");
    case Format::ServicePrincipals:
        return QStringLiteral("service principals");
    case Format::LaPolicyRows:
        return QStringLiteral("Log Analytics policy rows");
    case Format::DirectoryAudits:
        return QStringLiteral("directory audit log");
    case Format::Unknown:
        break;
    }
    return QStringLiteral("not recognised");
}

} // namespace calens
