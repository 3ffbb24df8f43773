// SPDX-License-Identifier: MIT
#pragma once

#include "laquery.h"
#include "signintables.h"

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <span>
#include <vector>

namespace calens::la {

// The pieces every query CA Lens writes is made of.

// datetime(2026-10-01T08:19:41.123Z)
QString datetimeLiteral(int64_t ms);

// The detail columns with these names, in detailColumns() order.
std::vector<TableColumn> columnsNamed(std::initializer_list<std::string_view> names);

// `let CaLensSignIns = union (...), (...), (...), (...);` over `tables`, each restricted to the window and
// projected to `columns` with one type per column: a column a table keeps as JSON text goes through todynamic(),
// one a table lacks becomes an empty value of its type (the service-principal tables have no AppDisplayName),
// CreatedDateTime falls back to TimeGenerated where a table has only that.
QString signInUnion(
    const TimeWindow& window, const std::vector<TableColumn>& columns, std::span<const SignInTable> tables);

// `| where toint(ResultType) in (53000, ...)`: blocked by Conditional Access.
QString whereBlocked();

// The stages that give every row a `Situation`: a hash of what its diagnosis depends on (type, result code,
// user or service principal, app, resource, IP address, device trust and compliance, sign-in risk, whether it
// lists policies, network types, the failing policies with their results).
QString situationStages();

} // namespace calens::la
