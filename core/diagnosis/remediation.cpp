// SPDX-License-Identifier: MIT
#include "remediation.h"

#include "export/signinjson.h"
#include "facts.h"
#include "ingest/timestamp.h"
#include "text/quoting.h"
#include "text/safetext.h"
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

json currentConditions(const CaPolicy* def)
{
    if (!def) return json();
    json j = json::parse(def->json, nullptr, false);
    if (j.is_discarded() || !j.contains("conditions")) return json();
    return j["conditions"];
}

json listWith(json list, const std::string& add)
{
    if (!list.is_array()) list = json::array();
    for (const auto& v : list)
        if (v.is_string() && v.get<std::string>() == add) return list;
    list.push_back(add);
    return list;
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

Diagnosis::Fix excludePrincipal(const Context& c)
{
    if (!text::isCanonicalGuid(c.policyId)) return withheld(QStringLiteral("the policy id"));
    if (!text::isCanonicalGuid(c.sheet.principalId())) return withheld(QStringLiteral("the principal id"));
    Diagnosis::Fix f;
    const bool workload = c.sheet.isWorkload();
    const std::string id = c.sheet.principalId().toStdString();
    f.powershell = fillScript(script(workload ? "exclude-service-principal" : "exclude-user"),
        { { QStringLiteral("policyId"), c.policyId }, { QStringLiteral("policyName"), c.policyName },
            { QStringLiteral("principalId"), c.sheet.principalId() },
            { QStringLiteral("principalName"), c.sheet.principalName() } });
    const QString url = QStringLiteral("%1/v1.0/identity/conditionalAccess/policies/%2").arg(kGraph, c.policyId);
    const json conditions = currentConditions(c.def);
    if (conditions.is_null()) {
        // A PATCH replaces the whole users / clientApplications object: without the current policy, read it first.
        f.graphRequest = { QStringLiteral("GET"), url, "{}" };
        return f;
    }
    json body;
    if (workload) {
        json apps = conditions.value("clientApplications", json::object());
        if (!apps.is_object()) apps = json::object();
        apps["excludeServicePrincipals"] = listWith(apps.value("excludeServicePrincipals", json::array()), id);
        body["conditions"]["clientApplications"] = apps;
    } else {
        json users = conditions.value("users", json::object());
        if (!users.is_object()) users = json::object();
        users["excludeUsers"] = listWith(users.value("excludeUsers", json::array()), id);
        body["conditions"]["users"] = users;
    }
    f.graphRequest = { QStringLiteral("PATCH"), url, body.dump() };
    return f;
}

Diagnosis::Fix addTrustedIp(const Context& c, const Dataset& dataset)
{
    const std::optional<QString> cidr = c.cidr();
    if (!cidr) return withheld(QStringLiteral("the sign-in's IP address"));
    Diagnosis::Fix f;
    const NamedLocation* target = nullptr;
    for (const NamedLocation& loc : dataset.namedLocations())
        if (loc.kind == NamedLocation::Kind::Ip && loc.isTrusted && text::isCanonicalGuid(qs(loc.id))) {
            target = &loc;
            break;
        }
    const auto typeOf = [](const std::string& r) {
        return r.find(':') != std::string::npos ? "#microsoft.graph.iPv6CidrRange" : "#microsoft.graph.iPv4CidrRange";
    };
    const std::string range = cidr->toStdString();
    f.powershell = fillScript(script("add-trusted-ip"),
        { { QStringLiteral("cidr"), *cidr }, { QStringLiteral("cidrType"), QString::fromLatin1(typeOf(range)) },
            { QStringLiteral("namedLocationId"), target ? qs(target->id) : QString() },
            { QStringLiteral("namedLocationName"), target ? qs(target->displayName) : QStringLiteral("new") },
            { QStringLiteral("principalName"), c.sheet.principalName() } });
    auto cidrRange = [&typeOf](const std::string& r) {
        json j = json::object();
        j["@odata.type"] = typeOf(r);
        j["cidrAddress"] = r;
        return j;
    };
    json body = json::object();
    body["@odata.type"] = "#microsoft.graph.ipNamedLocation";
    json ranges = json::array();
    if (target) {
        for (const std::string& r : target->rangeTexts) ranges.push_back(cidrRange(r));
        ranges.push_back(cidrRange(range));
        body["ipRanges"] = ranges;
        f.graphRequest = { QStringLiteral("PATCH"),
            QStringLiteral("%1/v1.0/identity/conditionalAccess/namedLocations/%2").arg(kGraph, qs(target->id)),
            body.dump() };
    } else {
        ranges.push_back(cidrRange(range));
        body["displayName"] = "Trusted egress: " + c.sheet.principalName().toStdString();
        body["isTrusted"] = true;
        body["ipRanges"] = ranges;
        f.graphRequest = { QStringLiteral("POST"),
            kGraph + QStringLiteral("/v1.0/identity/conditionalAccess/namedLocations"), body.dump() };
    }
    return f;
}

Diagnosis::Fix remediateRisk(const Context& c)
{
    if (!text::isCanonicalGuid(c.sheet.principalId())) return withheld(QStringLiteral("the principal id"));
    Diagnosis::Fix f;
    const bool workload = c.sheet.isWorkload();
    f.powershell = fillScript(script(workload ? "remediate-sp-risk" : "remediate-user-risk"),
        { { QStringLiteral("principalId"), c.sheet.principalId() },
            { QStringLiteral("principalName"), c.sheet.principalName() } });
    json ids = json::array();
    ids.push_back(c.sheet.principalId().toStdString());
    json body = json::object();
    body[workload ? "servicePrincipalIds" : "userIds"] = ids;
    f.graphRequest = { QStringLiteral("POST"),
        kGraph
            + (workload ? QStringLiteral("/v1.0/identityProtection/riskyServicePrincipals/dismiss")
                        : QStringLiteral("/v1.0/identityProtection/riskyUsers/dismiss")),
        body.dump() };
    return f;
}

Diagnosis::Fix lookOnly(const Context& c)
{
    Diagnosis::Fix f;
    f.powershell = fillScript(script("list-enabled-policies"), {});
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

QString fillScript(QString text, const std::map<QString, QString>& values)
{
    // One pass over the template: a value is never scanned again, so one that looks like "{{key}}" stays data.
    QString out;
    out.reserve(text.size() + 256);
    qsizetype done = 0, at;
    while ((at = text.indexOf(QLatin1String("{{"), done)) >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("}}"), at + 2);
        if (end < 0) break;
        out += QStringView(text).mid(done, at - done);
        const auto it = values.find(text.mid(at + 2, end - at - 2));
        out += text::powershellLiteral(it != values.end() ? text::singleLine(it->second) : QString());
        done = end + 2;
    }
    out += QStringView(text).mid(done);
    return out;
}

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
            else if (fixId == "add-trusted-ip" || fixId == "trusted-location-for-host")
                f = addTrustedIp(c, dataset);
            else if (fixId == "remediate-risk")
                f = remediateRisk(c);
            else
                f = lookOnly(c);
            const Flowchart::Fix& text = chart.fixes.at(fixId);
            f.id = fixId;
            f.policyId = c.policyId;
            f.title = c.fill(QString::fromStdString(text.title));
            f.portal = c.fill(QString::fromStdString(text.portal));
            f.verify = c.fill(QString::fromStdString(text.verify));
            addVerification(f, sheet);
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace calens
