// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace calens::test {

// Where Microsoft's Kusto analyzer is (scripts/install-deps.sh puts it in build/npm; CALENS_KUSTO_LANGUAGE
// overrides).
QString kustoPackage();

// Runs a node script of tests/support (kusto-check.js, kusto-lex.js) with the analyzer's package, `input` as JSON
// on standard input, and returns its JSON answer. Empty with *why when node or the package is missing or it fails.
std::optional<nlohmann::json> runKustoScript(const QString& script, const nlohmann::json& input, QString* why);

// Microsoft's Kusto analyzer (tests/support/kusto-check.js) over `queries`, with the four sign-in tables declared
// as CA Lens's schema declares them: per query {"diagnostics": [{severity, code, message}], "columns": [{name,
// type}], "strings": [...]}. Empty with *why when node or the package is missing or the script fails.
std::optional<nlohmann::json> kustoCheck(const QStringList& queries, QString* why);

} // namespace calens::test
