// SPDX-License-Identifier: MIT
#include "summaryassembler.h"

#include "resultrows.h"
#include "signintables.h"

#include "diagnosis/incidents.h"
#include "ingest/timestamp.h"
#include "model/enums.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace calens::la {

namespace {

// An error code as the readers take it from ResultType: an integer, or an integral number like 53003.0.
std::optional<int32_t> codeOf(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    int64_t i = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
    if (ec == std::errc() && p == s.data() + s.size())
        return i < INT32_MIN || i > INT32_MAX ? std::nullopt : std::optional<int32_t>(int32_t(i));
    double d = 0;
    auto [q, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 != std::errc() || q != s.data() + s.size() || d != std::floor(d) || d < INT32_MIN || d > INT32_MAX)
        return std::nullopt;
    return int32_t(d);
}

CaStatus caStatusOf(std::string_view s)
{
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    CaStatus st = parseCaStatus(s);
    if (st == CaStatus::Unknown && (equalsIgnoreCase(s, "Not Applied") || equalsIgnoreCase(s, "not_applied")))
        st = CaStatus::NotApplied;
    return st;
}

SignInType typeOfTable(std::string_view table)
{
    for (const SignInTable& t : signInTables())
        if (equalsIgnoreCase(t.name, table)) return t.type;
    return SignInType::Unknown;
}

std::string str(const Cell& c)
{
    return std::string(c.text);
}

std::vector<Bar> ranked(const std::unordered_map<std::string, uint64_t>& counts, size_t top)
{
    std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(),
        [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (sorted.size() > top) sorted.resize(top);
    std::vector<Bar> out;
    for (const auto& [label, count] : sorted) {
        Bar b;
        b.label = label.empty() ? QStringLiteral("(none)") : QString::fromStdString(label);
        b.count = count;
        out.push_back(b);
    }
    return out;
}

} // namespace

bool SummaryAssembler::take(const LaQuery& query, const QByteArray& body)
{
    ResultRows rows(body);
    bool ok = true;
    switch (query.kind) {
    case QueryKind::Totals:
        ok = rows.forEach(
            { "Type", "ResultType", "ConditionalAccessStatus", "SignIns", "First", "Last", "WithoutPolicyDetail" },
            [this](const std::vector<Cell>& c) {
                Totals& t = m_totals[{ str(c[0]), str(c[1]), str(c[2]) }];
                t.signIns += uint64_t(c[3].toInt());
                t.withoutPolicyDetail += uint64_t(c[6].toInt());
                const int64_t first = c[4].toTimeMs(), last = c[5].toTimeMs();
                if (first != kNoTime && (m_first == kNoTime || first < m_first)) m_first = first;
                if (last != kNoTime) m_last = std::max(m_last, last);
            });
        break;
    case QueryKind::Policies:
        ok = rows.forEach(
            { "PolicyId", "Result", "Count", "TimeGenerated", "DisplayName" }, [this](const std::vector<Cell>& c) {
                PolicyNamed& p = m_policies[str(c[0])];
                p.results[size_t(parsePolicyResult(c[1].text))] += uint64_t(c[2].toInt());
                const int64_t t = c[3].toTimeMs();
                if (t != kNoTime && t < p.firstMs) {
                    p.firstMs = t;
                    p.name = str(c[4]);
                }
            });
        break;
    case QueryKind::UnmetControls:
        ok = rows.forEach({ "Controls", "Strength", "Count" }, [this](const std::vector<Cell>& c) {
            m_controls[{ str(c[0]), c[1].toBool() }] += uint64_t(c[2].toInt());
        });
        break;
    case QueryKind::TopApps:
    case QueryKind::TopIdentities: {
        auto& into = query.kind == QueryKind::TopApps ? m_apps : m_identities;
        ok = rows.forEach({ query.kind == QueryKind::TopApps ? "App" : "Who", "Count" },
            [&into](const std::vector<Cell>& c) { into[str(c[0])] += uint64_t(c[1].toInt()); });
        break;
    }
    case QueryKind::Timeline:
        m_binMs = query.binMs;
        ok = rows.forEach({ "Bin", "Total", "Blocked" }, [this](const std::vector<Cell>& c) {
            auto& bin = m_bins[c[0].toTimeMs()];
            bin.first += uint64_t(c[1].toInt());
            bin.second += uint64_t(c[2].toInt());
        });
        break;
    default:
        m_error = QStringLiteral("not a summary query: %1").arg(kindName(query.kind));
        return false;
    }
    m_rows += rows.rows();
    if (!ok) m_error = QStringLiteral("%1: %2").arg(query.describe(), rows.error());
    return ok;
}

LaSummary SummaryAssembler::result() const
{
    LaSummary out;
    Summary& s = out.summary;
    for (const auto& [key, t] : m_totals) {
        const auto& [table, result, status] = key;
        s.signIns += t.signIns;
        s.withoutPolicyDetail += t.withoutPolicyDetail;
        s.types[size_t(typeOfTable(table))] += t.signIns;
        s.caStatus[size_t(caStatusOf(status))] += t.signIns;
        if (const auto code = codeOf(result)) {
            s.errorCodes[*code] += t.signIns;
            if (*code == 53003) s.blocked53003 += t.signIns;
            if (isConditionalAccessBlock(*code)) s.blockedByCa += t.signIns;
        }
    }
    if (m_first != kNoTime) {
        s.first = m_first;
        s.last = m_last;
    }
    // Policies in the order they first appear, as a file's reader meets them.
    std::vector<std::pair<std::string, const PolicyNamed*>> policies;
    for (const auto& [id, p] : m_policies) policies.emplace_back(id, &p);
    std::sort(policies.begin(), policies.end(), [](const auto& a, const auto& b) {
        return a.second->firstMs != b.second->firstMs ? a.second->firstMs < b.second->firstMs : a.first < b.first;
    });
    for (const auto& [id, p] : policies) s.policies.push_back({ id, p->name, p->results });
    for (const auto& [key, count] : m_controls) {
        uint16_t bits = key.second ? Grant::AuthenticationStrength : 0;
        const auto list = nlohmann::json::parse(key.first, nullptr, false);
        if (list.is_array())
            for (const auto& c : list)
                if (c.is_string()) bits |= parseGrantControl(c.get<std::string>());
        for (size_t i = 0; i < s.unmetControls.size(); ++i)
            if (bits & unmetControlBits(i)) s.unmetControls[i] += count;
    }
    out.apps = ranked(m_apps, 25);
    out.identities = ranked(m_identities, 25);
    out.binMs = m_binMs;
    if (m_binMs > 0 && !m_bins.empty()) {
        // Every bin from the first to the last, as the local timeline draws them.
        const int64_t start = m_bins.begin()->first, end = m_bins.rbegin()->first;
        for (int64_t t = start; t <= end; t += m_binMs) {
            TimeBucket b;
            b.startMs = t;
            const auto it = m_bins.find(t);
            if (it != m_bins.end()) {
                b.total = it->second.first;
                b.blocked = it->second.second;
            }
            out.timeline.push_back(b);
        }
    }
    return out;
}

} // namespace calens::la
