// SPDX-License-Identifier: MIT
// Issue 14 items 1 and 2: values from logs go into PowerShell, KQL, OData and JSON only through one quoting
// function per language, checked against each language's lexical rules (and, for KQL, against Microsoft's own
// Kusto analyzer); ids and addresses only in their strict form. The generated fix scripts keep the same token
// structure whatever the names in the data are.
#include "diagnosis/diagnoser.h"
#include "graph/fetchplan.h"
#include "support/kustocheck.h"
#include "support/lexers.h"
#include "support/loader.h"
#include "support/testpaths.h"
#include "text/quoting.h"
#include "text/safetext.h"
#include "text/strictids.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace calens;
using namespace calens::test;
using Kind = LexToken::Kind;

namespace {

// Values an attacker who writes a display name, UPN or app name could choose.
QStringList hostileValues()
{
    return {
        QStringLiteral("\u2019;Start-Process calc;\u2019"),
        QStringLiteral("';Start-Process calc;'"),
        QStringLiteral("\u2018;Start-Process calc;\u2018"),
        QStringLiteral("\u201a;Start-Process calc;\u201b"),
        QStringLiteral("'\u2018\u2019\u201a\u201b"),
        QStringLiteral("trailing quote\u2019"),
        QStringLiteral("$(Start-Process calc)"),
        QStringLiteral("`$x`n`'"),
        QStringLiteral("\"; Start-Process calc; \""),
        QStringLiteral("\u201c$(Start-Process calc)\u201d"),
        QStringLiteral("a\nStart-Process calc"),
        QStringLiteral("a\rStart-Process calc"),
        QStringLiteral("a\r\nStart-Process calc"),
        QStringLiteral("a\u2028Start-Process calc\u2029b"),
        QStringLiteral("a\u0085b\u000bc\u000cd"),
        QStringLiteral("#> <# Start-Process calc"),
        QStringLiteral("{{policyId}}"),
        QStringLiteral("a\" or 1==1 or AppId == \""),
        QStringLiteral("u' or userId ne 'x"),
        QStringLiteral("back\\slash\\\" and \\'"),
        QStringLiteral("tab\there\u001b]52;c;Y2FsYw==\u0007"),
        QStringLiteral("\u202eevil\u202c"),
        QStringLiteral("a&$top=1#frag%27+x"),
        QString(),
    };
}

void addHostileRows()
{
    QTest::addColumn<QString>("value");
    int n = 0;
    for (const QString& v : hostileValues()) QTest::newRow(qPrintable(QStringLiteral("value %1").arg(++n))) << v;
}

// Microsoft's Kusto analyzer on each query: its tokens and diagnostics. Empty with *why when it cannot run.
std::optional<nlohmann::json> kustoLex(const QStringList& queries, QString* why)
{
    nlohmann::json in = nlohmann::json::array();
    for (const QString& q : queries) in.push_back(q.toStdString());
    return runKustoScript(QStringLiteral("kusto-lex.js"), in, why);
}

// The string tokens among `tokens`, and whether any token is unterminated.
QStringList stringsOf(const std::vector<LexToken>& tokens, bool* broken = nullptr)
{
    QStringList out;
    for (const LexToken& t : tokens) {
        if (t.kind == Kind::String) out << t.value;
        if (broken && t.kind == Kind::Unterminated) *broken = true;
    }
    return out;
}

QString describe(const std::vector<LexToken>& tokens)
{
    QString out;
    for (const LexToken& t : tokens)
        out += QStringLiteral("[%1:%2] ").arg(int(t.kind)).arg(t.kind == Kind::String ? t.value : t.text);
    return out;
}

// --- data for the generated scripts --------------------------------------------------------------------------

constexpr const char* kUserId = "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c";
constexpr const char* kSpId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
constexpr const char* kPolicyMfa = "1a2b3c4d-0000-4000-8000-000000000001";
constexpr const char* kPolicyLocation = "1a2b3c4d-0000-4000-8000-000000000002";
constexpr const char* kPolicyRisk = "1a2b3c4d-0000-4000-8000-000000000003";
constexpr const char* kLocationId = "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";

struct Names
{
    QString user, upn, sp, policy, location, app;
};

nlohmann::json policyEntry(const char* id, const QString& name, const char* grant, const char* satisfied)
{
    return { { "id", id }, { "displayName", name.toStdString() },
        { "enforcedGrantControls", nlohmann::json::array({ grant }) },
        { "enforcedSessionControls", nlohmann::json::array() }, { "result", "failure" },
        { "conditionsSatisfied", satisfied }, { "conditionsNotSatisfied", "none" } };
}

nlohmann::json signInRecord(const Names& n, const char* type, const nlohmann::json& policies, const char* userId,
    const char* spId, const QString& ip, const char* risk = "none")
{
    const bool workload = std::string(type) == "servicePrincipal";
    nlohmann::json s = { { "id", "req-1" }, { "createdDateTime", "2026-10-05T10:15:00Z" },
        { "correlationId", "5d4c3b2a-1f0e-4d9c-8b7a-695847362514" },
        { "appId", "871c010f-5e61-4fb1-83ac-98610a7e9110" }, { "appDisplayName", n.app.toStdString() },
        { "resourceId", "00000009-0000-0000-c000-000000000000" }, { "resourceDisplayName", "Power BI Service" },
        { "ipAddress", ip.toStdString() }, { "isInteractive", std::string(type) == "interactiveUser" },
        { "signInEventTypes", nlohmann::json::array({ type }) },
        { "status", { { "errorCode", 53003 }, { "failureReason", "Other." } } },
        { "conditionalAccessStatus", "failure" }, { "riskLevelDuringSignIn", risk },
        { "appliedConditionalAccessPolicies", policies } };
    if (workload) {
        s["servicePrincipalId"] = spId;
        s["servicePrincipalName"] = n.sp.toStdString();
    } else {
        s["userId"] = userId;
        s["userPrincipalName"] = n.upn.toStdString();
        s["userDisplayName"] = n.user.toStdString();
    }
    if (std::string(risk) != "none") s["riskState"] = "atRisk";
    return s;
}

std::string page(const std::vector<nlohmann::json>& records)
{
    return nlohmann::json { { "value", nlohmann::json(records) } }.dump();
}

std::string locations(const QString& name, const char* id = kLocationId)
{
    nlohmann::json loc = { { "@odata.type", "#microsoft.graph.ipNamedLocation" }, { "id", id },
        { "displayName", name.toStdString() }, { "isTrusted", true },
        { "ipRanges",
            nlohmann::json::array({ nlohmann::json {
                { "@odata.type", "#microsoft.graph.iPv4CidrRange" }, { "cidrAddress", "198.51.100.0/24" } } }) } };
    return nlohmann::json { { "value", nlohmann::json::array({ loc }) } }.dump();
}

} // namespace

class TestQuoting : public QObject
{
    Q_OBJECT
private slots:
    void powershellLiteral_data() { addHostileRows(); }
    void powershellLiteral();
    void kqlLiteral_data() { addHostileRows(); }
    void kqlLiteral();
    void kqlLiteralByKustoAnalyzer();
    void odataLiteral_data() { addHostileRows(); }
    void odataLiteral();
    void fetchFiltersQuoteTheirValues_data() { addHostileRows(); }
    void fetchFiltersQuoteTheirValues();
    void jsonLiteral_data() { addHostileRows(); }
    void jsonLiteral();
    void singleLine();
    void terminalSafeJson();
    void guids_data();
    void guids();
    void addresses_data();
    void addresses();
    void generatedScripts_data() { addHostileRows(); }
    void generatedScripts();
    void verificationQueriesAndFilters_data() { addHostileRows(); }
    void verificationQueriesAndFilters();
    void verificationQueriesByKustoAnalyzer();
    void malformedIdsGetNoScript_data();
    void malformedIdsGetNoScript();

private:
    std::vector<Diagnosis> diagnoseAll(const Names& names, const char* userId = kUserId, const char* spId = kSpId,
        const QString& ip = QStringLiteral("203.0.113.7"), const char* policyId = kPolicyMfa,
        const char* locationId = kLocationId);
    QTemporaryDir m_dir;
};

void TestQuoting::powershellLiteral()
{
    QFETCH(QString, value);
    const QString literal = text::powershellLiteral(value);
    const auto tokens = lexPowerShell(literal);
    QVERIFY2(tokens.size() == 1 && tokens[0].kind == Kind::String, qPrintable(describe(tokens)));
    QCOMPARE(tokens[0].value, value);
    // In a statement, the literal stays one token and what follows it stays code.
    const auto statement = lexPowerShell(QStringLiteral("$x = %1; Write-Host $x").arg(literal));
    QVERIFY2(statement.size() == 6, qPrintable(describe(statement)));
    QCOMPARE(statement[2].kind, Kind::String);
    QCOMPARE(statement[2].value, value);
    QCOMPARE(statement[4].text, QStringLiteral("Write-Host"));
}

void TestQuoting::kqlLiteral()
{
    QFETCH(QString, value);
    const QString literal = text::kqlLiteral(value);
    QVERIFY2(!literal.contains(QLatin1Char('\n')) && !literal.contains(QLatin1Char('\r')), qPrintable(literal));
    const auto tokens = lexKql(QStringLiteral("T | where AppId == %1 and X == 1").arg(literal));
    bool broken = false;
    QCOMPARE(stringsOf(tokens, &broken), QStringList { value });
    QVERIFY(!broken);
    const auto string
        = std::find_if(tokens.begin(), tokens.end(), [](const LexToken& t) { return t.kind == Kind::String; });
    QVERIFY2(string + 1 != tokens.end() && (string + 1)->text == QLatin1String("and"), qPrintable(describe(tokens)));
}

void TestQuoting::kqlLiteralByKustoAnalyzer()
{
    QStringList queries;
    for (const QString& v : hostileValues())
        queries << QStringLiteral("SigninLogs | where AppId == %1 and UserId == 'x'").arg(text::kqlLiteral(v));
    QString why;
    const auto result = kustoLex(queries, &why);
    if (!result) QSKIP(qPrintable(why));
    for (size_t i = 0; i < result->size(); ++i) {
        const auto& r = (*result)[i];
        const QString value = hostileValues().at(qsizetype(i));
        QVERIFY2(r["diagnostics"].empty(), r.dump().c_str());
        std::vector<std::string> kinds;
        std::vector<std::string> strings;
        for (const auto& t : r["tokens"]) {
            kinds.push_back(t["kind"]);
            if (t["kind"] == "StringLiteralToken") strings.push_back(t["value"]);
        }
        const std::vector<std::string> expected = { "IdentifierToken", "BarToken", "WhereKeyword", "IdentifierToken",
            "EqualEqualToken", "StringLiteralToken", "AndKeyword", "IdentifierToken", "EqualEqualToken",
            "StringLiteralToken", "EndOfTextToken" };
        QVERIFY2(kinds == expected, r.dump().c_str());
        QCOMPARE(QString::fromStdString(strings.at(0)), value);
    }
}

void TestQuoting::odataLiteral()
{
    QFETCH(QString, value);
    const QString filter = QStringLiteral("userId eq %1 and appId eq 'b'").arg(text::odataLiteral(value));
    const auto tokens = lexOData(filter);
    QVERIFY2(tokens.size() == 7, qPrintable(describe(tokens)));
    QCOMPARE(tokens[2].kind, Kind::String);
    QCOMPARE(tokens[2].value, value);
    // In a URL the filter stays one parameter, and percent-decoding gives it back unchanged (a %27 in the value
    // cannot turn into a quote on the server).
    for (bool keepSpaces : { false, true }) {
        const QString encoded = text::odataFilterForUrl(filter, keepSpaces);
        QVERIFY(!encoded.contains(QLatin1Char('&')) && !encoded.contains(QLatin1Char('#')));
        const QUrlQuery query(
            QStringLiteral("$filter=") + QString(encoded).replace(QLatin1Char(' '), QStringLiteral("%20")));
        QCOMPARE(query.queryItems(QUrl::FullyDecoded).size(), 1);
        QCOMPARE(query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded), filter);
    }
}

void TestQuoting::fetchFiltersQuoteTheirValues()
{
    // calens fetch --user-id / --app-id / --correlation-id: each value is one OData literal of the $filter,
    // and the URL's query holds exactly $filter and $top.
    QFETCH(QString, value);
    graph::FetchOptions o;
    o.sinceMs = 0;
    o.untilMs = 3600 * 1000;
    o.slices = 1;
    o.userId = o.appId = o.correlationId = value.isEmpty() ? QStringLiteral("x") : value;
    const auto queries = graph::planSignInQueries(o, graph::endpointsFor(graph::Cloud::Global));
    QVERIFY(!queries.empty());
    for (const auto& q : queries) {
        const QUrlQuery query(q.url);
        const auto items = query.queryItems(QUrl::FullyDecoded);
        QCOMPARE(items.size(), 2);
        const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
        bool broken = false;
        const QStringList literals = stringsOf(lexOData(filter), &broken);
        QVERIFY2(!broken, qPrintable(filter));
        QCOMPARE(literals.count(o.userId), 3);
        for (const LexToken& t : lexOData(filter)) QVERIFY2(t.text != QLatin1String("ne"), qPrintable(filter));
    }
}

void TestQuoting::jsonLiteral()
{
    QFETCH(QString, value);
    const QString literal = text::jsonLiteral(value);
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson((QStringLiteral("[") + literal + QStringLiteral("]")).toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(doc.array().size(), 1);
    QCOMPARE(doc.array().at(0).toString(), value);
    QVERIFY(
        !literal.contains(QChar(0x2028)) && !literal.contains(QChar(0x2029)) && !literal.contains(QLatin1Char('\n')));
}

void TestQuoting::singleLine()
{
    for (const QString& v : hostileValues()) {
        const QString line = text::singleLine(v);
        for (QChar c : line) {
            QVERIFY2(!text::isHidingCharacter(c.unicode()) || c == QLatin1Char('\t'), qPrintable(line));
        }
    }
    QCOMPARE(text::singleLine(QStringLiteral("a\r\nb\u2028c\u0085d")), QStringLiteral("a  b c d"));
    QCOMPARE(text::singleLine(QStringLiteral("x\u001b[2Jy")), QStringLiteral("x[U+001B][2Jy"));
    QCOMPARE(text::singleLine(QStringLiteral("Bo \u738b\u4f1f")), QStringLiteral("Bo \u738b\u4f1f"));
}

void TestQuoting::terminalSafeJson()
{
    for (const QString& v : hostileValues()) {
        const nlohmann::json value = { { "name", v.toStdString() } };
        const std::string safe = text::terminalSafeJson(value.dump(2));
        for (QChar c : QString::fromStdString(safe))
            QVERIFY2(
                !text::isHidingCharacter(c.unicode()) || c == QLatin1Char('\n') || c == QLatin1Char(' '), safe.c_str());
        QVERIFY(nlohmann::json::parse(safe) == value); // the same value, only escaped
    }
}

void TestQuoting::guids_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lower") << "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c" << true;
    QTest::newRow("upper") << "6F3C0D2E-8A41-4B7E-9C55-1D2E3F4A5B6C" << true;
    QTest::newRow("braces") << "{6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c}" << false;
    QTest::newRow("no dashes") << "6f3c0d2e8a414b7e9c551d2e3f4a5b6c" << false;
    QTest::newRow("space") << " 6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c" << false;
    QTest::newRow("quote") << "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6\u2019" << false;
    QTest::newRow("injection") << "\u2019;Start-Process calc;\u2019" << false;
    QTest::newRow("non-hex") << "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6g" << false;
    QTest::newRow("dash moved") << "6f3c0d2e8-a41-4b7e-9c55-1d2e3f4a5b6c" << false;
    QTest::newRow("fullwidth digit") << "\uff16f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c" << false;
    QTest::newRow("empty") << "" << false;
}

void TestQuoting::guids()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(text::isCanonicalGuid(text), valid);
}

void TestQuoting::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::newRow("v4") << "198.51.100.24"
                        << "198.51.100.24";
    QTest::newRow("v6 upper") << "2001:DB8::1"
                              << "2001:db8::1";
    QTest::newRow("v6 long") << "2001:0db8:0000:0000:0000:0000:0000:0001"
                             << "2001:db8::1";
    QTest::newRow("v6 scope id") << "fe80::1%eth0"
                                 << "";
    QTest::newRow("v6 scope id number") << "fe80::1%2"
                                        << "";
    QTest::newRow("v6 scope id injection") << "fe80::1%';Start-Process calc;'"
                                           << "";
    QTest::newRow("v4 leading zero") << "010.0.0.1"
                                     << "";
    QTest::newRow("v4 short") << "10.1"
                              << "";
    QTest::newRow("v4 space") << "10.0.0.1 "
                              << "";
    QTest::newRow("v4 prefix") << "10.0.0.1/32"
                               << "";
    QTest::newRow("v4 in brackets") << "[10.0.0.1]"
                                    << "";
    QTest::newRow("v4-mapped") << "::ffff:198.51.100.7"
                               << "::ffff:198.51.100.7";
    QTest::newRow("name") << "gateway.contoso.com"
                          << "";
}

void TestQuoting::addresses()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto ip = text::canonicalIp(text);
    QCOMPARE(ip.value_or(QString()), canonical);
    if (!canonical.isEmpty()) {
        QCOMPARE(
            text::canonicalCidr(text + QStringLiteral("/24")).value_or(QString()), canonical + QStringLiteral("/24"));
    }
    QVERIFY(!text::canonicalCidr(QStringLiteral("198.51.100.0/33")));
    QVERIFY(!text::canonicalCidr(QStringLiteral("198.51.100.0/024")));
    QVERIFY(!text::canonicalCidr(QStringLiteral("fe80::%eth0/64")));
}

std::vector<Diagnosis> TestQuoting::diagnoseAll(const Names& n, const char* userId, const char* spId, const QString& ip,
    const char* policyId, const char* locationId)
{
    // A refresh blocked by MFA and a location policy (exclude-user, add-trusted-ip), a service principal
    // blocked by MFA (exclude-service-principal), and a risky interactive sign-in (remediate-user-risk).
    const auto mfa = policyEntry(policyId, n.policy, "Mfa", "application,users");
    const auto location = policyEntry(kPolicyLocation, n.policy, "Block", "application,users,location");
    const auto risk = policyEntry(kPolicyRisk, n.policy, "Block", "application,users,signInRisk");
    const std::vector<std::string> files = {
        page(std::vector<nlohmann::json> {
            signInRecord(n, "nonInteractiveUser", nlohmann::json::array({ mfa, location }), userId, spId, ip) }),
        page(std::vector<nlohmann::json> {
            signInRecord(n, "servicePrincipal", nlohmann::json::array({ mfa }), userId, spId, ip) }),
        page(std::vector<nlohmann::json> {
            signInRecord(n, "interactiveUser", nlohmann::json::array({ risk }), userId, spId, ip, "high") }),
    };
    std::vector<Diagnosis> out;
    int i = 0;
    for (const std::string& content : files) {
        const QString path = m_dir.filePath(QStringLiteral("signins-%1.json").arg(++i));
        const QString locationsPath = m_dir.filePath(QStringLiteral("locations-%1.json").arg(i));
        const QString policiesPath = m_dir.filePath(QStringLiteral("policies-%1.json").arg(i));
        // The location policy excludes the named location by id: its fix adds the range there.
        const nlohmann::json policies = { { "value",
            nlohmann::json::array(
                { { { "id", kPolicyLocation }, { "displayName", n.policy.toStdString() }, { "state", "enabled" },
                    { "conditions",
                        { { "users", { { "includeUsers", { "All" } } } },
                            { "applications", { { "includeApplications", { "All" } } } },
                            { "locations",
                                { { "includeLocations", { "All" } }, { "excludeLocations", { locationId } } } } } },
                    { "grantControls", { { "operator", "OR" }, { "builtInControls", { "block" } } } } } }) } };
        for (const auto& [p, text] :
            { std::pair { path, content }, std::pair { locationsPath, locations(n.location, locationId) },
                std::pair { policiesPath, policies.dump() } }) {
            QFile f(p);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(p));
            f.write(text.data(), qint64(text.size()));
        }
        const Loaded l = load(QStringList { path, locationsPath, policiesPath });
        out.push_back(Diagnoser(*l.dataset).diagnose(0));
    }
    return out;
}

void TestQuoting::generatedScripts()
{
    QFETCH(QString, value);
    const Names benign { QStringLiteral("Refresh account"), QStringLiteral("svc@contoso.com"),
        QStringLiteral("adf-prod"), QStringLiteral("Require MFA"), QStringLiteral("HQ egress"),
        QStringLiteral("Power BI Desktop") };
    const Names hostile { value, value + QStringLiteral("@contoso.com"), value, value, value, value };
    const auto expected = diagnoseAll(benign);
    const auto got = diagnoseAll(hostile);
    QStringList covered;
    for (size_t d = 0; d < expected.size(); ++d) {
        QCOMPARE(got[d].fixes.size(), expected[d].fixes.size());
        for (size_t f = 0; f < expected[d].fixes.size(); ++f) {
            const QString& want = expected[d].fixes[f].powershell;
            const QString& have = got[d].fixes[f].powershell;
            QCOMPARE(got[d].fixes[f].withheld.isEmpty(), expected[d].fixes[f].withheld.isEmpty());
            const auto wantTokens = lexPowerShell(want);
            const auto haveTokens = lexPowerShell(have);
            // The same structure: every token but the strings that carry the names is identical.
            QVERIFY2(wantTokens.size() == haveTokens.size(), qPrintable(have));
            for (size_t t = 0; t < wantTokens.size(); ++t) {
                QCOMPARE(haveTokens[t].kind, wantTokens[t].kind);
                if (wantTokens[t].kind != Kind::String) QCOMPARE(haveTokens[t].text, wantTokens[t].text);
                if (haveTokens[t].kind == Kind::Comment)
                    QVERIFY2(
                        value.isEmpty() || !haveTokens[t].text.contains(text::singleLine(value)), qPrintable(have));
            }
            // Names are data: each reads back (on one line) from a string, never from code or a comment.
            const QStringList strings = stringsOf(haveTokens);
            if (!value.isEmpty() && want.contains(QLatin1String("Name = ")))
                QVERIFY2(std::any_of(strings.begin(), strings.end(),
                             [&](const QString& s) { return s.contains(text::singleLine(value)); }),
                    qPrintable(have));
            covered << QString::fromStdString(expected[d].fixes[f].id);
        }
    }
    for (const char* fix : { "exclude-principal", "add-trusted-ip", "remediate-risk" })
        QVERIFY2(covered.contains(QLatin1String(fix)), qPrintable(covered.join(QLatin1Char(' '))));
    bool range = false; // the location fix is a script, not withheld: the range script is covered too
    for (const auto& f : expected[0].fixes) range |= f.change && f.change->kind == fix::Change::Kind::AddIpRange;
    QVERIFY(range);
}

void TestQuoting::verificationQueriesAndFilters()
{
    QFETCH(QString, value);
    // The id columns of the verification come straight from the log: quoted, they cannot widen the query.
    const QByteArray id = value.toUtf8();
    const Names n { QStringLiteral("Refresh"), QStringLiteral("svc@contoso.com"), QStringLiteral("adf"),
        QStringLiteral("Require MFA"), QStringLiteral("HQ"), QStringLiteral("Power BI") };
    const auto all = diagnoseAll(n, id.constData(), id.constData());
    for (const Diagnosis& d : all) {
        QVERIFY(!d.fixes.empty());
        for (const auto& f : d.fixes) {
            bool broken = false;
            const auto kql = lexKql(f.kql);
            const QStringList kqlStrings = stringsOf(kql, &broken);
            QVERIFY2(!broken && kqlStrings.size() == 2, qPrintable(f.kql));
            QCOMPARE(kqlStrings[1], value);
            for (const LexToken& t : kql) QVERIFY2(t.text != QLatin1String("or"), qPrintable(f.kql));
            // The Graph filter: percent-decoded, the id is one OData literal.
            const QString query = f.graphFilter.section(QLatin1Char('?'), 1);
            QVERIFY(!query.contains(QLatin1Char('&')) && !query.contains(QLatin1Char('#')));
            const QString filter = QUrlQuery(QString(query).replace(QLatin1Char(' '), QStringLiteral("%20")))
                                       .queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
            const QStringList odataStrings = stringsOf(lexOData(filter), &broken);
            QVERIFY2(!broken && odataStrings.size() == 3, qPrintable(filter));
            QCOMPARE(odataStrings[1], value);
        }
    }
}

void TestQuoting::verificationQueriesByKustoAnalyzer()
{
    const Names n { QStringLiteral("Refresh"), QStringLiteral("svc@contoso.com"), QStringLiteral("adf"),
        QStringLiteral("Require MFA"), QStringLiteral("HQ"), QStringLiteral("Power BI") };
    QStringList queries, ids;
    for (const QString& v : hostileValues()) {
        const QByteArray id = v.toUtf8();
        for (const Diagnosis& d : diagnoseAll(n, id.constData(), id.constData()))
            for (const auto& f : d.fixes) {
                queries << f.kql;
                ids << v;
            }
    }
    QString why;
    const auto result = kustoLex(queries, &why);
    if (!result) QSKIP(qPrintable(why));
    for (size_t i = 0; i < result->size(); ++i) {
        const auto& r = (*result)[i];
        QVERIFY2(r["diagnostics"].empty(), r.dump().c_str());
        QStringList strings;
        for (const auto& t : r["tokens"]) {
            QVERIFY2(t["kind"] != "OrKeyword", r.dump().c_str());
            if (t["kind"] == "StringLiteralToken") strings << QString::fromStdString(t["value"]);
        }
        QCOMPARE(strings.size(), 2);
        QCOMPARE(strings[1], ids[qsizetype(i)]);
    }
}

void TestQuoting::malformedIdsGetNoScript_data()
{
    QTest::addColumn<QByteArray>("principalId");
    QTest::addColumn<QByteArray>("policyId");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("withheldFix");
    const QByteArray goodUser(kUserId), goodPolicy(kPolicyMfa);
    QTest::newRow("principal id with a quote")
        << QByteArray("\xe2\x80\x99;Start-Process calc;\xe2\x80\x99") << goodPolicy << "203.0.113.7"
        << "exclude-principal";
    QTest::newRow("policy id with a quote") << goodUser << QByteArray("';Start-Process calc;'") << "203.0.113.7"
                                            << "exclude-principal";
    QTest::newRow("IPv6 scope id") << goodUser << goodPolicy << "fe80::1%';Start-Process calc;'"
                                   << "add-trusted-ip";
}

void TestQuoting::malformedIdsGetNoScript()
{
    QFETCH(QByteArray, principalId);
    QFETCH(QByteArray, policyId);
    QFETCH(QString, ip);
    QFETCH(QString, withheldFix);
    const Names n { QStringLiteral("Refresh"), QStringLiteral("svc@contoso.com"), QStringLiteral("adf"),
        QStringLiteral("Require MFA"), QStringLiteral("HQ"), QStringLiteral("Power BI") };
    const auto all = diagnoseAll(n, principalId.constData(), principalId.constData(), ip, policyId.constData());
    int seen = 0;
    for (const Diagnosis& d : all)
        for (const auto& f : d.fixes) {
            QVERIFY2(!f.powershell.contains(QLatin1String("Start-Process")), qPrintable(f.powershell));
            QVERIFY2(!f.graphRequest.url.contains(QLatin1String("Start-Process")), qPrintable(f.graphRequest.url));
            QVERIFY(f.graphRequest.body.find("Start-Process") == std::string::npos);
            if (QString::fromStdString(f.id) == withheldFix
                && (f.id != "exclude-principal" || d.cause != "identity-risk")) {
                QVERIFY2(!f.withheld.isEmpty(), qPrintable(f.powershell));
                QVERIFY(f.graphRequest.url.isEmpty());
                ++seen;
            }
        }
    QVERIFY(seen > 0);
}

QTEST_GUILESS_MAIN(TestQuoting)
#include "tst_quoting.moc"
