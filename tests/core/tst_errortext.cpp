// SPDX-License-Identifier: MIT
// "Start where the admin starts": a pasted error of every shape an admin receives gives its codes, ids, time,
// app, IP, device and user; the matching sign-in is found by correlation id, request id or time with hints;
// without one, the fetch hint quotes every value from the paste.
#include "diagnosis/diagnoser.h"
#include "diagnosis/errorfetch.h"
#include "diagnosis/errormatch.h"
#include "diagnosis/errortext.h"
#include "diagnosis/fetchhint.h"
#include "model/signinref.h"
#include "support/lexers.h"
#include "support/loader.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"

#include <QFile>
#include <QTest>

using namespace calens;
using namespace calens::test;

namespace {

QString sample(const QString& name)
{
    QFile f(testData(QStringLiteral("errortext/") + name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString iso(int64_t ms)
{
    return ms == kNoTime ? QString() : QString::fromStdString(formatIso(ms));
}

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void shapes_data();
    void shapes();
    void escapedInsideAnotherString();
    void serviceIdsAreNotEntraIds();
    void hostilePaste();
    void matchByCorrelationId();
    void matchByRequestId();
    void matchByTimeWithHints();
    void timeAloneIsNotEnoughWhenSeveralFit();
    void fetchHintQuotesEveryValue();
    void fetchHintWithoutIds();
    void fetchOptionsForAnError();

private:
    uint32_t blockedRow() const;
    Dataset m_demo;
};

void TestErrorText::initTestCase()
{
    SynthOptions o; // the demo tenant
    o.seed = 1;
    o.signIns = 2000;
    synthesize(o, m_demo);
}

void TestErrorText::shapes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QString>("correlationId");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QString>("appId");
    QTest::addColumn<QString>("appName");
    QTest::addColumn<QString>("ipAddress");
    QTest::addColumn<QString>("deviceId");
    QTest::addColumn<QString>("userHint");

    QTest::newRow("MSAL token error JSON")
        << "msal-token-error.json" << QList<int> { 53003 } << "0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"
        << "5f0d3c1e-7a2b-4c9d-8e1f-2a3b4c5d6e7f"
        << "2026-10-09T14:21:07Z" << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("Azure SDK exception with the body inside")
        << "sdk-exception.txt" << QList<int> { 53003 } << "1c2d3e4f-5061-4283-94a5-b6c7d8e9f0a1"
        << "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"
        << "2026-10-09T14:21:07Z" << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("browser sign-in page")
        << "signin-page.txt" << QList<int> { 53003 } << "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
        << "8a9b0c1d-2e3f-4a5b-9c6d-7e8f90a1b2c3"
        << "2026-10-09T14:21:07.318Z"
        << "2f3e4d5c-6b7a-4988-a7b6-c5d4e3f2a1b0"
        << "Contoso Expenses"
        << "198.51.100.23"
        << "7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8"
        << "alice.wong@contoso.example";
    QTest::newRow("Power BI refresh failure")
        << "powerbi-refresh.txt" << QList<int> { 53003 } << "2d3e4f50-6172-4394-a5b6-c7d8e9f0a1b2"
        << "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b"
        << "2026-10-09T14:21:07Z" << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("application log line")
        << "app-log-line.txt" << QList<int> { 53003 } << "5e6f7081-92a3-44b5-86c7-d8e9f0a1b2c3" << QString()
        << "2026-10-09T14:21:07.512Z"
        << "9d8c7b6a-5f4e-4d3c-8b2a-190817263544" << QString() << "203.0.113.47" << QString()
        << "svc-sales@contoso.example";
}

void TestErrorText::shapes()
{
    QFETCH(QString, file);
    const QString text = sample(file);
    QVERIFY2(!text.isEmpty(), qPrintable(file));
    const ErrorText e = parseErrorText(text);
    QTEST(e.codes, "codes");
    QTEST(e.correlationId, "correlationId");
    QTEST(e.requestId, "requestId");
    QTEST(iso(e.timestampMs), "timestamp");
    QTEST(e.appId, "appId");
    QTEST(e.appName, "appName");
    QTEST(e.ipAddress, "ipAddress");
    QTEST(e.deviceId, "deviceId");
    QTEST(e.userHint, "userHint");
    QVERIFY(!e.truncated);
}

void TestErrorText::escapedInsideAnotherString()
{
    // The token error as a string value inside a job's JSON log record, itself quoted once more, with the line
    // breaks of the description lost.
    QString inner = sample(QStringLiteral("msal-token-error.json")).trimmed();
    inner.replace(QStringLiteral("\\r\\n"), QStringLiteral(" "));
    QString once = inner;
    once.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    QString twice = once;
    twice.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    const QString record
        = QStringLiteral("{\"level\":\"error\",\"msg\":\"{\\\"exception\\\":\\\"%1\\\"}\"}").arg(twice);
    const ErrorText e = parseErrorText(record);
    QCOMPARE(e.codes, QList<int> { 53003 });
    QCOMPARE(e.correlationId, QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"));
    QCOMPARE(e.requestId, QStringLiteral("5f0d3c1e-7a2b-4c9d-8e1f-2a3b4c5d6e7f"));
    QCOMPARE(iso(e.timestampMs), QStringLiteral("2026-10-09T14:21:07Z"));
}

void TestErrorText::serviceIdsAreNotEntraIds()
{
    // A service names its own request and activity ids; with no correlation id beside them they are not the
    // sign-in log's.
    const ErrorText e = parseErrorText(QStringLiteral(
        "Failed to refresh: AADSTS53003 Access has been blocked by Conditional Access policies.\n"
        "Activity ID: aa0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d\nRequest ID: bb1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e\n"
        "Time: 10/9/2026 2:21:12 PM"));
    QCOMPARE(e.codes, QList<int> { 53003 });
    QVERIFY(e.requestId.isEmpty());
    QVERIFY(e.correlationId.isEmpty());
    QCOMPARE(iso(e.timestampMs), QStringLiteral("2026-10-09T14:21:12Z"));
}

void TestErrorText::hostilePaste()
{
    // Ids that are not GUIDs, an address with a quote, a user with a quote, codes by the thousand, over 1 MiB.
    QString text = QStringLiteral("Correlation ID: 0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0' or 1 eq 1\n"
                                  "Request Id: {0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0}\n"
                                  "IP address: 203.0.113.7';drop\nApp id: \"; rm -rf /\nuser=o'brien\"@x.example\n");
    for (int i = 0; i < 20000; ++i) text += QStringLiteral("AADSTS%1 \\\\\\\" Correlation ID: x ").arg(50000 + i);
    text += QString(int(kMaxErrorTextChars), QLatin1Char('{'));
    const ErrorText e = parseErrorText(text);
    QVERIFY(e.truncated);
    QCOMPARE(e.codes.size(), 16); // bounded
    QCOMPARE(e.correlationId, QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0")); // the GUID, not what follows
    QVERIFY(e.requestId.isEmpty()); // braces are not the canonical form
    QCOMPARE(e.ipAddress, QStringLiteral("203.0.113.7")); // the address, never what follows it
    QVERIFY(e.appId.isEmpty());
    QVERIFY(!e.userHint.contains(QLatin1Char('"')));
    QVERIFY(parseErrorText(QString()).hasAnything() == false);
}

uint32_t TestErrorText::blockedRow() const
{
    // A blocked sign-in with a unique correlation id, an app and an address.
    for (uint32_t row = 0; row < m_demo.signInCount(); ++row) {
        const SignInRef s = m_demo.signIn(row);
        if (s.errorCode() != 53003 || s.str(SF::IpAddress).empty() || s.str(SF::AppId).empty()) continue;
        if (findSignIn(m_demo, QString(), q(s.str(SF::CorrelationId))) == row) return row;
    }
    return UINT32_MAX;
}

void TestErrorText::matchByCorrelationId()
{
    const uint32_t row = blockedRow();
    QVERIFY(row != UINT32_MAX);
    ErrorText e = parseErrorText(sample(QStringLiteral("msal-token-error.json"))
                                     .replace(QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"),
                                         q(m_demo.signIn(row).str(SF::CorrelationId)).toUpper()));
    const ErrorMatch m = matchErrorText(m_demo, e);
    QCOMPARE(m.by, ErrorMatch::By::CorrelationId);
    QCOMPARE(m.row, row);
    QCOMPARE(matchedByName(m.by), "correlationId");
}

void TestErrorText::matchByRequestId()
{
    const uint32_t row = blockedRow();
    ErrorText e = parseErrorText(
        sample(QStringLiteral("signin-page.txt"))
            .replace(QStringLiteral("8a9b0c1d-2e3f-4a5b-9c6d-7e8f90a1b2c3"), q(m_demo.signIn(row).str(SF::Id))));
    const ErrorMatch m = matchErrorText(m_demo, e); // the page's correlation id is in no log
    QCOMPARE(m.by, ErrorMatch::By::RequestId);
    QCOMPARE(m.row, row);
}

void TestErrorText::matchByTimeWithHints()
{
    const uint32_t row = blockedRow();
    const SignInRef s = m_demo.signIn(row);
    // A log line without ids: the time (a minute after the sign-in), the app and the address find it.
    const QString line = QStringLiteral("%1 ERROR token request failed client_id=%2 ip=%3 AADSTS53003")
                             .arg(iso(s.createdMs() + 60000), q(s.str(SF::AppId)), q(s.str(SF::IpAddress)));
    const ErrorText e = parseErrorText(line);
    QVERIFY(e.correlationId.isEmpty());
    const ErrorMatch m = matchErrorText(m_demo, e);
    QCOMPARE(m.by, ErrorMatch::By::Time);
    QCOMPARE(m.row, row);
    // A hint that contradicts the sign-in rules it out: another address, nothing else in the window fits.
    const ErrorText other = parseErrorText(
        QStringLiteral("%1 client_id=%2 ip=192.0.2.250 AADSTS53003").arg(iso(s.createdMs()), q(s.str(SF::AppId))));
    QVERIFY(matchErrorText(m_demo, other).row != row);
    // Outside the window nothing matches.
    const ErrorText late
        = parseErrorText(QStringLiteral("%1 client_id=%2 ip=%3 AADSTS53003")
                             .arg(iso(s.createdMs() + 6 * 60000), q(s.str(SF::AppId)), q(s.str(SF::IpAddress))));
    QVERIFY(matchErrorText(m_demo, late).row != row);
}

void TestErrorText::timeAloneIsNotEnoughWhenSeveralFit()
{
    // With only a time, a window holding several failed sign-ins is ambiguous: better no match than a wrong one.
    int64_t busy = kNoTime;
    for (uint32_t row = 0; row < m_demo.signInCount() && busy == kNoTime; ++row) {
        const SignInRef s = m_demo.signIn(row);
        if (s.errorCode() == 0) continue;
        for (uint32_t other = row + 1; other < m_demo.signInCount(); ++other) {
            const SignInRef o = m_demo.signIn(other);
            if (o.errorCode() != 0 && std::llabs(o.createdMs() - s.createdMs()) <= kErrorMatchWindowMs / 2) {
                busy = s.createdMs();
                break;
            }
        }
    }
    QVERIFY2(busy != kNoTime, "the demo tenant has no two failed sign-ins within a few minutes");
    const ErrorText e = parseErrorText(QStringLiteral("%1 ERROR sign-in failed").arg(iso(busy)));
    QVERIFY(e.codes.isEmpty());
    QCOMPARE(matchErrorText(m_demo, e).by, ErrorMatch::By::None);
}

void TestErrorText::fetchHintQuotesEveryValue()
{
    const ErrorText e = parseErrorText(sample(QStringLiteral("msal-token-error.json")));
    const FetchHint h = fetchHintFor(e);
    QCOMPARE(h.graphFilter,
        QStringLiteral("createdDateTime ge 2026-10-09T14:16:07Z and createdDateTime le 2026-10-09T14:26:07Z and "
                       "correlationId eq '0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0'"));
    QCOMPARE(h.graphRequests.size(), 3);
    for (const QString& r : h.graphRequests) {
        QVERIFY(r.startsWith(QStringLiteral("GET https://graph.microsoft.com/beta/auditLogs/signIns?$filter=")));
        QVERIFY(r.contains(QStringLiteral("signInEventTypes/any(t:")));
        QVERIFY(!r.contains(QLatin1Char('&')));
    }
    for (const char* table : { "SigninLogs", "AADNonInteractiveUserSignInLogs", "AADServicePrincipalSignInLogs",
             "AADManagedIdentitySignInLogs" })
        QVERIFY2(h.kql.contains(QLatin1String(table)), table);
    QVERIFY(h.kql.contains(QStringLiteral("CorrelationId == \"0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0\"")));

    // A user hint with a quote stays one string token in both languages.
    const ErrorText hostile = parseErrorText(
        QStringLiteral("2026-10-09T14:21:07Z AADSTS53003 user=o'brien@contoso.example ip=203.0.113.7"));
    QVERIFY(hostile.userHint.contains(QLatin1Char('\'')));
    const FetchHint hh = fetchHintFor(hostile);
    int strings = 0;
    for (const LexToken& t : lexOData(hh.graphFilter)) {
        QVERIFY(t.kind != LexToken::Kind::Unterminated);
        if (t.kind == LexToken::Kind::String) {
            ++strings;
            QVERIFY(t.value == hostile.userHint || t.value == hostile.ipAddress);
        }
    }
    QCOMPARE(strings, 2);
    strings = 0;
    for (const LexToken& t : lexKql(hh.kql)) {
        QVERIFY(t.kind != LexToken::Kind::Unterminated);
        if (t.kind == LexToken::Kind::String) {
            ++strings;
            QVERIFY(t.value == hostile.userHint || t.value == hostile.ipAddress || t.value == QLatin1String("53003"));
        }
    }
    QCOMPARE(strings, 3);
}

void TestErrorText::fetchHintWithoutIds()
{
    QVERIFY(fetchHintFor(parseErrorText(QStringLiteral("AADSTS53003 and nothing else"))).isEmpty());
}

// What "Fetch from the tenant…" asks Graph for.
void TestErrorText::fetchOptionsForAnError()
{
    const int64_t now = parseTimestamp("2026-10-20T12:00:00Z");
    const int64_t at = parseTimestamp("2026-10-15T09:12:44Z");
    ErrorText e;
    e.codes = { 53003 };
    e.correlationId = QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0");
    e.appId = QStringLiteral("00000003-0000-0000-c000-000000000000");
    e.timestampMs = at;
    // A correlation ID: its whole flow (any result, any kind) around the time, with the policies.
    auto o = fetchOptionsFor(e, now);
    QVERIFY(o);
    QCOMPARE(o->correlationId, e.correlationId);
    QVERIFY(!o->errorCode && o->appId.isEmpty());
    QVERIFY(o->userSignIns && o->servicePrincipalSignIns && o->managedIdentitySignIns && o->directoryData);
    QCOMPARE(o->sinceMs, at - kErrorMatchWindowMs);
    QVERIFY(o->untilMs > at + kErrorMatchWindowMs - 1); // the window is half-open: its end is included
    // No time: Graph's 30 days up to now.
    e.timestampMs = kNoTime;
    o = fetchOptionsFor(e, now);
    QVERIFY(o);
    QCOMPARE(o->untilMs, now);
    QCOMPARE(o->untilMs - o->sinceMs, int64_t(30) * 24 * 3600 * 1000);
    // No correlation ID: the code and the app within the time window.
    e.correlationId.clear();
    QVERIFY(!fetchOptionsFor(e, now)); // nor a time: nothing to ask for
    e.timestampMs = at;
    o = fetchOptionsFor(e, now);
    QVERIFY(o);
    QCOMPARE(o->errorCode.value_or(0), 53003);
    QCOMPARE(o->appId, e.appId);
    // A time after now (a clock off by a day) cannot be fetched.
    QVERIFY(!fetchOptionsFor(e, at - 24 * 3600 * 1000LL));
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
