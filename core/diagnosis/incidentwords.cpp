// SPDX-License-Identifier: MIT
#include "incidentwords.h"

#include "flowchart.h"
#include "incidents.h"
#include "ingest/timestamp.h"
#include "words.h"

#include <map>

namespace calens {

namespace {

QString joined(const QStringList& parts)
{
    if (parts.size() < 2) return parts.value(0);
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + parts.back();
}

} // namespace

QString counted(uint64_t count, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

QString kindWord(const QString& kind, uint64_t count)
{
    const bool one = count == 1;
    if (kind == QLatin1String("servicePrincipal"))
        return one ? QStringLiteral("service principal") : QStringLiteral("service principals");
    if (kind == QLatin1String("managedIdentity"))
        return one ? QStringLiteral("managed identity") : QStringLiteral("managed identities");
    return one ? QStringLiteral("user") : QStringLiteral("users");
}

QString identitiesInWords(const Incident& incident)
{
    // Users first, then service principals, then managed identities: the order admins read them in.
    std::map<int, std::pair<QString, uint64_t>> byKind;
    for (const IncidentIdentity& who : incident.identities) {
        const int rank = who.kind == QLatin1String("servicePrincipal") ? 1
            : who.kind == QLatin1String("managedIdentity")             ? 2
                                                                       : 0;
        auto& [kind, count] = byKind[rank];
        kind = who.kind;
        ++count;
    }
    QStringList parts;
    for (const auto& [rank, kc] : byKind) parts << counted(kc.second, kindWord(kc.first, 1), kindWord(kc.first, 2));
    return parts.isEmpty() ? QStringLiteral("no identity") : joined(parts);
}

QString identitiesNamed(const Incident& incident, int maxNames)
{
    if (incident.identities.empty() || incident.identities.size() > size_t(maxNames))
        return identitiesInWords(incident);
    QStringList names;
    for (const IncidentIdentity& who : incident.identities) names << who.name;
    return joined(names);
}

QString appLabel(const IncidentApp& app)
{
    return !app.appName.isEmpty() ? app.appName : !app.resourceName.isEmpty() ? app.resourceName : app.appId;
}

QString appsInWords(const Incident& incident, const std::vector<uint32_t>& apps, int maxNames)
{
    QStringList names;
    for (size_t i = 0; i < apps.size() && i < size_t(maxNames); ++i) names << appLabel(incident.apps[apps[i]]);
    if (apps.size() > size_t(maxNames)) names << QStringLiteral("%1 more").arg(apps.size() - size_t(maxNames));
    return joined(names);
}

QString appsInWords(const Incident& incident, int maxNames)
{
    std::vector<uint32_t> all(incident.apps.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    return appsInWords(incident, all, maxNames);
}

QString incidentDetails(const Incident& inc, const IncidentIdentity* who)
{
    const auto stamp = [](int64_t ms) { return QString::fromStdString(formatIso(ms)); };
    const QString policy = inc.policyName.isEmpty() ? QStringLiteral("A policy the log does not name") : inc.policyName;
    QStringList lines;
    if (who)
        lines << QStringLiteral("%1 (%2) was blocked %3 by %4, from %5 to %6.")
                     .arg(who->name, kindWord(who->kind),
                         counted(who->count, QStringLiteral("time"), QStringLiteral("times")), policy,
                         stamp(who->firstMs), stamp(who->lastMs));
    else
        lines << QStringLiteral("%1 blocked %2 %3, from %4 to %5.")
                     .arg(policy, identitiesInWords(inc),
                         counted(inc.count, QStringLiteral("time"), QStringLiteral("times")), stamp(inc.firstMs),
                         stamp(inc.lastMs));
    lines << QStringLiteral("Cause: %1 (%2 confidence).").arg(causeInWords(inc.cause), confidenceWord(inc.confidence));
    const auto& causes = Flowchart::builtIn().causes;
    if (const auto it = causes.find(inc.cause); it != causes.end() && !it->second.summary.empty())
        lines << QString::fromStdString(it->second.summary);
    lines << QStringLiteral("The policy asks for %1.").arg(controlsInWords(inc.unmetControls));
    std::vector<uint32_t> apps;
    if (who) {
        apps = who->apps;
    } else {
        for (uint32_t a = 0; a < inc.apps.size(); ++a) apps.push_back(a);
    }
    QStringList appNames;
    for (size_t a = 0; a < apps.size() && a < 10; ++a)
        appNames << QStringLiteral("%1 (%2)").arg(appLabel(inc.apps[apps[a]])).arg(inc.apps[apps[a]].count);
    if (apps.size() > 10) appNames << QStringLiteral("%1 more").arg(apps.size() - 10);
    lines << QStringLiteral("Applications: %1").arg(appNames.join(QStringLiteral(", ")));
    if (!who) {
        QStringList names;
        for (size_t n = 0; n < inc.identities.size() && n < 10; ++n)
            names << QStringLiteral("%1 (%2)").arg(inc.identities[n].name).arg(inc.identities[n].count);
        if (inc.identities.size() > 10) names << QStringLiteral("%1 more").arg(inc.identities.size() - 10);
        lines << QStringLiteral("Identities: %1").arg(names.join(QStringLiteral(", ")));
    }
    const IncidentIdentity& story = who ? *who : firstIdentity(inc);
    if (!story.changes.isEmpty()) {
        const QString app = story.apps.empty() ? QString() : appLabel(inc.apps[story.apps.front()]);
        lines << QString()
              << (who ? QStringLiteral("What changed for %1 → %2:").arg(story.name, app)
                      : QStringLiteral("What changed for %1 → %2, the first blocked:").arg(story.name, app));
        for (const QString& c : story.changes) lines << QStringLiteral("  • ") + c;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace calens
