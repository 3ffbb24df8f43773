// SPDX-License-Identifier: MIT
#include "filterengine.h"

#include "diagnosis/incidents.h"
#include "model/signinref.h"

#include <algorithm>

namespace calens {

namespace {

using F = FilterTerm::Field;

struct Compiled
{
    const FilterTerm* term;
    std::vector<uint8_t> hits; // by string id, for text terms
    std::vector<uint8_t> policyHits; // by policy ref, for policy/text terms
    std::vector<SF> fields;
};

std::vector<SF> fieldsOf(F f)
{
    switch (f) {
    case F::Text:
        return { SF::UserPrincipalName, SF::UserDisplayName, SF::ServicePrincipalName, SF::AppDisplayName,
            SF::ResourceDisplayName, SF::IpAddress, SF::CorrelationId, SF::Id, SF::FailureReason, SF::DeviceName,
            SF::City, SF::Country };
    case F::Identity:
        return { SF::UserPrincipalName, SF::UserDisplayName, SF::ServicePrincipalName, SF::ServicePrincipalId,
            SF::UserId };
    case F::App:
        return { SF::AppDisplayName, SF::AppId };
    case F::Resource:
        return { SF::ResourceDisplayName, SF::ResourceId };
    case F::Ip:
        return { SF::IpAddress };
    case F::Country:
        return { SF::Country, SF::City, SF::State };
    case F::ClientApp:
        return { SF::ClientAppUsed };
    case F::Correlation:
        return { SF::CorrelationId };
    case F::RequestId:
        return { SF::Id };
    case F::Device:
        return { SF::DeviceName, SF::DeviceId, SF::OperatingSystem, SF::Browser, SF::TrustType };
    default:
        return {};
    }
}

bool contains(const std::vector<uint8_t>& set, uint8_t v)
{
    for (uint8_t x : set)
        if (x == v) return true;
    return false;
}

// The policy took part in the decision: enforced, or evaluated in report-only mode and would have.
bool applied(PolicyResult r)
{
    return r == PolicyResult::Success || r == PolicyResult::Failure || r == PolicyResult::ReportOnlySuccess
        || r == PolicyResult::ReportOnlyFailure || r == PolicyResult::ReportOnlyInterrupted;
}

bool evalMatches(const PolicyEval& e, const Compiled& c, bool resultGiven)
{
    switch (c.term->field) {
    case F::Policy:
        return e.policy < c.policyHits.size() && c.policyHits[e.policy] && (resultGiven || applied(e.result));
    case F::Result:
        return contains(c.term->enums, uint8_t(e.result));
    case F::Control:
        return e.result == PolicyResult::Failure && (e.grant & c.term->grantBits);
    default:
        return false;
    }
}

} // namespace

std::vector<uint32_t> applyFilter(const Dataset& d, const SearchIndex& index, const Filter& filter,
    const std::atomic<bool>* cancel, uint32_t from, uint32_t to)
{
    // Rows first: while a file loads, every string and policy of a counted row is already pooled.
    to = uint32_t(std::min<size_t>(to, d.signInCount()));
    std::vector<Compiled> rowTerms, evalTerms, negEvalTerms;
    std::vector<int8_t> ipInRange; // by string id: -1 unknown yet, 0 no, 1 yes (one range term at a time is enough)
    for (const FilterTerm& t : filter.terms) {
        Compiled c { &t, {}, {}, fieldsOf(t.field) };
        if (!c.fields.empty() && !(t.field == F::Ip && t.range)) c.hits = index.containing(t.lower);
        if (t.field == F::Policy || t.field == F::Text) {
            c.policyHits.assign(d.policyRefs().size(), 0);
            for (size_t i = 0; i < c.policyHits.size(); ++i) {
                // A policy first named after the index was extended belongs to rows beyond `to` (loading).
                const PolicyRef& r = d.policyRefs()[i];
                if (r.displayName >= index.size() || r.id >= index.size()) continue;
                c.policyHits[i] = index.lower(r.displayName).find(t.lower) != std::string_view::npos
                    || index.lower(r.id).find(t.lower) != std::string_view::npos;
            }
        }
        const bool evalTerm = t.field == F::Policy || t.field == F::Result || t.field == F::Control;
        (evalTerm ? (t.negated ? negEvalTerms : evalTerms) : rowTerms).push_back(std::move(c));
    }
    // A result: or control: term says which results count; without one, policy: means "applied".
    const bool resultGiven = std::any_of(evalTerms.begin(), evalTerms.end(),
        [](const Compiled& c) { return c.term->field == F::Result || c.term->field == F::Control; });
    std::vector<uint32_t> out;
    out.reserve((to - std::min(from, to)) / 4);
    for (uint32_t row = from; row < to; ++row) {
        if ((row & 65535) == 0 && cancel && cancel->load(std::memory_order_relaxed)) return {};
        const SignInRef s = d.signIn(row);
        bool ok = true;
        for (const Compiled& c : rowTerms) {
            const FilterTerm& t = *c.term;
            bool m = false;
            switch (t.field) {
            case F::Error:
                m = s.hasErrorCode()
                    && (t.number < 0 ? isConditionalAccessBlock(s.errorCode()) : s.errorCode() == t.number);
                break;
            case F::Type:
                m = contains(t.enums, uint8_t(s.type()));
                break;
            case F::CaStatus:
                m = contains(t.enums, uint8_t(s.caStatus()));
                break;
            case F::Risk:
                m = contains(t.enums, uint8_t(s.riskDuringSignIn())) || contains(t.enums, uint8_t(s.riskAggregated()));
                break;
            case F::After:
                m = s.createdMs() != INT64_MIN && s.createdMs() >= t.number;
                break;
            case F::Before:
                m = s.createdMs() != INT64_MIN && s.createdMs() < t.number;
                break;
            case F::Ip:
                if (t.range) {
                    const StrId ipId = s.strId(SF::IpAddress);
                    if (ipInRange.size() <= ipId) ipInRange.resize(std::max<size_t>(d.strings().size(), ipId + 1), -1);
                    if (ipInRange[ipId] < 0) {
                        const auto ip = IpAddress::parse(s.str(SF::IpAddress));
                        ipInRange[ipId] = ip && t.range->contains(*ip);
                    }
                    m = ipInRange[ipId] == 1;
                    break;
                }
                [[fallthrough]];
            default:
                for (SF f : c.fields)
                    if (const StrId id = s.strId(f); id < c.hits.size() && c.hits[id]) {
                        m = true;
                        break;
                    }
                if (!m && t.field == F::Text)
                    for (const PolicyEval& e : s.evals())
                        if ((e.result == PolicyResult::Failure || e.result == PolicyResult::ReportOnlyFailure)
                            && e.policy < c.policyHits.size() && c.policyHits[e.policy]) {
                            m = true;
                            break;
                        }
            }
            if (m == t.negated) {
                ok = false;
                break;
            }
        }
        if (!ok) continue;
        if (!evalTerms.empty()) {
            // policy:, result: and control: describe one and the same evaluation.
            bool any = false;
            for (const PolicyEval& e : s.evals()) {
                bool all = true;
                for (const Compiled& c : evalTerms) all = all && evalMatches(e, c, resultGiven);
                if (all) {
                    any = true;
                    break;
                }
            }
            if (!any) continue;
        }
        for (const Compiled& c : negEvalTerms)
            for (const PolicyEval& e : s.evals())
                if (evalMatches(e, c, false)) ok = false;
        if (ok) out.push_back(row);
    }
    return out;
}

std::vector<uint32_t> evalRows(const Dataset& d, const std::vector<uint32_t>& signIns,
    const std::vector<uint8_t>& results, const std::atomic<bool>* cancel)
{
    std::vector<uint32_t> out;
    size_t done = 0;
    for (uint32_t row : signIns) {
        if (cancel && (++done & 0xFFFF) == 0 && *cancel) return {};
        const SignInRef s = d.signIn(row);
        const uint32_t first = s.firstEval();
        const auto list = s.evals();
        for (size_t i = 0; i < list.size(); ++i)
            if (results.empty() || contains(results, uint8_t(list[i].result))) out.push_back(first + uint32_t(i));
    }
    return out;
}

} // namespace calens
