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

bool isTextColumn(SignInColumn column)
{
    switch (column) {
    case SignInColumn::Identity:
    case SignInColumn::Application:
    case SignInColumn::Resource:
    case SignInColumn::IpAddress:
    case SignInColumn::Location:
    case SignInColumn::ClientApp:
    case SignInColumn::RequestId:
        return true;
    default:
        return false;
    }
}

namespace {

// While a file loads, a row rewritten by a richer copy may name a string the index has not seen yet.
std::string_view lowerOf(const SearchIndex& index, StrId id)
{
    return id < index.size() ? index.lower(id) : std::string_view();
}

bool textLess(const SearchIndex& index, StrId a, StrId b)
{
    const std::string_view la = lowerOf(index, a), lb = lowerOf(index, b);
    return la != lb ? la < lb : a < b; // equal when lower-cased: pool order, so every sort agrees
}

int64_t numericKey(const SignInRef& s, SignInColumn column)
{
    switch (column) {
    case SignInColumn::Time:
        return s.createdMs();
    case SignInColumn::Type:
        return int64_t(s.type());
    case SignInColumn::ErrorCode:
        return s.hasErrorCode() ? s.errorCode() : -1;
    case SignInColumn::CaStatus:
        return int64_t(s.caStatus());
    case SignInColumn::FailedPolicies: {
        int64_t k = 0;
        for (const PolicyEval& e : s.evals()) k += e.result == PolicyResult::Failure;
        return k;
    }
    default:
        return 0;
    }
}

} // namespace

bool sortRows(const Dataset& d, const SearchIndex& index, std::vector<uint32_t>& rows, SignInColumn column,
    bool descending, const std::atomic<bool>* cancel)
{
    const bool text = isTextColumn(column);
    // Text columns rank only the distinct strings the rows show, not the whole pool. Each row's string is
    // read once (a loading row may change under us) and sorting works on copies of the keys.
    std::vector<StrId> shown;
    std::vector<uint32_t> rankOf;
    if (text && !rows.empty()) {
        shown.reserve(rows.size());
        for (uint32_t r : rows) shown.push_back(displayedText(d, r, column));
        std::vector<StrId> ids = shown;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        rankOf.assign(size_t(ids.back()) + 1, 0); // ids are in id order here: back() is the largest
        std::sort(ids.begin(), ids.end(), [&](StrId a, StrId b) { return textLess(index, a, b); });
        for (uint32_t i = 0; i < ids.size(); ++i) rankOf[ids[i]] = i;
    }
    // Key, then row: one 128-bit comparison per step keeps the sort stable without std::stable_sort's buffer.
    std::vector<std::pair<int64_t, uint32_t>> keyed(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        if ((i & 65535) == 0 && cancel && cancel->load(std::memory_order_relaxed)) return false;
        const int64_t k = text ? int64_t(rankOf[shown[i]]) : numericKey(d.signIn(rows[i]), column);
        keyed[i] = { descending ? -k - 1 : k, rows[i] };
    }
    std::sort(keyed.begin(), keyed.end());
    if (cancel && cancel->load()) return false;
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = keyed[i].second;
    return true;
}

RowOrder::RowOrder(const Dataset& dataset, const SearchIndex& index, SignInColumn column, bool descending)
    : m_d(&dataset)
    , m_index(&index)
    , m_column(column)
    , m_descending(descending)
{ }

bool RowOrder::operator()(uint32_t a, uint32_t b) const
{
    bool less = false, greater = false;
    if (isTextColumn(m_column)) {
        const StrId ta = displayedText(*m_d, a, m_column), tb = displayedText(*m_d, b, m_column);
        less = textLess(*m_index, ta, tb);
        greater = textLess(*m_index, tb, ta);
    } else {
        const int64_t ka = numericKey(m_d->signIn(a), m_column), kb = numericKey(m_d->signIn(b), m_column);
        less = ka < kb;
        greater = kb < ka;
    }
    if (less || greater) return m_descending ? greater : less;
    return a < b;
}

} // namespace calens
