// SPDX-License-Identifier: MIT
// Small pieces the readers stand on: timestamps, IP ranges, enum parsing, the string pool, the table model.
#include "ingest/timestamp.h"
#include "model/enums.h"
#include "model/iprange.h"
#include "model/stringpool.h"
#include "query/signintablemodel.h"
#include "support/loader.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace calens;
using namespace calens::test;

class TestBasics : public QObject
{
    Q_OBJECT
private slots:
    void timestamps_data();
    void timestamps();
    void ipRanges();
    void grantControls();
    void conditions();
    void stringPool();
    void tableModel();
};

void TestBasics::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("iso");
    auto row = [](const char* t, const char* iso) {
        QTest::newRow(t) << QString::fromLatin1(t) << QString::fromLatin1(iso);
    };
    row("2021-06-30T16:34:32Z", "2021-06-30T16:34:32Z");
    row("2019-03-12T16:02:15.5522137+00:00", "2019-03-12T16:02:15.552Z");
    row("2026-10-01T08:00:00-05:00", "2026-10-01T13:00:00Z");
    row("2026-10-01T08:00:00.1234567Z", "2026-10-01T08:00:00.123Z");
    row("9/19/2023, 1:45:17.287 PM", "2023-09-19T13:45:17.287Z");
    row("3/12/2025 7:22:01 AM", "2025-03-12T07:22:01Z");
    row("12/3/2025 12:05:00 AM", "2025-12-03T00:05:00Z");
    row("19/09/2023 13:45:17", "2023-09-19T13:45:17Z");
    row("/Date(1790841600000)/", "2026-10-01T08:00:00Z");
    row("2024-02-29 23:59:59", "2024-02-29T23:59:59Z");
    row("not a date", "");
    row("2023-13-01T00:00:00Z", "");
    row("9/19/2023, 13:45:17 PM", "");
}

void TestBasics::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QString, iso);
    const QByteArray t = text.toUtf8();
    QCOMPARE(q(formatIso(parseTimestamp(std::string_view(t.constData(), size_t(t.size()))))), iso);
}

void TestBasics::ipRanges()
{
    auto r = IpRange::parseCidr("10.1.2.3/8");
    QVERIFY(r);
    QVERIFY(r->contains(*IpAddress::parse("10.255.0.1")));
    QVERIFY(!r->contains(*IpAddress::parse("11.0.0.1")));
    QVERIFY(r->contains(*IpAddress::parse("::ffff:10.0.0.1"))); // an IPv4-mapped address is its IPv4 address
    QVERIFY(!IpRange::parseCidr("10.0.0.0/33"));
    QVERIFY(!IpRange::parseCidr("300.0.0.0/8"));
    QVERIFY(!IpRange::parseCidr("10.0.0.0/"));
    auto host = IpRange::parseCidr("2001:db8::1");
    QVERIFY(host && host->contains(*IpAddress::parse("2001:db8::1")));
    QVERIFY(!host->contains(*IpAddress::parse("2001:db8::2")));
    auto mapped = IpRange::parseCidr("::ffff:10.0.0.0/104");
    QVERIFY(mapped && mapped->contains(*IpAddress::parse("10.200.1.1"))
        && !mapped->contains(*IpAddress::parse("11.0.0.1")));
    auto all = IpRange::parseCidr("0.0.0.0/0");
    QVERIFY(all->contains(*IpAddress::parse("203.0.113.9")));
}

void TestBasics::grantControls()
{
    QCOMPARE(parseGrantControl("Mfa"), uint16_t(Grant::Mfa));
    QCOMPARE(parseGrantControl("Require multifactor authentication"), uint16_t(Grant::Mfa));
    QCOMPARE(parseGrantControl("RequireCompliantDevice"), uint16_t(Grant::CompliantDevice));
    QCOMPARE(parseGrantControl("compliantDevice"), uint16_t(Grant::CompliantDevice));
    QCOMPARE(parseGrantControl("RequireApprovedApp"), uint16_t(Grant::ApprovedApplication));
    QCOMPARE(parseGrantControl("RequireCompliantApp"), uint16_t(Grant::CompliantApplication));
    QCOMPARE(parseGrantControl("RequireDomainJoinedDevice"), uint16_t(Grant::DomainJoinedDevice));
    QCOMPARE(parseGrantControl("RequirePasswordChange"), uint16_t(Grant::PasswordChange));
    QCOMPARE(parseGrantControl("Block"), uint16_t(Grant::Block));
    QCOMPARE(parseGrantControl("RequireDuoMfa"), uint16_t(Grant::Other)); // a custom control
    QCOMPARE(parseGrantControl(""), uint16_t(0));
    QCOMPARE(parsePolicyResult("reportOnlyFailure"), PolicyResult::ReportOnlyFailure);
    QCOMPARE(parsePolicyResult("REPORTONLYFAILURE"), PolicyResult::ReportOnlyFailure);
    QCOMPARE(parsePolicyResult("unknownFutureValue"), PolicyResult::Unknown);
    QCOMPARE(parsePolicyResult("applied"), PolicyResult::Unknown);
}

void TestBasics::conditions()
{
    QCOMPARE(parseConditions("application,users"), 3u);
    QCOMPARE(parseConditions("263"), 263u); // application|users|devicePlatform|deviceState, as exports write it
    QCOMPARE(parseConditions("none"), 0u);
    bool unknown = false;
    QCOMPARE(parseConditions("application, insiderRisk, fancyNewThing", &unknown), 1u | (1u << 16));
    QVERIFY(unknown);
}

void TestBasics::stringPool()
{
    StringPool pool;
    QCOMPARE(pool.intern(""), StrId(0));
    const StrId a = pool.intern("alpha");
    QCOMPARE(pool.intern("alpha"), a);
    for (int i = 0; i < 100000; ++i) pool.intern(std::to_string(i));
    QCOMPARE(pool.intern("alpha"), a);
    QCOMPARE(pool.view(a), std::string_view("alpha"));
    QCOMPARE(pool.find("12345"), pool.intern("12345"));
    QCOMPARE(pool.find("missing"), StrId(0));
    QCOMPARE(pool.size(), size_t(100002));
}

void TestBasics::tableModel()
{
    const Loaded l = load(QStringList { fixture(QStringLiteral("graph_beta_signins_list_response.json")),
        fixture(QStringLiteral("la_signinlogs_kql_export_2rows.csv")) });
    SignInTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::shared_ptr<const Dataset> shared(l.dataset.get(), [](const Dataset*) {});
    model.setDataset(shared);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, SignInTableModel::Identity).data().toString(), QStringLiteral("testaccount1@contoso.com"));
    QCOMPARE(model.index(0, SignInTableModel::ErrorCode).data().toInt(), 50126);
    QCOMPARE(model.index(0, SignInTableModel::Location).data().toString(), QStringLiteral("Redmond, US"));
    model.setRows({ 2, 1 });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SignInTableModel::ErrorCode).data().toInt(), 50140);
    QCOMPARE(model.index(0, 0).data(SignInTableModel::SignInRowRole).toUInt(), 2u);
}

QTEST_GUILESS_MAIN(TestBasics)
#include "tst_basics.moc"
