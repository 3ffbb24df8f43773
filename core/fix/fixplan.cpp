// SPDX-License-Identifier: MIT
#include "fixplan.h"

#include "model/jsontext.h"

namespace calens::fix {

using json = nlohmann::json;

namespace {
std::string u(const QString& s)
{
    return jsontext::utf8(s);
}
QString q(const json& j, const char* key)
{
    return QString::fromStdString(j.value(key, std::string()));
}
} // namespace

QString objectPath(const Change& change)
{
    return QStringLiteral("/%1/identity/conditionalAccess/%2/%3")
        .arg(QLatin1String(kObjectApiVersion), QLatin1String(change.collection()), change.targetId);
}

json FixPlan::toJson() const
{
    json out;
    out["fix"] = fixId;
    out["title"] = u(title);
    out["target"] = json { { "kind", change.target() == Change::Target::Policy ? "policy" : "namedLocation" },
        { "id", u(change.targetId) }, { "displayName", u(change.targetName) }, { "apiVersion", u(apiVersion) } };
    out["change"] = json { { "kind", change.kindName() }, { "path", change.path() }, { "value", u(change.value) },
        { "valueName", u(change.valueName) }, { "description", u(change.describe()) } };
    out["liveModifiedDateTime"] = liveModifiedDateTime;
    json d = json::array();
    for (const FieldChange& f : diff)
        d.push_back(json { { "path", f.path }, { "before", f.before }, { "after", f.after } });
    out["diff"] = d;
    out["request"] = json { { "method", u(method) }, { "url", u(url) }, { "body", body } };
    json collateral = json::array();
    for (const auto& c : blast.collateral)
        collateral.push_back(json { { "signInId", c.signInId }, { "policyId", c.policyId }, { "policy", c.policyName },
            { "before", c.before }, { "after", c.after }, { "identity", c.identity }, { "ipAddress", c.ipAddress } });
    out["blastRadius"] = json { { "fixed", blast.fixed }, { "notFixed", blast.notFixed },
        { "notFixedWhy", jsontext::list(blast.notFixedWhy) }, { "collateral", collateral },
        { "affectedPolicies", jsontext::list(blast.affectedPolicies) }, { "summary", jsontext::list(blast.summary) } };
    out["warnings"] = jsontext::list(warnings);
    out["why"] = jsontext::list(why);
    out["before"] = before;
    out["after"] = after;
    return out;
}

std::optional<FixPlan> FixPlan::fromJson(const json& j, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<FixPlan> {
        if (error) *error = why;
        return std::nullopt;
    };
    if (!j.is_object() || !j.contains("change") || !j.contains("target") || !j.contains("before")
        || !j.contains("after") || !j.contains("request"))
        return fail(QStringLiteral("not a CA Lens fix plan (written by calens fix --plan-out)"));
    FixPlan p;
    const json& c = j["change"];
    const json& t = j["target"];
    if (!c.is_object() || !t.is_object() || !Change::kindFromName(q(c, "kind"), &p.change.kind))
        return fail(QStringLiteral("the plan's change is not one CA Lens makes"));
    p.fixId = j.value("fix", std::string());
    p.title = q(j, "title");
    p.change.targetId = q(t, "id");
    p.change.targetName = q(t, "displayName");
    p.change.value = q(c, "value");
    p.change.valueName = q(c, "valueName");
    p.apiVersion = q(t, "apiVersion");
    if (!p.change.isWellFormed())
        return fail(QStringLiteral("the plan names an id or range that is not in its strict form"));
    if (p.apiVersion != QLatin1String(kObjectApiVersion))
        return fail(QStringLiteral("the plan was made with API version %1; this CA Lens reads and writes %2")
                        .arg(p.apiVersion, QLatin1String(kObjectApiVersion)));
    p.liveModifiedDateTime = j.value("liveModifiedDateTime", std::string());
    p.before = j["before"];
    p.after = j["after"];
    const json& r = j["request"];
    p.method = q(r, "method");
    p.url = q(r, "url");
    p.body = r.value("body", json::object());
    // The request is rebuilt from the change and compared, so an edited plan cannot send something else.
    if (p.url != objectPath(p.change) || (p.method != QLatin1String("PATCH")))
        return fail(QStringLiteral("the plan's request does not match its change"));
    return p;
}

} // namespace calens::fix
