// SPDX-License-Identifier: MIT
#pragma once

#include "appendonly.h"
#include "capolicy.h"
#include "directorychange.h"
#include "namedlocation.h"
#include "policyeval.h"
#include "serviceprincipal.h"
#include "signindraft.h"
#include "stringpool.h"

#include <array>
#include <atomic>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace calens {

class SignInRef;

// Everything loaded, whatever it came from: sign-ins column by column with interned strings,
// their policy evaluations, and the directory data (policies, named locations, service principals).
//
// One thread writes (the loader); while it does, other threads may read the sign-ins below
// signInCount() (the rows shown while a file loads). The columns never move (AppendOnly), a row is
// counted only once it is written, and the two later changes to a counted row are atomic per value:
// a richer copy of the same sign-in rewrites its values one by one, and policy rows that arrive apart
// swap its policy list. So a reader that looks at a row twice may see two versions of it, and string
// or policy ids newer than the tables it sized earlier: check bounds, read a value once. Directory
// data (policies(), namedLocations(), servicePrincipals(), changes()) and findById() belong to the
// writer until the load has finished.
class Dataset
{
public:
    Dataset();
    enum class AddResult
    {
        Added,
        Duplicate,
        Replaced
    };

    // Adds a sign-in read from input `input`. A sign-in whose request id is already present is counted
    // once: the copy with per-policy detail wins over one without (e.g. a CSV row vs the JSON of it).
    AddResult add(const SignInDraft& draft, uint16_t input);

    // Gives an existing sign-in the policy list of `draft` (Log Analytics policy rows arrive apart).
    void setEvals(uint32_t row, const SignInDraft& draft);

    size_t signInCount() const { return m_published.n.load(std::memory_order_acquire); }
    // How many times a counted row was rewritten (a richer copy, policy rows attached): what was derived
    // from rows before (SearchIndex's per-row summaries) is out of date when this moved.
    size_t rewrites() const { return m_rewrites.n.load(std::memory_order_acquire); }
    int64_t latestCreated() const; // INT64_MIN when no sign-in has a time
    SignInRef signIn(uint32_t row) const;
    uint32_t findById(std::string_view requestId) const; // UINT32_MAX when absent

    const StringPool& strings() const { return m_strings; }
    StringPool& strings() { return m_strings; }
    std::string_view text(StrId id) const { return m_strings.view(id); }

    // Every sign-in's policy list, one contiguous run each (SignInRef::evals()); a run that would not
    // fit the end of a storage chunk starts the next one, leaving default entries (signIn 0, Unknown).
    const AppendOnly<PolicyEval>& evals() const { return m_evals; }
    const AppendOnly<PolicyRef>& policyRefs() const { return m_policyRefs; }
    const AppendOnly<uint32_t>& extras() const { return m_extras; }

    std::vector<CaPolicy>& policies() { return m_policies; }
    const std::vector<CaPolicy>& policies() const { return m_policies; }
    std::vector<NamedLocation>& namedLocations() { return m_namedLocations; }
    const std::vector<NamedLocation>& namedLocations() const { return m_namedLocations; }
    std::vector<ServicePrincipal>& servicePrincipals() { return m_servicePrincipals; }
    const std::vector<ServicePrincipal>& servicePrincipals() const { return m_servicePrincipals; }
    // Adds or replaces by id, so overlapping policy files do not double up.
    void addPolicy(CaPolicy policy);
    void addNamedLocation(NamedLocation location);
    void addServicePrincipal(ServicePrincipal sp);
    // Policy and named-location changes from the audit log; the same audit record once. Oldest first once
    // sortChanges() has run (the readers call it when they finish: Graph lists arrive newest first).
    const std::vector<DirectoryChange>& changes() const { return m_changes; }
    void addChange(DirectoryChange change);
    void sortChanges();

    size_t memoryUsed() const; // approximate bytes held by the columns and pools
    void shrinkToFit();

private:
    friend class SignInRef;
    void writeRow(uint32_t row, const SignInDraft& d, uint16_t input, StrId id);
    void writeEvals(uint32_t row, const SignInDraft& d);
    uint32_t policyRefFor(size_t position, std::string_view id, std::string_view name);
    uint32_t storeExtras(const PolicyEvalDraft& p);
    void pushRules(const std::vector<RuleDraft>& rules);

    StringPool m_strings;
    std::array<AppendOnly<StrId>, kStrFieldCount> m_str;
    AppendOnly<int64_t> m_created;
    AppendOnly<int32_t> m_errorCode;
    AppendOnly<uint8_t> m_type, m_interactive, m_caStatus, m_riskDuring, m_riskAggregated, m_riskState, m_authReq,
        m_msiType, m_transfer, m_compliant, m_managed, m_networkTypes, m_policyDetail, m_hasErrorCode;
    AppendOnly<uint16_t> m_input;
    AppendOnly<uint64_t> m_sourceOffset;
    AppendOnly<uint32_t> m_sourceLength;
    AppendOnly<uint64_t> m_evalSpan; // first eval << 16 | count: one value, so a swap is never seen half done
    // A count other threads read; moves along with the columns (a dataset is moved only before anyone reads it).
    struct Count
    {
        std::atomic<size_t> n { 0 };
        Count() = default;
        Count(Count&& o) noexcept
            : n(o.n.load())
        { }
        Count& operator=(Count&& o) noexcept
        {
            n.store(o.n.load());
            return *this;
        }
    };
    Count m_published; // rows fully written
    Count m_rewrites;

    AppendOnly<PolicyEval> m_evals;
    AppendOnly<PolicyRef> m_policyRefs;
    AppendOnly<uint32_t> m_extras; // offset 0 means "no extras"
    std::vector<uint32_t> m_policyRefAt; // per list position: the last policy ref seen there (fast path)
    std::unordered_map<uint64_t, uint32_t> m_policyRefIndex; // (id << 32 | name) -> ref
    std::vector<uint32_t> m_rowOfId; // StrId of request id -> row + 1

    std::vector<CaPolicy> m_policies;
    std::vector<NamedLocation> m_namedLocations;
    std::vector<ServicePrincipal> m_servicePrincipals;
    std::vector<DirectoryChange> m_changes;
    std::unordered_set<std::string> m_changeIds;
};

} // namespace calens
