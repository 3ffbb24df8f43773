// SPDX-License-Identifier: MIT
#include "remediation.h"

#include "export/signinjson.h"
#include "facts.h"
#include "fix/fixplan.h"
#include "fix/fixscript.h"
#include "ingest/timestamp.h"
#include "text/quoting.h"
#include "text/safetext.h"
#include "text/scripttemplate.h"
#include "text/strictids.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <set>

namespace calens {

namespace {

using json = nlohmann::json;
const QString kGraph = QStringLiteral("https://graph.microsoft.com");

QString script(const char* name)
{
    QFile f(QStringLiteral(":/calens/diagnosis/scripts/%1.ps1").arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct Context
{
    Context(const FactSheet& f, const Diagnosis& diagnosis)
        : sheet(f)
        , d(diagnosis)
    { }
    const FactSheet& sheet;
    const Diagnosis& d;
    const PolicyEval* eval = nullptr;
    const CaPolicy* def = nullptr;
    QString policyId, policyName;

    // Prose for the admin: names stay on one line, so a name cannot start a line of its own.
    QString fill(QString text) const
    {
        const SignInRef& s = sheet.signIn();
        const auto put = [&text](const char* key, const QString& value) {
            text.replace(QLatin1String(key), text::singleLine(value));
        };
        put("{policy}", policyName.isEmpty() ? QStringLiteral("the policy") : policyName);
        put("{principal}", sheet.principalName());
        put("{app}", qs(s.str(SF::AppDisplayName)));
        put("{resource}",
            qs(s.str(SF::ResourceDisplayName).empty() ? s.str(SF::ResourceId) : s.str(SF::ResourceDisplayName)));
        put("{ip}", qs(s.str(SF::IpAddress)));
        put("{cidr}", cidr().value_or(QStringLiteral("(the egress IP range)")));
        put("{correlationId}", d.correlationId);
        return text;
    }
    // The sign-in's address as a one-address range, only when it is an address in canonical form.
    std::optional<QString> cidr() const
    {
        const auto ip = text::canonicalIp(qs(sheet.signIn().str(SF::IpAddress)));
        if (!ip) return std::nullopt;
        return *ip + (ip->contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32"));
    }
};

// A fix whose ids are not in their strict form gets no script and no request: a value that is not a GUID
// (or an address) is never placed in code, even quoted. The portal steps and the verification still help.
Diagnosis::Fix withheld(const QString& what)
{
    Diagnosis::Fix f;
    f.withheld = QStringLiteral("%1 in the data is not well-formed, so CA Lens wrote no script or request with it; "
                                "look the object up in the Microsoft Entra admin center")
                     .arg(what);
    f.powershell = QStringLiteral("# CA Lens wrote no script for this fix: %1.\n").arg(f.withheld);
    return f;
}

void addVerification(Diagnosis::Fix& fix, const FactSheet& sheet)
{
    const SignInRef& s = sheet.signIn();
    const QString since = qs(formatIso(s.createdMs()));
    const QString app = qs(s.str(SF::AppId));
    const bool workload = sheet.isWorkload();
    const QString idColumn = workload ? QStringLiteral("ServicePrincipalId") : QStringLiteral("UserId");
    fix.kql = QStringLiteral("%1\n| where TimeGenerated > datetime(%2)\n| where AppId == %3 and %4 == %5\n"
                             "| project TimeGenerated, ResultType, ConditionalAccessStatus, CorrelationId, IPAddress\n"
                             "| order by TimeGenerated desc")
                  .arg(qs(exporter::laTableOf(s.type())), since, text::kqlLiteral(app), idColumn,
                      text::kqlLiteral(sheet.principalId()));
    const QString type = qs(name(s.type() == SignInType::Unknown ? SignInType::InteractiveUser : s.type()));
    const QString filter
        = QStringLiteral("createdDateTime ge %1 and appId eq %2 and %3 eq %4 and signInEventTypes/any(t: t eq %5)")
              .arg(since, text::odataLiteral(app),
                  workload ? QStringLiteral("servicePrincipalId") : QStringLiteral("userId"),
                  text::odataLiteral(sheet.principalId()), text::odataLiteral(type));
    fix.graphFilter
        = QStringLiteral("GET %1/beta/auditLogs/signIns?$filter=%2").arg(kGraph, text::odataFilterForUrl(filter, true));
}

// A fix that is one change on one object: the script reads the live object and changes only that; the request
// shown is the read (the PATCH is built from what it returns: calens fix, or the script).
Diagnosis::Fix fromChange(fix::Change change)
{
    Diagnosis::Fix f;
    f.powershell = fix::changeScript(change, kGraph);
    f.graphRequest = { QStringLiteral("GET"), kGraph + fix::objectPath(change), "{}" };
    f.change = std::move(change);
    return f;
}

Diagnosis::Fix excludePrincipal(const Context& c)
{
    if (!text::isCanonicalGuid(c.policyId)) return withheld(QStringLiteral("the policy id"));
    if (!text::isCanonicalGuid(c.sheet.principalId())) return withheld(QStringLiteral("the principal id"));
    fix::Change change;
    // Workload identities are excluded where workload-identity policies assign them; accounts (people or the
    // accounts that run jobs) by their user object id.
    change.kind = c.sheet.isWorkload() ? fix::Change::Kind::ExcludeServicePrincipal : fix::Change::Kind::ExcludeUser;
    change.targetId = c.policyId;
    change.targetName = c.policyName;
    change.value = c.sheet.principalId();
    change.valueName = c.sheet.principalName();
    return fromChange(change);
}

// An IP named location that the blocking policy itself excludes, by id: adding the range there lets this sign-in
// through that policy and touches only the policies that name the same location.
const NamedLocation* excludedIpLocation(const Context& c, const Dataset& dataset)
{
    if (!c.def) return nullptr;
    for (const std::string& id : c.def->excludeLocations)
        for (const NamedLocation& loc : dataset.namedLocations())
            if (loc.id == id && loc.kind == NamedLocation::Kind::Ip && text::isCanonicalGuid(qs(loc.id))) return &loc;
    return nullptr;
}

Diagnosis::Fix addRangeToExcludedLocation(const Context& c, const Dataset& dataset)
{
    const std::optional<QString> cidr = c.cidr();
    if (!cidr) return withheld(QStringLiteral("the sign-in's IP address"));
    const NamedLocation* target = excludedIpLocation(c, dataset);
    if (!target) {
        // Never the first trusted location of the tenant: that would trust the address for every policy that
        // excludes "All trusted locations". The narrow change needs a new location of its own.
        Diagnosis::Fix f;
        f.withheld = QStringLiteral("the blocking policy excludes no IP location of its own; create one for this "
                                    "egress (not marked as trusted) and add it to the policy's excluded locations");
        f.powershell = QStringLiteral("# CA Lens wrote no script for this fix: %1.\n").arg(f.withheld);
        return f;
    }
    fix::Change change;
    change.kind = fix::Change::Kind::AddIpRange;
    change.targetId = qs(target->id);
    change.targetName = qs(target->displayName);
    change.value = *cidr;
    change.valueName = c.sheet.principalName();
    return fromChange(change);
}

// Risk is remediated on the object that carries it, by the one who can: never a request ready to send.
Diagnosis::Fix remediateRisk(const Context& c)
{
    Diagnosis::Fix f;
    const SignInRef& s = c.sheet.signIn();
    const std::string_view home = s.str(SF::HomeTenantId), resource = s.str(SF::ResourceTenantId);
    const bool guest = !home.empty() && !resource.empty() && home != resource;
    const bool userRisk = c.def && (!c.def->userRiskLevels.empty() || (c.def->grant & Grant::PasswordChange));
    const bool insider = c.def && !c.def->insiderRiskLevels.empty();
    if (guest) {
        f.withheld = QStringLiteral("the user's risk is computed in their home tenant (%1); only that tenant's "
                                    "administrators can remediate or dismiss it. Ask them, or review whether the "
                                    "risk policy should apply to guests")
                         .arg(qs(home));
    } else if (insider) {
        f.withheld = QStringLiteral("insider risk comes from Microsoft Purview Adaptive Protection, not Identity "
                                    "Protection: review the user's risk level there");
    } else if (c.sheet.isWorkload()) {
        if (!text::isCanonicalGuid(c.sheet.principalId())) return withheld(QStringLiteral("the principal id"));
        f.powershell = text::fillPowerShellTemplate(script("remediate-sp-risk"),
            { { QStringLiteral("principalId"), c.sheet.principalId() },
                { QStringLiteral("principalName"), c.sheet.principalName() } });
        f.graphRequest = { QStringLiteral("GET"),
            QStringLiteral("%1/v1.0/identityProtection/riskyServicePrincipals/%2").arg(kGraph, c.sheet.principalId()),
            "{}" };
    } else {
        if (!text::isCanonicalGuid(c.sheet.principalId())) return withheld(QStringLiteral("the principal id"));
        f.powershell = text::fillPowerShellTemplate(script("remediate-user-risk"),
            { { QStringLiteral("principalId"), c.sheet.principalId() },
                { QStringLiteral("principalName"), c.sheet.principalName() },
                { QStringLiteral("signInId"), c.d.signInId },
                { QStringLiteral("riskKind"), userRisk ? QStringLiteral("user") : QStringLiteral("signIn") } });
        f.graphRequest = { QStringLiteral("GET"),
            QStringLiteral("%1/v1.0/identityProtection/riskyUsers/%2").arg(kGraph, c.sheet.principalId()), "{}" };
    }
    if (!f.withheld.isEmpty())
        f.powershell = QStringLiteral("# CA Lens wrote no script for this fix: %1.\n").arg(f.withheld);
    return f;
}

Diagnosis::Fix lookOnly(const Context& c)
{
    Diagnosis::Fix f;
    f.powershell = text::fillPowerShellTemplate(script("list-enabled-policies"), {});
    if (c.policyId.isEmpty()) {
        const QString filter = QStringLiteral("correlationId eq %1").arg(text::odataLiteral(c.d.correlationId));
        f.graphRequest = { QStringLiteral("GET"),
            QStringLiteral("%1/beta/auditLogs/signIns?$filter=%2").arg(kGraph, text::odataFilterForUrl(filter, true)),
            "{}" };
    } else if (text::isCanonicalGuid(c.policyId)) {
        f.graphRequest = { QStringLiteral("GET"),
            QStringLiteral("%1/v1.0/identity/conditionalAccess/policies/%2").arg(kGraph, c.policyId), "{}" };
    }
    return f;
}

} // namespace

std::vector<Diagnosis::Fix> buildFixes(
    const Dataset& dataset, const FactSheet& sheet, const Diagnosis& d, const Flowchart& chart)
{
    std::vector<Diagnosis::Fix> out;
    std::set<std::string> done;
    const SignInRef& s = sheet.signIn();
    for (const Diagnosis::Cause& cause : d.causes) {
        const auto it = chart.causes.find(cause.id);
        if (it == chart.causes.end()) continue;
        Context c { sheet, d };
        for (const PolicyEval& e : s.evals())
            if (qs(s.policyId(e)) == cause.policyId && e.result == PolicyResult::Failure) {
                c.eval = &e;
                c.def = sheet.definition(e);
                c.policyId = cause.policyId;
                c.policyName = qs(s.policyName(e));
                break;
            }
        for (const std::string& fixId : it->second.fixes) {
            if (!done.insert(fixId + "@" + c.policyId.toStdString()).second) continue;
            Diagnosis::Fix f;
            if (fixId == "exclude-principal")
                f = excludePrincipal(c);
            else if (fixId == "add-trusted-ip")
                f = addRangeToExcludedLocation(c, dataset);
            else if (fixId == "remediate-risk")
                f = remediateRisk(c);
            else
                f = lookOnly(c);
            const Flowchart::Fix& text = chart.fixes.at(fixId);
            f.id = fixId;
            f.policyId = c.policyId;
            f.title = c.fill(QString::fromStdString(text.title));
            f.tab = c.fill(QString::fromStdString(text.tab));
            f.portal = c.fill(QString::fromStdString(text.portal));
            f.verify = c.fill(QString::fromStdString(text.verify));
            addVerification(f, sheet);
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace calens
