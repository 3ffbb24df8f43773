// SPDX-License-Identifier: MIT
#include "reportbuilder.h"

#include "incidentsection.h"
#include "redactor.h"
#include "reportcharts.h"
#include "reporttext.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/facts.h"
#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"
#include "model/signinref.h"

#include <QDateTime>

#include <algorithm>
#include <set>

namespace calens {

namespace {

QString str(const SignInRef& s, SF f)
{
    const std::string_view v = s.str(f);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Who a focus sign-in is, and to which app: the report's title and first sentence name them.
QString whoSignedIn(const Dataset& d, uint32_t row)
{
    return FactSheet(d, row).principalName();
}

QString appOf(const SignInRef& s)
{
    for (SF f : { SF::AppDisplayName, SF::ResourceDisplayName, SF::AppId })
        if (!s.str(f).empty()) return str(s, f);
    return {};
}

void registerForRedaction(const Dataset& d, const std::vector<Incident>& incidents, Redactor& r)
{
    for (const Incident& inc : incidents)
        for (uint32_t row : inc.rows) {
            const SignInRef s = d.signIn(row);
            r.addUser(str(s, SF::UserId), str(s, SF::UserDisplayName), str(s, SF::UserPrincipalName));
            r.addServicePrincipal(str(s, SF::ServicePrincipalId));
            r.addDevice(str(s, SF::DeviceId), str(s, SF::DeviceName));
            r.addTenant(str(s, SF::ResourceTenantId));
            r.addTenant(str(s, SF::HomeTenantId));
            for (SF kept : { SF::CorrelationId, SF::Id, SF::AppId, SF::ResourceId }) r.keep(str(s, kept));
            // Accounts that free text names as DOMAIN\account are identities of the data too.
            for (SF text : { SF::FailureReason, SF::AdditionalDetails, SF::UserPrincipalName, SF::UserDisplayName })
                r.learn(str(s, text));
        }
    // Admins named by the audit log in "what changed".
    for (const DirectoryChange& c : d.changes()) {
        if (c.actorIsApp || c.actor.empty()) continue;
        const QString actor = QString::fromStdString(c.actor);
        if (actor.contains(QLatin1Char('@')))
            r.addUser(QString(), QString(), actor);
        else
            r.addUser(QString(), actor, QString());
    }
}

void summarize(ReportModel& m, const Dataset& d, const std::vector<Incident>& incidents, uint32_t focusRow)
{
    const Incident& top = incidents.front();
    const ReportIncident& section = m.incidents.front();
    const QString policy = top.policyName.isEmpty() ? QStringLiteral("a policy the log does not name")
                                                    : QStringLiteral("\"%1\"").arg(top.policyName);
    if (focusRow != UINT32_MAX) {
        const SignInRef s = d.signIn(focusRow);
        m.summary << QStringLiteral("The sign-in with correlation ID %1 of %2 to %3 on %4 was blocked by Conditional "
                                    "Access (error %5). It is one of %6 sign-ins that %7 blocked for the same reason "
                                    "between %8 and %9, of %10.")
                         .arg(str(s, SF::CorrelationId), whoSignedIn(d, focusRow), appOf(s), isoText(s.createdMs()),
                             QString::number(s.errorCode()), QString::number(top.count), policy, isoText(top.firstMs),
                             isoText(top.lastMs))
                         .arg(identitiesNamed(top));
    } else {
        std::set<QString> apps;
        for (const Incident& i : incidents)
            for (const IncidentApp& a : i.apps) apps.insert(a.appId.isEmpty() ? a.resourceId : a.appId);
        m.summary << QStringLiteral("Between %1 and %2, Conditional Access blocked %3 sign-ins of %4 identities to "
                                    "%5 applications. They form %6 incidents: one per root cause, that is per "
                                    "blocking policy and reason, whichever identities it hit.")
                         .arg(m.windowStart, m.windowEnd)
                         .arg(m.signIns)
                         .arg(m.identities)
                         .arg(apps.size())
                         .arg(incidents.size());
        m.summary << QStringLiteral("The largest incident: %1 blocked %2 %3 times, signing in to %4, since %5.")
                         .arg(policy, identitiesNamed(top))
                         .arg(top.count)
                         .arg(appsInWords(top), isoText(top.firstMs));
    }
    if (!top.policyName.isEmpty())
        m.summary << QStringLiteral("The policy \"%1\" asks for %2, which %3 could not provide.")
                         .arg(top.policyName, controlsInWords(top.unmetControls),
                             top.count == 1 ? QStringLiteral("this sign-in") : QStringLiteral("these sign-ins"));
    m.summary << QStringLiteral("Root cause: %1. %2").arg(section.causeTitle, section.causeSummary).trimmed();
    if (section.intended == QLatin1String("yes"))
        m.summary << QStringLiteral("The block is intended: the policy did its job, and no policy change is needed.%1")
                         .arg(section.tellUser.isEmpty() ? QString()
                                                         : QStringLiteral(" Tell the user: ") + section.tellUser);
    else if (!section.fixes.empty())
        m.summary << QStringLiteral("Fix: %1. The incident's section gives the portal steps and a script to "
                                    "review; CA Lens changed nothing in the tenant.")
                         .arg(section.fixes.front().title);
    else
        m.summary << QStringLiteral("No automatic fix applies; the diagnosis steps list what to check.");
    m.summary << section.verification; // it starts with its state: "Fixed:", "Not fixed:", "Not verified yet:"
}

} // namespace

std::optional<Incident> incidentOf(
    const Dataset& d, const std::vector<Incident>& incidents, uint32_t row, QString* error)
{
    auto containing = [row](const Incident& i) { return std::find(i.rows.begin(), i.rows.end(), row) != i.rows.end(); };
    auto it = std::find_if(incidents.begin(), incidents.end(), containing);
    if (it != incidents.end()) return *it;
    // The window's incidents follow its filter and time range; the sign-in may lie outside them.
    std::vector<Incident> all = clusterIncidents(d);
    it = std::find_if(all.begin(), all.end(), containing);
    if (it != all.end()) {
        std::vector<Incident> one { *it };
        explainChanges(d, one);
        return one.front();
    }
    if (error)
        *error = QStringLiteral("the sign-in with correlation id %1 was not blocked by Conditional Access")
                     .arg(str(d.signIn(row), SF::CorrelationId));
    return std::nullopt;
}

ReportModel buildReport(
    const Dataset& d, std::vector<Incident> incidents, const ReportRequest& request, const ReportFocus& focus)
{
    const uint32_t focusRow = focus.row;
    if (focus.isSet()) {
        // The report, its diagnosed sign-in, its cause and its fix always belong to one incident.
        std::optional<Incident> own = incidentOf(d, incidents, focusRow, nullptr);
        incidents.clear();
        if (own) incidents.push_back(std::move(*own));
    }
    ReportModel m;
    m.toolVersion = request.toolVersion.isEmpty() ? QStringLiteral(CALENS_VERSION) : request.toolVersion;
    const QDateTime now = request.generatedAtMs == INT64_MIN
        ? QDateTime::currentDateTimeUtc()
        : QDateTime::fromMSecsSinceEpoch(request.generatedAtMs, Qt::UTC);
    m.generatedAt = now.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m.redacted = request.redact;
    if (incidents.empty()) return m;

    int64_t first = INT64_MAX, last = INT64_MIN;
    std::set<QString> identities;
    for (const Incident& i : incidents) {
        m.signIns += i.count;
        first = std::min(first, i.firstMs);
        last = std::max(last, i.lastMs);
        for (const IncidentIdentity& who : i.identities)
            identities.insert(who.kind + QLatin1Char('|') + (who.id.isEmpty() ? who.name : who.id));
    }
    m.identities = identities.size();
    m.windowStart = isoText(first);
    m.windowEnd = isoText(last);
    const SignInRef firstSignIn = d.signIn(incidents.front().firstRow);
    m.tenant = str(firstSignIn, SF::ResourceTenantId);
    if (m.tenant.isEmpty()) m.tenant = QStringLiteral("(not in the data)");
    m.scope = focusRow != UINT32_MAX ? QStringLiteral("The incident of the sign-in with correlation ID %1")
                                           .arg(str(d.signIn(focusRow), SF::CorrelationId))
                                     : QStringLiteral("Every sign-in blocked by Conditional Access in the data");
    m.title = !request.title.isEmpty() ? request.title
        : focusRow != UINT32_MAX
        ? QStringLiteral("%1 blocked from %2").arg(whoSignedIn(d, focusRow), appOf(d.signIn(focusRow)))
        : QStringLiteral("Conditional Access blocks, %1 to %2").arg(m.windowStart.left(10), m.windowEnd.left(10));

    const size_t detailed = std::min(incidents.size(), std::max<size_t>(request.detailedIncidents, 1));
    for (size_t i = 0; i < detailed; ++i)
        m.incidents.push_back(i == 0 && focus.isSet()
                ? incidentSection(d, incidents[i], focusRow, int(i + 1), focus.answers)
                : incidentSection(d, incidents[i], incidents[i].firstRow, int(i + 1)));
    m.incidentsOmitted = incidents.size() - detailed;
    m.keyFacts = { { QStringLiteral("Blocked sign-ins"), QString::number(m.signIns) },
        { QStringLiteral("Identities"), QString::number(m.identities) },
        { QStringLiteral("Incidents"), QString::number(incidents.size()) },
        { QStringLiteral("Root cause"), m.incidents.front().causeTitle },
        { QStringLiteral("First blocked"), m.windowStart }, { QStringLiteral("Last blocked"), m.windowEnd } };
    summarize(m, d, incidents, focusRow);
    addCharts(m, d, incidents, first, last);
    addTables(m, d, incidents);

    if (request.redact) {
        Redactor redactor;
        registerForRedaction(d, incidents, redactor);
        forEachString(
            m, [&redactor](QString& s) { s = redactor.apply(s); }, false);
        for (ReportIncident& i : m.incidents)
            for (ReportFix& f : i.fixes) {
                f.powershell = redactor.applyToPowerShell(f.powershell);
                f.graphRequest = redactor.applyToGraphRequest(f.graphRequest);
            }
    }
    forEachString(m, [](QString& s) { s = neutralizeControls(s); });
    return m;
}

std::optional<ReportModel> buildReport(const Dataset& d, const ReportRequest& request, QString* error)
{
    std::vector<Incident> incidents = clusterIncidents(d);
    ReportFocus focus;
    if (!request.correlationId.isEmpty()) {
        focus.row = findSignIn(d, {}, request.correlationId);
        if (focus.row == UINT32_MAX) {
            if (error) *error = QStringLiteral("no sign-in with correlation id %1").arg(request.correlationId);
            return std::nullopt;
        }
        std::optional<Incident> own = incidentOf(d, incidents, focus.row, error);
        if (!own) return std::nullopt;
        incidents = { std::move(*own) };
    }
    if (incidents.empty()) {
        if (error) *error = QStringLiteral("no sign-in in the data was blocked by Conditional Access");
        return std::nullopt;
    }
    explainChanges(d, incidents);
    return buildReport(d, std::move(incidents), request, focus);
}

} // namespace calens
