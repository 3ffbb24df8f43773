// SPDX-License-Identifier: MIT
#include "filterengine.h"

#include "diagnosis/incidents.h"
#include "model/signinref.h"
#include "parallel.h"

#include <algorithm>

namespace calens {

namespace {

using F = FilterTerm::Field;

constexpr uint32_t kRowsPerPiece = 1 << 16; // a piece of the scan: one thread's unit of work

constexpr uint16_t bitOf(PolicyResult r)
{
    return uint16_t(1u << unsigned(r));
}
// The policy took part in the decision: enforced, or evaluated in report-only mode and would have.
constexpr uint16_t kApplied = bitOf(PolicyResult::Success) | bitOf(PolicyResult::Failure)
    | bitOf(PolicyResult::ReportOnlySuccess) | bitOf(PolicyResult::ReportOnlyFailure)
    | bitOf(PolicyResult::ReportOnlyInterrupted);
constexpr uint16_t kFailed = bitOf(PolicyResult::Failure) | bitOf(PolicyResult::ReportOnlyFailure);
constexpr uint16_t kAnyResult = 0xFFFF;

struct Compiled
{
    const FilterTerm* term = nullptr;
    std::vector<uint8_t> hits; // by string id, for text terms and IP ranges
    std::vector<uint8_t> policyHits; // by policy ref, for policy/text terms
    bool anyPolicyHit = false;
    uint64_t policyBits = 0; // SearchIndex::policyBit() of each policy hit
    std::vector<SF> fields; // the fields a row is checked in
    uint16_t results = kAnyResult; // the results an evaluation needs to match this (eval terms)
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

bool applied(PolicyResult r)
{
    return bitOf(r) & kApplied;
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

// The filter, compiled once against the dataset and its index, then asked row by row from every thread.
struct Plan
{
    std::vector<Compiled> rowTerms, evalTerms, negEvalTerms;
    bool resultGiven = false;
    bool summaries = false; // the index's per-row summaries cover the rows asked about
    uint16_t evalNeed = kAnyResult; // results the one evaluation that matches every eval term can have
    uint16_t grantNeed = 0; // a lone control term: the failed controls the sign-in must have
    // The policy terms: the one evaluation is of a policy every one of them names, so its bit is in all.
    uint64_t policyNeed = ~uint64_t(0);
    bool failedOnly = false; // evalNeed is Failure: failed policies, not merely applied ones, must have the bit
    bool summaryDecides = false; // the summaries answer the eval terms without reading evaluations
};

// IP ranges: each distinct address is parsed once (by the index), not once per sign-in.
std::vector<uint8_t> inRange(const Dataset& d, const SearchIndex& index, const IpRange& range, bool summaries)
{
    std::vector<uint8_t> hits(index.size(), 0);
    if (summaries) {
        for (const auto& [id, ip] : index.addresses()) hits[id] = range.contains(ip);
        return hits;
    }
    for (StrId id = 1; id < index.size(); ++id) {
        const auto ip = IpAddress::parse(d.text(id));
        hits[id] = ip && range.contains(*ip);
    }
    return hits;
}

Plan compile(const Dataset& d, const SearchIndex& index, const Filter& filter, bool useIndex, uint32_t to)
{
    Plan p;
    p.summaries = useIndex && to <= index.rows();
    for (const FilterTerm& t : filter.terms) {
        Compiled c;
        c.term = &t;
        c.fields = fieldsOf(t.field);
        if (!c.fields.empty()) {
            uint32_t mask = 0;
            for (SF f : c.fields) mask |= SearchIndex::fieldBit(f) ? SearchIndex::fieldBit(f) : SearchIndex::kAllFields;
            if (!p.summaries) mask = SearchIndex::kAllFields;
            c.hits = t.field == F::Ip && t.range ? inRange(d, index, *t.range, p.summaries)
                                                 : index.containing(t.lower, mask, useIndex);
            if (p.summaries) {
                // Check per row only the fields where some string matches (a term in few fields is cheap).
                uint32_t hitFields = 0;
                for (size_t id = 1; id < c.hits.size(); ++id)
                    if (c.hits[id]) hitFields |= index.fieldsOf(StrId(id));
                std::erase_if(c.fields,
                    [&](SF f) { return SearchIndex::fieldBit(f) && !(SearchIndex::fieldBit(f) & hitFields); });
            }
        }
        if (t.field == F::Policy || t.field == F::Text) {
            c.policyHits.assign(d.policyRefs().size(), 0);
            for (size_t i = 0; i < c.policyHits.size(); ++i) {
                // A policy first named after the index was extended belongs to rows beyond `to` (loading).
                const PolicyRef& r = d.policyRefs()[i];
                if (r.displayName >= index.size() || r.id >= index.size()) continue;
                c.policyHits[i] = index.lower(r.displayName).find(t.lower) != std::string_view::npos
                    || index.lower(r.id).find(t.lower) != std::string_view::npos;
                c.anyPolicyHit |= c.policyHits[i];
                if (c.policyHits[i]) c.policyBits |= SearchIndex::policyBit(uint32_t(i));
            }
        }
        const bool evalTerm = t.field == F::Policy || t.field == F::Result || t.field == F::Control;
        (evalTerm ? (t.negated ? p.negEvalTerms : p.evalTerms) : p.rowTerms).push_back(std::move(c));
    }
    // A result: or control: term says which results count; without one, policy: means "applied".
    p.resultGiven = std::any_of(p.evalTerms.begin(), p.evalTerms.end(),
        [](const Compiled& c) { return c.term->field == F::Result || c.term->field == F::Control; });
    auto need = [](Compiled& c, bool resultGiven) {
        switch (c.term->field) {
        case F::Policy:
            c.results = resultGiven ? kAnyResult : kApplied;
            break;
        case F::Result:
            c.results = 0;
            for (uint8_t r : c.term->enums) c.results |= uint16_t(1u << r);
            break;
        default: // control
            c.results = bitOf(PolicyResult::Failure);
        }
    };
    bool onlyResults = !p.evalTerms.empty();
    for (Compiled& c : p.evalTerms) {
        need(c, p.resultGiven);
        p.evalNeed &= c.results;
        onlyResults &= c.term->field == F::Result;
        if (c.term->field == F::Policy) p.policyNeed &= c.policyBits;
    }
    p.failedOnly = (p.evalNeed & ~bitOf(PolicyResult::Failure)) == 0;
    // Only results outside "applied" (notApplied, …) leave the applied-policy bits saying nothing.
    if (p.evalNeed & ~kApplied) p.policyNeed = ~uint64_t(0);
    for (Compiled& c : p.negEvalTerms) need(c, false);
    const bool loneControl = p.evalTerms.size() == 1 && p.evalTerms[0].term->field == F::Control;
    if (loneControl) p.grantNeed = p.evalTerms[0].term->grantBits;
    // Result terms ask for one evaluation whose result is in all of them: the sign-in has one or not. A lone
    // control term asks for a failed evaluation requiring it: the failed controls say.
    p.summaryDecides = p.summaries && (onlyResults || loneControl);
    return p;
}

bool rowMatches(const Dataset& d, const SearchIndex& index, const Plan& p, uint32_t row)
{
    const SignInRef s = d.signIn(row);
    const uint16_t results = p.summaries ? index.resultsOf(row) : kAnyResult;
    for (const Compiled& c : p.rowTerms) {
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
        case F::After: {
            const int64_t at = s.createdMs();
            m = at != INT64_MIN && at >= t.number;
            break;
        }
        case F::Before: {
            const int64_t at = s.createdMs();
            m = at != INT64_MIN && at < t.number;
            break;
        }
        default:
            for (SF f : c.fields)
                if (const StrId id = s.strId(f); id < c.hits.size() && c.hits[id]) {
                    m = true;
                    break;
                }
            if (!m && t.field == F::Text && c.anyPolicyHit && (results & kFailed)
                && (!p.summaries || (index.appliedPoliciesOf(row) & c.policyBits)))
                for (const PolicyEval& e : s.evals())
                    if ((e.result == PolicyResult::Failure || e.result == PolicyResult::ReportOnlyFailure)
                        && e.policy < c.policyHits.size() && c.policyHits[e.policy]) {
                        m = true;
                        break;
                    }
        }
        if (m == t.negated) return false;
    }
    if (!p.evalTerms.empty()) {
        if (!(results & p.evalNeed)) return false;
        if (p.grantNeed && p.summaries && !(index.failedGrantsOf(row) & p.grantNeed)) return false;
        if (p.summaries && ~p.policyNeed) {
            const uint64_t has = p.failedOnly ? index.failedPoliciesOf(row) : index.appliedPoliciesOf(row);
            if (!(has & p.policyNeed)) return false;
        }
        if (!p.summaryDecides) {
            // policy:, result: and control: describe one and the same evaluation.
            bool any = false;
            for (const PolicyEval& e : s.evals()) {
                bool all = true;
                for (const Compiled& c : p.evalTerms) all = all && evalMatches(e, c, p.resultGiven);
                if (all) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
    }
    for (const Compiled& c : p.negEvalTerms) {
        if (!(results & c.results)) continue; // no evaluation of the sign-in can match it
        if (c.term->field == F::Control && p.summaries && !(index.failedGrantsOf(row) & c.term->grantBits)) continue;
        if (c.term->field == F::Policy && p.summaries && !(index.appliedPoliciesOf(row) & c.policyBits)) continue;
        for (const PolicyEval& e : s.evals())
            if (evalMatches(e, c, false)) return false;
    }
    return true;
}

} // namespace

std::vector<uint32_t> applyFilter(const Dataset& d, const SearchIndex& index, const Filter& filter,
    const std::atomic<bool>* cancel, uint32_t from, uint32_t to, const ScanOptions& options)
{
    // Rows first: while a file loads, every string and policy of a counted row is already pooled.
    to = uint32_t(std::min<size_t>(to, d.signInCount()));
    from = std::min(from, to);
    const Plan plan = compile(d, index, filter, options.useIndex, to);
    // Pieces of the rows on every core; each keeps its matches in row order, and the pieces are joined in order.
    const uint32_t pieces = (to - from + kRowsPerPiece - 1) / kRowsPerPiece;
    std::vector<std::vector<uint32_t>> found(pieces);
    parallelFor(pieces, options.threads, [&](size_t piece) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return;
        const uint32_t first = from + uint32_t(piece) * kRowsPerPiece;
        const uint32_t last = std::min(to, first + kRowsPerPiece);
        std::vector<uint32_t>& out = found[piece];
        for (uint32_t row = first; row < last; ++row)
            if (rowMatches(d, index, plan, row)) out.push_back(row);
    });
    if (cancel && cancel->load()) return {};
    size_t total = 0;
    for (const auto& f : found) total += f.size();
    std::vector<uint32_t> out;
    out.reserve(total);
    for (const auto& f : found) out.insert(out.end(), f.begin(), f.end());
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
