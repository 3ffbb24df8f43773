// SPDX-License-Identifier: MIT
#include "dataset.h"

#include "signinref.h"

#include <algorithm>
#include <cstdlib>

namespace calens {

namespace {
// Extras layout: [nInclude, nExclude, nCustom, authStrengthId, authStrengthName, resultText,
//                 include (cond<<8|rule, text) pairs..., exclude pairs..., custom name ids...]
constexpr uint32_t kExtrasHeader = 6;
} // namespace

const char* stateName(PolicyState s)
{
    switch (s) {
    case PolicyState::Enabled:
        return "enabled";
    case PolicyState::Disabled:
        return "disabled";
    case PolicyState::ReportOnly:
        return "enabledForReportingButNotEnforced";
    case PolicyState::Unknown:
        break;
    }
    return "unknown";
}

Dataset::Dataset()
{
    m_extras.push_back(0); // offset 0 means "no extras"
}

Dataset::AddResult Dataset::add(const SignInDraft& d, uint16_t input)
{
    AddResult result = AddResult::Added;
    uint32_t row = uint32_t(m_created.size());
    const StrId id = m_strings.intern(d.get(SF::Id));
    if (id != 0) {
        if (m_rowOfId.size() <= id) m_rowOfId.resize(size_t(id) * 3 / 2 + 1024, 0);
        const uint32_t existing = m_rowOfId[id];
        // The same request id at clearly different times is not the same sign-in (redacted exports
        // repeat placeholder ids); exports differ in time precision, so within a second counts as equal.
        const int64_t before = existing ? m_created.load(existing - 1) : INT64_MIN;
        const bool sameEvent
            = existing && (d.createdMs == INT64_MIN || before == INT64_MIN || std::llabs(d.createdMs - before) < 1000);
        if (sameEvent) {
            const uint32_t old = existing - 1;
            const bool richer = d.policyDetail == Tristate::True && m_policyDetail.load(old) != uint8_t(Tristate::True);
            if (!richer) return AddResult::Duplicate;
            row = old;
            result = AddResult::Replaced;
        } else {
            m_rowOfId[id] = row + 1;
        }
    }
    if (result == AddResult::Added) {
        for (auto& col : m_str) col.push_back(0);
        m_created.push_back(0);
        m_errorCode.push_back(0);
        for (auto* col :
            { &m_type, &m_interactive, &m_caStatus, &m_riskDuring, &m_riskAggregated, &m_riskState, &m_authReq,
                &m_msiType, &m_transfer, &m_compliant, &m_managed, &m_networkTypes, &m_policyDetail, &m_hasErrorCode })
            col->push_back(0);
        m_input.push_back(0);
        m_sourceOffset.push_back(0);
        m_sourceLength.push_back(0);
        m_evalSpan.push_back(0);
    }
    writeRow(row, d, input, id);
    if (result == AddResult::Added)
        m_published.n.store(size_t(row) + 1, std::memory_order_release);
    else
        m_rewrites.n.fetch_add(1, std::memory_order_acq_rel);
    return result;
}

void Dataset::writeRow(uint32_t row, const SignInDraft& d, uint16_t input, StrId id)
{
    m_str[size_t(SF::Id)].set(row, id);
    for (size_t f = 1; f < kStrFieldCount; ++f) m_str[f].set(row, m_strings.intern(d.str[f]));
    m_created.set(row, d.createdMs);
    m_errorCode.set(row, d.errorCode);
    m_hasErrorCode.set(row, d.hasErrorCode);
    m_type.set(row, uint8_t(d.type));
    m_interactive.set(row, uint8_t(d.isInteractive));
    m_caStatus.set(row, uint8_t(d.caStatus));
    m_riskDuring.set(row, uint8_t(d.riskDuringSignIn));
    m_riskAggregated.set(row, uint8_t(d.riskAggregated));
    m_riskState.set(row, uint8_t(d.riskState));
    m_authReq.set(row, uint8_t(d.authRequirement));
    m_msiType.set(row, uint8_t(d.msiType));
    m_transfer.set(row, uint8_t(d.transferMethod));
    m_compliant.set(row, uint8_t(d.isCompliant));
    m_managed.set(row, uint8_t(d.isManaged));
    m_networkTypes.set(row, d.networkTypes);
    m_policyDetail.set(row, uint8_t(d.policyDetail));
    m_input.set(row, input);
    m_sourceOffset.set(row, d.sourceOffset);
    m_sourceLength.set(row, d.sourceLength);
    writeEvals(row, d);
}

void Dataset::setEvals(uint32_t row, const SignInDraft& d)
{
    writeEvals(row, d);
    m_policyDetail.set(row, uint8_t(Tristate::True));
    m_rewrites.n.fetch_add(1, std::memory_order_acq_rel);
}

void Dataset::writeEvals(uint32_t row, const SignInDraft& d)
{
    // A replaced row's old evaluations stay orphaned in the store; replacements are rare. The new list
    // is written in full before the row points at it, so a reader sees the old list or the new one.
    const size_t n = std::min<size_t>(d.policyCount, UINT16_MAX);
    const size_t first = m_evals.appendRun(n); // nobody reads the run before the row points at it
    for (size_t i = 0; i < n; ++i) {
        const PolicyEvalDraft& p = d.policies[i];
        PolicyEval& e = m_evals.run(first)[i];
        e.signIn = row;
        e.policy = policyRefFor(i, p.id, p.displayName);
        e.result = p.result;
        e.authStrengthResult = p.authStrengthResult;
        e.grant = p.grant;
        e.session = p.session;
        e.sessionNotSatisfied = p.sessionNotSatisfied;
        e.conditionsSatisfied = p.conditionsSatisfied;
        e.conditionsNotSatisfied = p.conditionsNotSatisfied;
        e.extras = storeExtras(p);
    }
    m_evalSpan.set(row, (uint64_t(first) << 16) | n);
}

uint32_t Dataset::policyRefFor(size_t position, std::string_view id, std::string_view name)
{
    // Sign-ins of one tenant list the same policies in the same order: try the previous answer first.
    if (position < m_policyRefAt.size()) {
        const PolicyRef& last = m_policyRefs[m_policyRefAt[position]];
        if (text(last.id) == id && text(last.displayName) == name) return m_policyRefAt[position];
    }
    const StrId idId = m_strings.intern(id);
    const StrId nameId = m_strings.intern(name);
    const uint64_t key = (uint64_t(idId) << 32) | nameId;
    auto [it, inserted] = m_policyRefIndex.try_emplace(key, uint32_t(m_policyRefs.size()));
    if (inserted) m_policyRefs.push_back({ idId, nameId });
    if (position >= m_policyRefAt.size()) m_policyRefAt.resize(position + 1, it->second);
    m_policyRefAt[position] = it->second;
    return it->second;
}

void Dataset::pushRules(const std::vector<RuleDraft>& rules)
{
    for (const RuleDraft& r : rules) {
        m_extras.push_back((uint32_t(r.condition) << 8) | r.rule);
        m_extras.push_back(r.rule == kRuleUnknown ? m_strings.intern(r.ruleText) : 0);
    }
}

uint32_t Dataset::storeExtras(const PolicyEvalDraft& p)
{
    const bool unknownResult = p.result == PolicyResult::Unknown && !p.resultText.empty();
    if (p.includeRules.empty() && p.excludeRules.empty() && p.customGrants.empty() && p.authStrengthId.empty()
        && p.authStrengthName.empty() && !unknownResult)
        return 0;
    const uint32_t at = uint32_t(m_extras.size());
    m_extras.push_back(uint32_t(p.includeRules.size()));
    m_extras.push_back(uint32_t(p.excludeRules.size()));
    m_extras.push_back(uint32_t(p.customGrants.size()));
    m_extras.push_back(m_strings.intern(p.authStrengthId));
    m_extras.push_back(m_strings.intern(p.authStrengthName));
    m_extras.push_back(unknownResult ? m_strings.intern(p.resultText) : 0);
    pushRules(p.includeRules);
    pushRules(p.excludeRules);
    for (std::string_view c : p.customGrants) m_extras.push_back(m_strings.intern(c));
    return at;
}

uint32_t Dataset::findById(std::string_view requestId) const
{
    const StrId id = m_strings.find(requestId);
    if (id == 0 || id >= m_rowOfId.size() || m_rowOfId[id] == 0) return UINT32_MAX;
    return m_rowOfId[id] - 1;
}

template<typename T> static void addOrReplace(std::vector<T>& list, T item)
{
    for (T& existing : list)
        if (!item.id.empty() && existing.id == item.id) {
            existing = std::move(item);
            return;
        }
    list.push_back(std::move(item));
}

void Dataset::addPolicy(CaPolicy policy)
{
    addOrReplace(m_policies, std::move(policy));
}
void Dataset::addNamedLocation(NamedLocation location)
{
    addOrReplace(m_namedLocations, std::move(location));
}
void Dataset::addServicePrincipal(ServicePrincipal sp)
{
    addOrReplace(m_servicePrincipals, std::move(sp));
}

void Dataset::addChange(DirectoryChange change)
{
    if (!change.id.empty() && !m_changeIds.insert(change.id).second) return;
    m_changes.push_back(std::move(change));
}

void Dataset::sortChanges()
{
    const auto byTime = [](const DirectoryChange& a, const DirectoryChange& b) { return a.whenMs < b.whenMs; };
    if (!std::is_sorted(m_changes.begin(), m_changes.end(), byTime))
        std::stable_sort(m_changes.begin(), m_changes.end(), byTime);
}

size_t Dataset::memoryUsed() const
{
    size_t n = m_strings.bytesUsed();
    for (const auto& col : m_str) n += col.bytesReserved();
    n += m_created.bytesReserved() + m_errorCode.bytesReserved() + m_sourceOffset.bytesReserved()
        + m_sourceLength.bytesReserved() + m_evalSpan.bytesReserved() + m_input.bytesReserved()
        + m_type.bytesReserved() * 14;
    n += m_evals.bytesReserved() + m_extras.bytesReserved() + m_policyRefs.bytesReserved() + m_rowOfId.capacity() * 4;
    return n;
}

void Dataset::shrinkToFit()
{
    // The columns never move (readers may be looking at them); only the writer's own index shrinks.
    m_rowOfId.shrink_to_fit();
}

// ---- SignInRef extras ----

static std::vector<RuleView> rulesAt(const Dataset& d, uint32_t at, uint32_t count)
{
    std::vector<RuleView> out;
    out.reserve(count);
    const auto& x = d.extras();
    for (uint32_t i = 0; i < count; ++i) {
        const uint32_t packed = x[at + 2 * i];
        out.push_back({ uint8_t(packed >> 8), uint8_t(packed & 0xFF), d.text(x[at + 2 * i + 1]) });
    }
    return out;
}

std::vector<RuleView> SignInRef::includeRules(const PolicyEval& e) const
{
    if (!e.extras) return {};
    return rulesAt(*m_d, e.extras + kExtrasHeader, m_d->m_extras[e.extras]);
}

std::vector<RuleView> SignInRef::excludeRules(const PolicyEval& e) const
{
    if (!e.extras) return {};
    const uint32_t nInc = m_d->m_extras[e.extras];
    return rulesAt(*m_d, e.extras + kExtrasHeader + 2 * nInc, m_d->m_extras[e.extras + 1]);
}

std::vector<std::string_view> SignInRef::customGrants(const PolicyEval& e) const
{
    std::vector<std::string_view> out;
    if (!e.extras) return out;
    const auto& x = m_d->m_extras;
    const uint32_t start = e.extras + kExtrasHeader + 2 * (x[e.extras] + x[e.extras + 1]);
    for (uint32_t i = 0; i < x[e.extras + 2]; ++i) out.push_back(m_d->text(x[start + i]));
    return out;
}

std::string_view SignInRef::authStrengthId(const PolicyEval& e) const
{
    return e.extras ? m_d->text(m_d->m_extras[e.extras + 3]) : std::string_view();
}

std::string_view SignInRef::authStrengthName(const PolicyEval& e) const
{
    return e.extras ? m_d->text(m_d->m_extras[e.extras + 4]) : std::string_view();
}

std::string_view SignInRef::resultText(const PolicyEval& e) const
{
    if (e.extras && m_d->m_extras[e.extras + 5]) return m_d->text(m_d->m_extras[e.extras + 5]);
    return name(e.result);
}

int64_t Dataset::latestCreated() const
{
    int64_t latest = INT64_MIN; // the "no time" marker is INT64_MIN too, so it never wins
    const size_t n = signInCount();
    for (size_t row = 0; row < n; ++row) latest = std::max(latest, m_created.load(row));
    return latest;
}

} // namespace calens
