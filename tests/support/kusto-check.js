// SPDX-License-Identifier: MIT
// Runs Microsoft's own Kusto analyzer (npm @kusto/language-service-next, Kusto.Language) over queries against
// declared table schemas: parse and semantic analysis, as the service would before running them. Reads
// {"tables": [{"name": "SigninLogs", "schema": "(TimeGenerated:datetime, ...)"}], "queries": ["..."]} on stdin and
// prints, per query, its diagnostics (severity, code, message), the columns of its result as the analyzer infers
// them, and the values of its string literals. It does not run the queries.
// Usage: node kusto-check.js PACKAGE_DIR < in.json
'use strict';
const path = require('path');
const dir = process.argv[2];
require(path.join(dir, 'bridge.js'));
require(path.join(dir, 'Kusto.Language.Bridge.js'));
const K = global.Kusto.Language;
const S = K.Symbols;
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const tables = input.tables.map((t) => S.TableSymbol.From(t.schema).WithName(t.name));
const globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('workspace', tables));
const list = (l, f) => {
  const out = [];
  for (let i = 0; l && i < l.Count; i++) out.push(f(l.getItem(i)));
  return out;
};
const out = input.queries.map((q) => {
  const code = K.KustoCode.ParseAndAnalyze(q, globals);
  const diagnostics = list(code.GetDiagnostics(), (d) => ({ severity: d.Severity, code: d.Code, message: d.Message }));
  const result = code.ResultType;
  const columns = result && result.Columns ? list(result.Columns, (c) => ({ name: c.Name, type: c.Type.Name })) : [];
  const strings = [];
  for (const t of K.Parsing.TokenParser.ParseTokens(q))
    if (t.Kind === K.Syntax.SyntaxKind.StringLiteralToken) strings.push(K.KustoFacts.GetStringLiteralValue(t.Text));
  return { diagnostics, columns, strings };
});
process.stdout.write(JSON.stringify(out));
