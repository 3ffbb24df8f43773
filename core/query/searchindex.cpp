// SPDX-License-Identifier: MIT
#include "searchindex.h"

#include "model/signinref.h"
#include "parallel.h"

#include <QString>

#include <algorithm>
#include <array>
#include <atomic>

namespace calens {

namespace {

// Every field a filter term searches (FilterTerm::Field's lists in filterengine.cpp), one bit each.
constexpr std::array kSearched { SF::UserPrincipalName, SF::UserDisplayName, SF::ServicePrincipalName,
    SF::ServicePrincipalId, SF::UserId, SF::AppDisplayName, SF::AppId, SF::ResourceDisplayName, SF::ResourceId,
    SF::IpAddress, SF::CorrelationId, SF::Id, SF::FailureReason, SF::DeviceName, SF::DeviceId, SF::OperatingSystem,
    SF::Browser, SF::TrustType, SF::City, SF::Country, SF::State, SF::ClientAppUsed };
static_assert(kSearched.size() <= 32);

constexpr uint32_t kRowsPerPiece = 1 << 16;

} // namespace

uint32_t SearchIndex::characterSet(std::string_view lower)
{
    uint32_t set = 0;
    for (const char c : lower) {
        if (c >= 'a' && c <= 'z')
            set |= 1u << (c - 'a');
        else if (c >= '0' && c <= '9')
            set |= 1u << 26;
        else if (c == '-')
            set |= 1u << 27;
        else if (c == '.')
            set |= 1u << 28;
        else if (c == '@')
            set |= 1u << 29;
        else if (c == ' ')
            set |= 1u << 30;
        else
            set |= 1u << 31; // anything else, UTF-8 bytes included
    }
    return set;
}

uint32_t SearchIndex::fieldBit(SF field)
{
    for (size_t i = 0; i < kSearched.size(); ++i)
        if (kSearched[i] == field) return 1u << i;
    return 0;
}

void SearchIndex::extend(const Dataset& dataset)
{
    // Rows first: every string a counted row names is pooled by then.
    const auto rows = uint32_t(dataset.signInCount());
    const size_t rewrites = dataset.rewrites();
    const StringPool& pool = dataset.strings();
    const size_t n = pool.size(); // once: the loader may be adding more
    if (m_offsets.capacity() < n + 1) m_offsets.reserve(std::max(n + 1, m_offsets.capacity() * 2));
    for (StrId id = StrId(size()); id < n; ++id) {
        const std::string_view s = pool.view(id);
        bool ascii = true;
        for (char c : s) ascii &= uint8_t(c) < 0x80;
        if (ascii) {
            for (char c : s) m_text.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
        } else {
            const QByteArray low = QString::fromUtf8(s.data(), qsizetype(s.size())).toLower().toUtf8();
            m_text.insert(m_text.end(), low.begin(), low.end());
        }
        m_offsets.push_back(m_text.size());
        m_chars.push_back(characterSet(lower(id)));
    }
    m_fieldsOf.resize(n, 0);
    // A row rewritten since its summary was made (a richer copy arrived later): summarize them all again.
    const uint32_t from = rewrites != m_rewrites ? 0 : uint32_t(m_results.size());
    m_rewrites = rewrites;
    if (rows > from) summarize(dataset, from, rows);
}

void SearchIndex::summarize(const Dataset& d, uint32_t from, uint32_t to)
{
    m_results.resize(to);
    m_failedGrants.resize(to);
    m_appliedPolicies.resize(to);
    m_failedPolicies.resize(to);
    const uint32_t pieces = (to - from + kRowsPerPiece - 1) / kRowsPerPiece;
    const uint32_t ipBit = fieldBit(SF::IpAddress);
    std::vector<std::vector<std::pair<StrId, IpAddress>>> addresses(pieces);
    parallelFor(pieces, 0, [&](size_t piece) {
        const uint32_t first = from + uint32_t(piece) * kRowsPerPiece;
        const uint32_t last = std::min(to, first + kRowsPerPiece);
        for (uint32_t row = first; row < last; ++row) {
            const SignInRef s = d.signIn(row);
            for (size_t i = 0; i < kSearched.size(); ++i) {
                const StrId id = s.strId(kSearched[i]);
                if (id == 0 || id >= m_fieldsOf.size()) continue; // empty, or pooled after extend() began
                std::atomic_ref<uint32_t> bits(m_fieldsOf[id]);
                const uint32_t bit = 1u << i;
                if (bits.load(std::memory_order_relaxed) & bit) continue;
                // The one thread that sees an address first parses it.
                if (!(bits.fetch_or(bit, std::memory_order_relaxed) & bit) && bit == ipBit)
                    if (const auto ip = IpAddress::parse(d.text(id))) addresses[piece].emplace_back(id, *ip);
            }
            uint16_t results = 0, failed = 0;
            uint64_t appliedPolicies = 0, failedPolicies = 0;
            for (const PolicyEval& e : s.evals()) {
                results |= uint16_t(1u << unsigned(e.result));
                if (e.result == PolicyResult::Failure) {
                    failed |= e.grant;
                    failedPolicies |= policyBit(e.policy);
                }
                if (e.result == PolicyResult::Success || e.result == PolicyResult::Failure
                    || e.result == PolicyResult::ReportOnlySuccess || e.result == PolicyResult::ReportOnlyFailure
                    || e.result == PolicyResult::ReportOnlyInterrupted)
                    appliedPolicies |= policyBit(e.policy);
            }
            m_results[row] = results;
            m_failedGrants[row] = failed;
            m_appliedPolicies[row] = appliedPolicies;
            m_failedPolicies[row] = failedPolicies;
        }
    });
    for (const auto& list : addresses) m_addresses.insert(m_addresses.end(), list.begin(), list.end());
}

std::vector<uint8_t> SearchIndex::containing(std::string_view needle, uint32_t fields, bool shortcuts) const
{
    std::vector<uint8_t> hits(size(), 0);
    if (needle.empty()) return hits;
    const uint32_t need = shortcuts ? characterSet(needle) : 0;
    // Millions of distinct strings (request and correlation ids): pieces on every core.
    constexpr size_t kPiece = 1 << 16;
    parallelFor((size() + kPiece - 1) / kPiece, size() < 200000 ? 1 : 0, [&](size_t piece) {
        const size_t to = std::min(size(), (piece + 1) * kPiece);
        for (size_t id = std::max<size_t>(1, piece * kPiece); id < to; ++id)
            if ((m_chars[id] & need) == need && (fields == kAllFields || (fieldsOf(StrId(id)) & fields)))
                hits[id] = lower(StrId(id)).find(needle) != std::string_view::npos;
    });
    return hits;
}

} // namespace calens
