// SPDX-License-Identifier: MIT
#pragma once

#include "laquery.h"
#include "lasummary.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

namespace calens::la {

// Merges the answers to the summary queries (Totals, Policies, UnmetControls, TopApps, TopIdentities, Timeline)
// into one LaSummary. Every merge is a sum, a minimum or a maximum, so the parts of a split query (halves of the
// window, hash shards) add up to the answer of the whole, in any order. Memory grows with the distinct keys
// (policies, control sets, labels, bins), never with the rows behind them.
class SummaryAssembler
{
public:
    // False with error() when the body is not a result with the query's columns.
    bool take(const LaQuery& query, const QByteArray& body);
    LaSummary result() const;
    const QString& error() const { return m_error; }
    int64_t firstMs() const { return m_first; } // kNoTime until totals arrived with a sign-in
    int64_t lastMs() const { return m_last; }
    uint64_t rowsRead() const { return m_rows; }

private:
    struct Totals
    {
        uint64_t signIns = 0, withoutPolicyDetail = 0;
    };
    struct PolicyNamed
    {
        int64_t firstMs = INT64_MAX;
        std::string name;
        std::array<uint64_t, 9> results {};
    };
    std::map<std::tuple<std::string, std::string, std::string>, Totals> m_totals; // type, result code, CA status
    std::unordered_map<std::string, PolicyNamed> m_policies;
    std::map<std::pair<std::string, bool>, uint64_t> m_controls; // sorted control list, authentication strength
    std::unordered_map<std::string, uint64_t> m_apps, m_identities;
    std::map<int64_t, std::pair<uint64_t, uint64_t>> m_bins; // bin start -> total, blocked
    int64_t m_first = INT64_MIN, m_last = INT64_MIN, m_binMs = 0;
    uint64_t m_rows = 0;
    QString m_error;
};

} // namespace calens::la
