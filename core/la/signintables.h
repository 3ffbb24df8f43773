// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"

#include <QString>

#include <span>
#include <string_view>
#include <vector>

namespace calens::la {

// Kusto scalar types as the four sign-in tables use them.
enum class KqlType
{
    String,
    DateTime,
    Dynamic,
    Bool,
    Long,
    Real
};
std::string_view kqlTypeName(KqlType type); // "string", "datetime", ...

struct TableColumn
{
    std::string_view name;
    KqlType type;
};

// One of the Log Analytics tables that hold Entra sign-ins, with its columns as Microsoft's table reference
// declares them (azure-reference-other, azure-monitor-ref/tables/includes/*-include.md). The same names and
// types are what the Kusto analyzer test declares, so a query naming a column a table lacks fails there.
struct SignInTable
{
    std::string_view name;
    SignInType type;
    std::span<const TableColumn> columns;

    const TableColumn* find(std::string_view column) const;
    // "(TimeGenerated:datetime, ResultType:string, ...)": the schema in Kusto's own notation.
    QString schemaText() const;
};

// SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs.
std::span<const SignInTable> signInTables();
const SignInTable* signInTable(std::string_view name);

// The columns a sign-in's detail row carries when CA Lens fetches it (the ones its readers use), each with the
// one type every table's column is converted to so that the four tables union into one shape: the nested
// columns are dynamic everywhere (SigninLogs stores them as dynamic, the other three as JSON text).
const std::vector<TableColumn>& detailColumns();

} // namespace calens::la
