// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace calens {
class SignInRef;
}

namespace calens::exporter {

// A sign-in as one Log Analytics SigninLogs row, in the column order of a portal KQL export
// (union of the sign-in tables: the Type column says which table a row came from).
class LaRow
{
public:
    enum class Kind
    {
        String,
        DateTime,
        Dynamic,
        Bool,
        Long
    };
    struct Column
    {
        std::string_view name; // the API name; the portal CSV adds " [UTC]" to datetimes
        Kind kind;
    };
    static constexpr size_t kColumns = 76;
    static const std::array<Column, kColumns>& columns();

    // `portal`: datetimes "9/19/2023, 1:45:17.287 PM" and TRUE/FALSE (CSV); otherwise ISO with
    // 7 fraction digits and true/false (query API JSON). Dynamic cells hold compact JSON text.
    void fill(const SignInRef& s, bool portal);
    const std::string& cell(size_t i) const { return m_cells[i]; }

private:
    std::array<std::string, kColumns> m_cells;
};

} // namespace calens::exporter
