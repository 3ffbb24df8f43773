// SPDX-License-Identifier: MIT
#include "tenantstore.h"

#include "export/jsonout.h"
#include "export/signinjson.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "synth/synthesize.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace calens::emulator {

namespace {

std::string s(std::string_view v)
{
    return std::string(v);
}

QString q(const std::string& v)
{
    return QString::fromStdString(v);
}

bool typeSelected(SignInType t, const ODataFilter& f, bool beta)
{
    if (!beta || !f.hasEventTypes) return t == SignInType::InteractiveUser; // Graph's default
    const QString name = QString::fromLatin1(calens::name(t).data(), qsizetype(calens::name(t).size())).toLower();
    return f.eventTypes.count(name) > 0;
}

} // namespace

TenantStore::TenantStore(uint64_t seed, int signIns, int days)
{
    SynthOptions options;
    options.seed = seed;
    options.signIns = size_t(std::max(0, signIns));
    options.days = days;
    Dataset data;
    synthesize(options, data);
    m_records.reserve(data.signInCount());
    const exporter::SignInJsonStyle style;
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        const SignInRef r = data.signIn(row);
        Record rec;
        rec.id = s(r.str(SF::Id));
        rec.correlationId = s(r.str(SF::CorrelationId));
        rec.userId = s(r.str(SF::UserId));
        rec.appId = s(r.str(SF::AppId));
        rec.createdMs = r.createdMs();
        rec.errorCode = r.hasErrorCode() ? r.errorCode() : 0;
        rec.type = r.type();
        exporter::appendSignInJson(rec.json, r, style);
        rec.caPolicyAt = rec.json.find(",\"appliedConditionalAccessPolicies\":");
        m_records.push_back(std::move(rec));
    }
    std::stable_sort(
        m_records.begin(), m_records.end(), [](const Record& a, const Record& b) { return a.createdMs > b.createdMs; });
    for (const CaPolicy& p : data.policies()) m_policies.push_back(p.json);
    for (const NamedLocation& n : data.namedLocations()) m_namedLocations.push_back(n.json);
    for (const ServicePrincipal& sp : data.servicePrincipals())
        m_servicePrincipals.push_back({ sp.id, sp.appId, sp.json });
    // One "Update conditional access policy" audit per policy, spread over the tenant's days. As in Entra,
    // the policy before and after the change travel as JSON text in one "ConditionalAccessPolicy"
    // modified property; here the change is the policy's state (report-only or off before).
    for (size_t i = 0; i < data.policies().size(); ++i) {
        const CaPolicy& p = data.policies()[i];
        const int64_t when
            = options.startMs + int64_t(i) * 86400000LL * std::max(1, days) / int64_t(data.policies().size() + 1);
        nlohmann::json before = nlohmann::json::parse(p.json, nullptr, false);
        if (before.is_object())
            before["state"] = p.stateText == "enabled" ? "enabledForReportingButNotEnforced" : "disabled";
        std::string a = "{\"id\":\"Policy_audit_" + std::to_string(i) + "\",\"category\":\"Policy\",";
        a += "\"correlationId\":\"" + std::to_string(1000 + i) + "\",";
        a += "\"activityDateTime\":\"" + formatIso(when)
            + "\",\"activityDisplayName\":\"Update conditional access policy\",\"operationType\":\"Update\",";
        a += "\"initiatedBy\":{\"app\":null,\"user\":{\"id\":\"4c3b3e4d-0000-4000-8000-00000000ad01\","
             "\"displayName\":\"CA Administrator\",\"userPrincipalName\":\"ca-admin@contoso.com\","
             "\"ipAddress\":\"203.0.113.10\"}},";
        a += "\"loggedByService\":\"Conditional Access\",\"result\":\"success\",\"resultReason\":\"\",";
        a += "\"targetResources\":[{\"id\":";
        exporter::appendString(a, p.id);
        a += ",\"displayName\":";
        exporter::appendString(a, p.displayName);
        a += ",\"type\":\"Policy\",\"modifiedProperties\":[{\"displayName\":\"ConditionalAccessPolicy\",\"oldValue\":";
        exporter::appendString(a, before.is_object() ? before.dump() : std::string());
        a += ",\"newValue\":";
        exporter::appendString(a, p.json);
        a += "}]}]}";
        m_audits.emplace_back(when, std::move(a));
    }
}

std::vector<size_t> TenantStore::select(const ODataFilter& f, bool beta) const
{
    std::vector<size_t> out;
    for (size_t i = 0; i < m_records.size(); ++i) {
        const Record& r = m_records[i];
        if (r.createdMs < f.fromMs || r.createdMs > f.toMs) continue;
        if (!typeSelected(r.type, f, beta)) continue;
        if (f.errorCode && r.errorCode != *f.errorCode) continue;
        if (!f.correlationId.isEmpty() && q(r.correlationId) != f.correlationId) continue;
        if (!f.userId.isEmpty() && q(r.userId) != f.userId) continue;
        if (!f.appId.isEmpty() && q(r.appId) != f.appId) continue;
        if (!f.id.isEmpty() && q(r.id) != f.id) continue;
        out.push_back(i);
    }
    return out;
}

std::string TenantStore::render(size_t index, bool preferUnknownEnums, bool hideCaPolicies) const
{
    const Record& r = m_records[index];
    if (hideCaPolicies && r.caPolicyAt != std::string::npos) return r.json.substr(0, r.caPolicyAt) + '}';
    if (preferUnknownEnums) return r.json;
    std::string out = r.json;
    for (const char* from : { "\"result\":\"reportOnlySuccess\"", "\"result\":\"reportOnlyFailure\"",
             "\"result\":\"reportOnlyNotApplied\"", "\"result\":\"reportOnlyInterrupted\"" }) {
        const std::string needle(from);
        for (size_t at = out.find(needle); at != std::string::npos; at = out.find(needle, at))
            out.replace(at, needle.size(), "\"result\":\"unknownFutureValue\"");
    }
    return out;
}

std::vector<std::string> TenantStore::audits(const ODataFilter& f) const
{
    std::vector<std::string> out;
    for (const auto& [when, json] : m_audits)
        if (when >= f.fromMs && when <= f.toMs && (f.category.isEmpty() || f.category == QLatin1String("Policy")))
            out.push_back(json);
    return out;
}

} // namespace calens::emulator
