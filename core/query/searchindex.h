// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"
#include "model/iprange.h"

#include <string_view>
#include <vector>

namespace calens {

// What the filter looks things up in instead of scanning, built once per dataset on a worker:
// - lower-case copies of every pooled string, so a substring term is answered per distinct string (a
//   bitmap over string ids) and then per row by id lookups — no per-row text work; with each string, the
//   set of characters it holds, so "svc-" never compares against the millions of GUIDs (no 's' or 'v');
// - for each string, the searchable fields it appears in, so a term checks per row only the fields where
//   some string matches, and compares only the strings of its fields;
// - for each sign-in, which policy results its evaluations have and which controls its failed ones
//   required, and which policies applied to it and failed (a bit per policy, shared by every 64th when a
//   tenant has more), so policy, result and control terms skip the sign-ins that cannot match;
// - every distinct IP address, parsed once, for ip: ranges.
// While a file loads, extend() adds what came in since the last call (one thread at a time).
class SearchIndex
{
public:
    SearchIndex() = default;
    explicit SearchIndex(const Dataset& dataset) { extend(dataset); }
    void extend(const Dataset& dataset);

    std::string_view lower(StrId id) const
    {
        return { m_text.data() + m_offsets[id], size_t(m_offsets[id + 1] - m_offsets[id]) };
    }
    size_t size() const { return m_offsets.size() - 1; }
    // hits[id] = 1 where the string contains `needle` (already lower-case); size() entries. With a field
    // mask, only strings that appear in one of those fields are compared (the others stay 0); strings
    // without every character of the needle are not compared, unless `shortcuts` is false (the plain scan).
    std::vector<uint8_t> containing(std::string_view needle, uint32_t fields = kAllFields, bool shortcuts = true) const;

    // The fields that filter terms search, one bit each (0 for the others).
    static uint32_t fieldBit(SF field);
    static constexpr uint32_t kAllFields = ~0u;
    uint32_t fieldsOf(StrId id) const { return id < m_fieldsOf.size() ? m_fieldsOf[id] : kAllFields; }

    size_t rows() const { return m_results.size(); } // sign-ins summarized below
    uint16_t resultsOf(uint32_t row) const { return m_results[row]; } // bit 1 << PolicyResult
    uint16_t failedGrantsOf(uint32_t row) const { return m_failedGrants[row]; } // Grant bits of Failure results
    // Bit policyBit(e.policy) for each evaluation that applied (success, failure, report-only success,
    // failure or interrupted), and for each that failed.
    static uint64_t policyBit(uint32_t policyRef) { return uint64_t(1) << (policyRef & 63); }
    uint64_t appliedPoliciesOf(uint32_t row) const { return m_appliedPolicies[row]; }
    uint64_t failedPoliciesOf(uint32_t row) const { return m_failedPolicies[row]; }
    // The ipAddress values of the sign-ins summarized that parse as an address.
    const std::vector<std::pair<StrId, IpAddress>>& addresses() const { return m_addresses; }

    // One bit per letter, one for all digits, and a few for punctuation: a string can contain a needle only
    // if it has every bit the needle has.
    static uint32_t characterSet(std::string_view lower);

private:
    void summarize(const Dataset& dataset, uint32_t from, uint32_t to);

    std::vector<char> m_text;
    std::vector<uint64_t> m_offsets { 0 };
    std::vector<uint32_t> m_chars; // characterSet() of each string
    std::vector<uint32_t> m_fieldsOf;
    std::vector<uint16_t> m_results, m_failedGrants;
    std::vector<uint64_t> m_appliedPolicies, m_failedPolicies;
    std::vector<std::pair<StrId, IpAddress>> m_addresses;
    size_t m_rewrites = 0; // Dataset::rewrites() when the summaries were made
};

} // namespace calens
