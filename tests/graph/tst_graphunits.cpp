// SPDX-License-Identifier: MIT
// The pure parts of core/graph: endpoints, retry arithmetic, slices and filters, error bodies, pages, secrets.
#include "graph/cloud.h"
#include "graph/envsecretstore.h"
#include "graph/fetchplan.h"
#include "graph/grapherror.h"
#include "graph/pageinspector.h"
#include "graph/retrypolicy.h"
#include "graph/secretvault.h"
#include "ingest/timestamp.h"

#include <QTest>
#include <QTimeZone>

using namespace calens;
using namespace calens::graph;

namespace {

// A keychain that is not there (headless, no Secret Service).
class MissingKeychain final : public SecretStore
{
public:
    int calls = 0;
    QString name() const override { return QStringLiteral("missing"); }
    void read(const QString&, Done done) override { done(unavailable()); }
    void write(const QString&, const QString&, Done done) override { done(unavailable()); }
    void remove(const QString&, Done done) override { done(unavailable()); }

private:
    SecretResult unavailable()
    {
        ++calls;
        SecretResult r;
        r.unavailable = true;
        r.error = QStringLiteral("the system keychain is not available (no D-Bus)");
        return r;
    }
};

} // namespace

class TestGraphUnits : public QObject
{
    Q_OBJECT
private slots:
    void clouds()
    {
        QCOMPARE(endpointsFor(Cloud::Global).graph.host(), QStringLiteral("graph.microsoft.com"));
        QCOMPARE(endpointsFor(Cloud::UsGov).authority.host(), QStringLiteral("login.microsoftonline.us"));
        QCOMPARE(endpointsFor(Cloud::China).graph.host(), QStringLiteral("microsoftgraph.chinacloudapi.cn"));
        QCOMPARE(endpointsFor(Cloud::Global).tokenUrl(QStringLiteral("contoso.com")).toString(),
            QStringLiteral("https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token"));
        QCOMPARE(endpointsFor(Cloud::Global).scope(), QStringLiteral("https://graph.microsoft.com/.default"));
        QCOMPARE(cloudFromName(QStringLiteral("USGov")), Cloud::UsGov);
        QVERIFY(!cloudFromName(QStringLiteral("mars")));
    }

    void plainHttpOnlyOnLoopback()
    {
        QString error;
        QVERIFY(resolveEndpoints(
            Cloud::Global, QStringLiteral("http://127.0.0.1:8080/"), QStringLiteral("http://[::1]:9"), &error));
        QVERIFY(resolveEndpoints(Cloud::Global, QStringLiteral("http://localhost:1"), {}, &error));
        QVERIFY(!resolveEndpoints(Cloud::Global, {}, QStringLiteral("http://graph.example.com"), &error));
        QVERIFY(error.contains(QLatin1String("plain http is refused")));
        QVERIFY(!resolveEndpoints(Cloud::Global, QStringLiteral("ftp://127.0.0.1"), {}, &error));
        QVERIFY(!resolveEndpoints(Cloud::Global, QStringLiteral("http://127.0.0.1.example.com"), {}, &error));
        QVERIFY(resolveEndpoints(Cloud::Global, QStringLiteral("https://login.example.com"), {}, &error));
    }

    void retryAfterSecondsAndHttpDate()
    {
        RetryPolicy p;
        const QDateTime now(QDate(2026, 10, 5), QTime(10, 0, 0), QTimeZone::utc());
        p.setClock([now] { return now; });
        QCOMPARE(p.retryAfterMs("7"), qint64(7000));
        QCOMPARE(p.retryAfterMs("Mon, 05 Oct 2026 10:00:30 GMT"), qint64(30000));
        QCOMPARE(p.retryAfterMs("Mon, 05 Oct 2026 09:00:00 GMT"), qint64(0)); // in the past: at once
        QVERIFY(!p.retryAfterMs("soon"));
        QCOMPARE(p.delayMs(1, "3"), 3000);
        p.maxDelayMs = 10000;
        QCOMPARE(p.delayMs(1, "3600"), 10000); // capped
    }

    void backoffWithJitter()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxDelayMs = 1000;
        p.setRandom([] { return 0.0; });
        QCOMPARE(p.delayMs(1), 50);
        QCOMPARE(p.delayMs(3), 200);
        p.setRandom([] { return 0.999999; });
        QCOMPARE(p.delayMs(1), 99);
        QCOMPARE(p.delayMs(3), 399);
        QCOMPARE(p.delayMs(10), 999); // capped at maxDelayMs
    }

    void slicesHaveNoGapsNorOverlap()
    {
        const int64_t since = parseTimestamp("2026-10-01T00:00:00.250Z");
        const int64_t until = parseTimestamp("2026-10-08T13:17:09Z");
        for (int n : { 1, 2, 3, 4, 7, 16 }) {
            const auto s = timeSlices(since, until, n);
            QCOMPARE(int(s.size()), n);
            QCOMPARE(s.front().first, since);
            QCOMPARE(s.back().second, until);
            for (size_t i = 1; i < s.size(); ++i) QCOMPARE(s[i].first, s[i - 1].second);
        }
        QCOMPARE(int(timeSlices(0, 1500, 8).size()), 1); // never below a second
        QVERIFY(timeSlices(10, 10, 4).empty());
    }

    void filterText()
    {
        FetchOptions o;
        o.errorCode = 53003;
        o.correlationId = QStringLiteral("o'brien");
        const QString f = signInFilter(o, QStringLiteral("signInEventTypes/any(t: t eq 'servicePrincipal')"),
            parseTimestamp("2026-10-05T10:00:00Z"), parseTimestamp("2026-10-05T11:00:00Z"));
        QCOMPARE(f,
            QStringLiteral("createdDateTime ge 2026-10-05T10:00:00Z and createdDateTime lt 2026-10-05T11:00:00Z and "
                           "status/errorCode eq 53003 and correlationId eq 'o''brien' and "
                           "signInEventTypes/any(t: t eq 'servicePrincipal')"));
        o.correlationId.clear();
        o.sinceMs = 0;
        o.untilMs = 4 * 3600 * 1000;
        const auto queries = planSignInQueries(o, endpointsFor(Cloud::Global));
        QCOMPARE(queries.size(), size_t(12)); // 3 event-type queries × 4 slices
        for (const auto& q : queries) {
            QVERIFY(q.url.toString().startsWith(
                QLatin1String("https://graph.microsoft.com/beta/auditLogs/signIns?$filter=")));
            QVERIFY(q.url.toString().contains(QLatin1String("$top=1000")));
        }
        QVERIFY(queries[0]
                    .url.query(QUrl::FullyDecoded)
                    .contains(QLatin1String("t eq 'interactiveUser' or t eq 'nonInteractiveUser'")));
    }

    void tokenErrorKeyedOnCodes()
    {
        const QByteArray body = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                                "secret provided.\\r\\nTrace ID: t\\r\\nCorrelation ID: c-1\\r\\nTimestamp: 2026-10-05 "
                                "10:00:00Z\",\"error_codes\":[7000215],\"timestamp\":\"2026-10-05 "
                                "10:00:00Z\",\"trace_id\":\"t\",\"correlation_id\":\"c-1\"}";
        const GraphError e = parseTokenError(401, body);
        QCOMPARE(e.code, QStringLiteral("AADSTS7000215"));
        QCOMPARE(e.correlationId, QStringLiteral("c-1"));
        QCOMPARE(e.detail, QStringLiteral("AADSTS7000215: Invalid client secret provided."));
        QVERIFY(e.text().startsWith(QLatin1String("AADSTS7000215: the client secret is wrong")));
        const GraphError blocked = parseTokenError(400,
            "{\"error\":\"interaction_required\",\"error_description\":\"AADSTS53003: Access has been blocked by "
            "Conditional Access policies.\",\"correlation_id\":\"x\"}");
        QVERIFY(blocked.isConditionalAccessBlock()); // from the description when error_codes is missing
        QCOMPARE(parseTokenError(502, "<html>").code, QStringLiteral("HTTP 502"));
    }

    void graphErrors()
    {
        const GraphError licence = parseGraphError(403,
            "{\"error\":{\"code\":\"Authentication_RequestFromNonPremiumTenantOrB2CTenant\",\"message\":\"Neither "
            "tenant is B2C or tenant doesn't have premium "
            "license\",\"innerError\":{\"date\":\"2021-09-02T14:32:39\",\"request-id\":\"r-1\"}}}");
        QCOMPARE(licence.kind, GraphError::Kind::Licence);
        QCOMPARE(licence.correlationId, QStringLiteral("r-1"));
        const GraphError denied = parseGraphError(
            403, "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}");
        QCOMPARE(denied.kind, GraphError::Kind::Permission);
        QVERIFY(denied.text().contains(QLatin1String("AuditLog.Read.All")));
    }

    void pages()
    {
        PageInfo p
            = inspectPage("{\"value\":[{\"id\":\"a\",\"appliedConditionalAccessPolicies\":[]},{\"id\":\"b\"}],\"@odata."
                          "nextLink\":\"https://graph.microsoft.com/beta/auditLogs/signIns?$top=2&$skiptoken=abc_1\"}",
                true);
        QVERIFY(p.ok);
        QCOMPARE(p.records, size_t(2));
        QCOMPARE(p.withoutCaPolicies, size_t(1));
        QCOMPARE(p.nextLink.toString(),
            QStringLiteral("https://graph.microsoft.com/beta/auditLogs/signIns?$top=2&$skiptoken=abc_1"));
        QVERIFY(!inspectPage("{\"value\":[{\"id\":\"a\"},{\"id\":", true).ok);
        QVERIFY(!inspectPage("{\"error\":{}}", true).ok);
    }

    void environmentSecret()
    {
        qputenv("CALENS_TEST_SECRET_VAR", "s3cr3t");
        EnvSecretStore env(QStringLiteral("CALENS_TEST_SECRET_VAR"));
        SecretResult r;
        env.read({}, [&r](const SecretResult& x) { r = x; });
        QVERIFY(r.ok);
        QCOMPARE(r.secret, QStringLiteral("s3cr3t"));
        EnvSecretStore unset(QStringLiteral("CALENS_TEST_SECRET_UNSET"));
        unset.read({}, [&r](const SecretResult& x) { r = x; });
        QVERIFY(!r.ok && r.unavailable);
        QVERIFY(!r.error.contains(QLatin1String("s3cr3t")));
    }

    void vaultFallsBackToSession()
    {
        auto keychain = std::make_unique<MissingKeychain>();
        MissingKeychain* raw = keychain.get();
        SecretVault vault(std::move(keychain));
        SecretResult r;
        vault.write(QStringLiteral("app"), QStringLiteral("pw"), [&r](const SecretResult& x) { r = x; });
        QVERIFY(r.ok);
        QVERIFY(!vault.keychainUsable());
        QVERIFY(vault.notice().contains(QLatin1String("this session only")));
        vault.read(QStringLiteral("app"), [&r](const SecretResult& x) { r = x; });
        QVERIFY(r.ok);
        QCOMPARE(r.secret, QStringLiteral("pw"));
        QCOMPARE(raw->calls, 1); // once unavailable, the keychain is not asked again
    }
};

QTEST_GUILESS_MAIN(TestGraphUnits)
#include "tst_graphunits.moc"
