// SPDX-License-Identifier: MIT
#include "rowsort.h"

#include "model/signinref.h"

#include <algorithm>

namespace calens {

StrId displayedText(const Dataset& d, uint32_t row, SignInColumn column)
{
    const SignInRef s = d.signIn(row);
    auto first = [&](std::initializer_list<SF> fields) {
        for (SF f : fields)
            if (s.strId(f)) return s.strId(f);
        return StrId(0);
    };
    switch (column) {
    case SignInColumn::Identity:
        return first({ SF::UserPrincipalName, SF::ServicePrincipalName, SF::UserDisplayName, SF::ServicePrincipalId });
    case SignInColumn::Application:
        return first({ SF::AppDisplayName, SF::AppId });
    case SignInColumn::Resource:
        return first({ SF::ResourceDisplayName, SF::ResourceId });
    case SignInColumn::IpAddress:
        return s.strId(SF::IpAddress);
    case SignInColumn::Location:
        return first({ SF::City, SF::Country });
    case SignInColumn::ClientApp:
        return s.strId(SF::ClientAppUsed);
    case SignInColumn::RequestId:
        return s.strId(SF::Id);
    default:
        return 0;
    }
}

bool sortRows(const Dataset& d, const SearchIndex& index, std::vector<uint32_t>& rows, SignInColumn column,
    bool descending, const std::atomic<bool>* cancel)
{
    const bool text = displayedText(d, 0, column) != 0 || column == SignInColumn::Identity
        || column == SignInColumn::Application || column == SignInColumn::Resource || column == SignInColumn::IpAddress
        || column == SignInColumn::Location || column == SignInColumn::ClientApp || column == SignInColumn::RequestId;
    // Text columns rank only the distinct strings the rows show, not the whole pool.
    std::vector<uint32_t> rankOf;
    if (text && !rows.empty()) {
        std::vector<StrId> ids;
        ids.reserve(rows.size());
        for (uint32_t r : rows) ids.push_back(displayedText(d, r, column));
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::sort(ids.begin(), ids.end(), [&](StrId a, StrId b) { return index.lower(a) < index.lower(b); });
        rankOf.assign(d.strings().size(), 0);
        for (uint32_t i = 0; i < ids.size(); ++i) rankOf[ids[i]] = i;
    }
    // Key, then row: one 128-bit comparison per step keeps the sort stable without std::stable_sort's buffer.
    std::vector<std::pair<int64_t, uint32_t>> keyed(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        if ((i & 65535) == 0 && cancel && cancel->load(std::memory_order_relaxed)) return false;
        const SignInRef s = d.signIn(rows[i]);
        int64_t k = 0;
        switch (column) {
        case SignInColumn::Time:
            k = s.createdMs();
            break;
        case SignInColumn::Type:
            k = int64_t(s.type());
            break;
        case SignInColumn::ErrorCode:
            k = s.hasErrorCode() ? s.errorCode() : -1;
            break;
        case SignInColumn::CaStatus:
            k = int64_t(s.caStatus());
            break;
        case SignInColumn::FailedPolicies:
            for (const PolicyEval& e : s.evals()) k += e.result == PolicyResult::Failure;
            break;
        default:
            k = rankOf.empty() ? 0 : rankOf[displayedText(d, rows[i], column)];
            break;
        }
        keyed[i] = { descending ? -k - 1 : k, rows[i] };
    }
    std::sort(keyed.begin(), keyed.end());
    if (cancel && cancel->load()) return false;
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = keyed[i].second;
    return true;
}

} // namespace calens
