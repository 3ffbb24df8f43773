// SPDX-License-Identifier: MIT
// Reads KQL queries (a JSON array of strings) on stdin and prints, per query, what Microsoft's own Kusto
// analyzer (npm @kusto/language-service-next, Kusto.Language) makes of it: the tokens with their kind, text and,
// for string literals, the value; and the parser's diagnostics. Usage: node kusto-lex.js PACKAGE_DIR < in.json
'use strict';
const path = require('path');
const dir = process.argv[2];
require(path.join(dir, 'bridge.js'));
require(path.join(dir, 'Kusto.Language.Bridge.js'));
const K = global.Kusto.Language;
const kinds = K.Syntax.SyntaxKind;
const kindName = (k) => Object.keys(kinds).find((n) => kinds[n] === k) || String(k);
const queries = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = queries.map((q) => {
  const tokens = [];
  for (const t of K.Parsing.TokenParser.ParseTokens(q)) {
    const token = { kind: kindName(t.Kind), text: t.Text };
    if (t.Kind === kinds.StringLiteralToken) token.value = K.KustoFacts.GetStringLiteralValue(t.Text);
    tokens.push(token);
  }
  const diagnostics = [];
  const d = K.KustoCode.Parse(q).GetDiagnostics();
  for (let i = 0; i < d.Count; i++) diagnostics.push(d.getItem(i).Message);
  return { tokens, diagnostics };
});
process.stdout.write(JSON.stringify(out));
