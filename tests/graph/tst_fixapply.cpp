// SPDX-License-Identifier: MIT
// Fixes against the Graph emulator: planned on the live object (which an administrator changed after the
// export), applied with a backup and a read-back, refused on drift, rolled back exactly, and written only with
// the write permission. The emulator's synthetic tenant is the demo tenant (seed 1).
#include "emulatorprocess.h"
#include "support/testpaths.h"

#include "fix/applychange.h"
#include "fix/fixrunner.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "synth/synthesize.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace calens;
using namespace calens::fix;
using calens::test::EmulatorProcess;
using json = nlohmann::json;

namespace {

constexpr const char* kCa016 = "d7da9a44-7975-4e68-8fe0-9ce2875949cc"; // Require MFA for Power BI Service
constexpr const char* kNatLocation = "197f0394-9014-4967-9711-70ceea7e81f7"; // Azure egress (NAT gateway)
constexpr const char* kPbiRefresh = "6342d005-8023-48b3-9fc8-8a335be5b593"; // svc-pbirefresh@contoso.com
constexpr const char* kFabricSp = "a4fa0152-9c17-4a61-b3f8-6fada2d98da7"; // Fabric Data Pipeline
constexpr const char* kBreakGlass = "0e9a7c1d-2b3f-4c5d-8e6f-7a8b9c0d1e2f";

graph::Credentials secretCredentials()
{
    graph::Credentials c;
    c.method = graph::Credentials::Method::ClientSecret;
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    c.clientSecret = QString::fromLatin1(test::kEmulatorSecret);
    return c;
}

json object(EmulatorProcess& emu, const QString& collection, const QString& id)
{
    const QByteArray body = emu.get(QStringLiteral("/_emulator/object?collection=%1&id=%2").arg(collection, id));
    return json::parse(body.toStdString(), nullptr, false);
}

int writes(EmulatorProcess& emu)
{
    return json::parse(emu.stats().toStdString()).value("directoryWrites", -1);
}

// The list at a dotted path, created when missing: the test's own account of what the change must do.
json& listAt(json& j, const std::string& path)
{
    json* node = &j;
    size_t start = 0, dot;
    while ((dot = path.find('.', start)) != std::string::npos) {
        node = &(*node)[path.substr(start, dot - start)];
        start = dot + 1;
    }
    json& list = (*node)[path.substr(start)];
    if (list.is_null()) list = json::array();
    return list;
}

} // namespace

class TestFixApply : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void changeOnTheLiveObjectOnly_data();
    void changeOnTheLiveObjectOnly();
    void driftBetweenPlanAndApplyIsRefused();
    void rollbackRestoresAndRefusesAfterALaterChange();
    void writesOnlyWithTheWritePermission();
    void fixNoLongerApplies();

private:
    FixRunner::Result run(FixRunner& runner, const std::function<void()>& start)
    {
        QSignalSpy done(&runner, &FixRunner::finished);
        start();
        if (done.isEmpty() && !done.wait(test::kHangGuardMs)) return {};
        return done.first().first().value<FixRunner::Result>();
    }
    graph::Endpoints endpoints(EmulatorProcess& emu) const
    {
        graph::Endpoints e;
        e.authority = QUrl(emu.url());
        e.graph = QUrl(emu.url());
        return e;
    }
    Dataset m_demo;
    QTemporaryDir m_dir;
};

void TestFixApply::initTestCase()
{
    qRegisterMetaType<FixRunner::Result>();
    SynthOptions o;
    o.seed = 1;
    o.signIns = 2000;
    synthesize(o, m_demo);
}

void TestFixApply::changeOnTheLiveObjectOnly_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("edit"); // what an admin changed after the export (JSON merge patch)
    const QByteArray guests
        = R"("excludeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"serviceProvider",)"
          R"("externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessAllExternalTenants",)"
          R"("membershipKind":"all"}})";
    QTest::newRow("exclude a user: a break-glass exclusion, partner admins and a beta-only field were added since")
        << int(Change::Kind::ExcludeUser) << QString::fromLatin1(kCa016) << QString::fromLatin1(kPbiRefresh)
        << QByteArray(R"({"conditions":{"users":{"excludeUsers":[")") + kBreakGlass + R"("],)" + guests
            + R"(},"clientApplications":{"excludeAgentIdServicePrincipals":["9d2b0c1a-1111-4222-8333-944455556666"]}}})";
    QTest::newRow("exclude a service principal: a service principal filter was added since")
        << int(Change::Kind::ExcludeServicePrincipal) << QStringLiteral("3d5b6d5c-0000-0000-0000-000000000000")
        << QString::fromLatin1(kFabricSp)
        << QByteArray(R"({"conditions":{"clientApplications":{"servicePrincipalFilter":{"mode":"exclude",)"
                      R"("rule":"CustomSecurityAttribute.Workloads_Tier -eq \"approved\""}}}})");
    QTest::newRow("add an IPv4 range: an office range was added since")
        << int(Change::Kind::AddIpRange) << QString::fromLatin1(kNatLocation) << QStringLiteral("52.174.88.137/32")
        << QByteArray(R"j({"displayName":"Azure egress (NAT gateway, renamed)"})j");
    QTest::newRow("add an IPv6 range") << int(Change::Kind::AddIpRange) << QString::fromLatin1(kNatLocation)
                                       << QStringLiteral("2001:db8:10::/64") << QByteArray(R"({"isTrusted":true})");
}

void TestFixApply::changeOnTheLiveObjectOnly()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QString, value);
    QFETCH(QByteArray, edit);
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QString error;
    QVERIFY2(emu.start(&error), qPrintable(error));
    Change change;
    change.kind = Change::Kind(kind);
    const QString collection
        = change.target() == Change::Target::Policy ? QStringLiteral("policies") : QStringLiteral("namedLocations");
    if (change.kind == Change::Kind::ExcludeServicePrincipal)
        for (const CaPolicy& p : m_demo.policies())
            if (QString::fromStdString(p.displayName).startsWith(QLatin1String("CA014")))
                target = QString::fromStdString(p.id);
    change.targetId = target;
    change.value = value;
    QVERIFY(change.isWellFormed());
    // After the export: an admin changes the object in the portal.
    emu.post(QStringLiteral("/_emulator/edit?collection=%1&id=%2").arg(collection, target), edit);
    const json liveBefore = object(emu, collection, target);
    QVERIFY(liveBefore.is_object());

    FixRunner runner(endpoints(emu), secretCredentials());
    const FixRunner::Result planned
        = run(runner, [&] { runner.plan(m_demo, "test", QStringLiteral("test"), change, {}); });
    QCOMPARE(int(planned.outcome), int(FixRunner::Outcome::Done));
    QVERIFY(planned.plan);
    QCOMPARE(planned.plan->diff.size(), size_t(1)); // one property moves, and it is the named one
    QCOMPARE(QString::fromStdString(planned.plan->diff.front().path), QLatin1String(change.path()));
    const QString backups = m_dir.filePath(QString::number(kind));
    const FixRunner::Result applied = run(runner, [&] { runner.apply(*planned.plan, backups, false); });
    QVERIFY2(applied.outcome == FixRunner::Outcome::Done, qPrintable(applied.message));
    QVERIFY(applied.applied && applied.verified);

    // The live object now equals what it was plus exactly the intended change: nothing reverted, nothing widened.
    json expected = withoutVolatile(liveBefore);
    json& list = listAt(expected, change.path());
    if (change.kind == Change::Kind::AddIpRange)
        list.push_back({ { "@odata.type",
                             value.contains(QLatin1Char(':')) ? "#microsoft.graph.iPv6CidrRange"
                                                              : "#microsoft.graph.iPv4CidrRange" },
            { "cidrAddress", value.toStdString() } });
    else
        list.push_back(value.toStdString());
    const json after = withoutVolatile(object(emu, collection, target));
    QVERIFY2(after == expected, (after.dump(1) + "\n---\n" + expected.dump(1)).c_str());
    // The backup holds the object exactly as it was read.
    QFile backup(applied.backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QVERIFY(json::parse(backup.readAll().toStdString())["live"] == liveBefore);
}

void TestFixApply::driftBetweenPlanAndApplyIsRefused()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    Change change { Change::Kind::ExcludeUser, QString::fromLatin1(kCa016), {}, QString::fromLatin1(kPbiRefresh), {} };
    FixRunner runner(endpoints(emu), secretCredentials());
    const FixRunner::Result planned
        = run(runner, [&] { runner.plan(m_demo, "test", QStringLiteral("test"), change, {}); });
    QVERIFY(planned.plan);
    emu.post(QStringLiteral("/_emulator/edit?collection=policies&id=%1").arg(QLatin1String(kCa016)),
        QByteArray(R"({"conditions":{"users":{"excludeUsers":[")") + kBreakGlass + R"("]}}})");
    const json edited = object(emu, QStringLiteral("policies"), QString::fromLatin1(kCa016));
    const int before = writes(emu);
    const FixRunner::Result applied
        = run(runner, [&] { runner.apply(*planned.plan, m_dir.filePath(QStringLiteral("drift")), false); });
    QCOMPARE(int(applied.outcome), int(FixRunner::Outcome::Refused));
    QVERIFY2(applied.message.contains(QLatin1String("changed since the plan")), qPrintable(applied.message));
    QVERIFY(!applied.applied);
    QVERIFY(applied.backupPath.isEmpty());
    QCOMPARE(writes(emu), before); // nothing written
    QVERIFY(object(emu, QStringLiteral("policies"), QString::fromLatin1(kCa016)) == edited);
}

void TestFixApply::rollbackRestoresAndRefusesAfterALaterChange()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    Change change { Change::Kind::AddIpRange, QString::fromLatin1(kNatLocation), {}, QStringLiteral("203.0.113.9/32"),
        {} };
    const json original = object(emu, QStringLiteral("namedLocations"), QString::fromLatin1(kNatLocation));
    FixRunner runner(endpoints(emu), secretCredentials());
    auto planAndApply = [&] {
        const FixRunner::Result planned
            = run(runner, [&] { runner.plan(m_demo, "test", QStringLiteral("test"), change, {}); });
        return run(runner, [&] { runner.apply(*planned.plan, m_dir.filePath(QStringLiteral("rollback")), false); });
    };
    const FixRunner::Result applied = planAndApply();
    QVERIFY(applied.verified);
    const FixRunner::Result rolled = run(runner, [&] { runner.rollback(applied.backupPath, false); });
    QVERIFY2(rolled.outcome == FixRunner::Outcome::Done, qPrintable(rolled.message));
    const json restored = object(emu, QStringLiteral("namedLocations"), QString::fromLatin1(kNatLocation));
    QCOMPARE(restored["ipRanges"].dump(), original["ipRanges"].dump()); // byte for byte
    QVERIFY(withoutVolatile(restored) == withoutVolatile(original));

    // Applied again, then changed by someone else: rolling back would revert their change too, so it is refused.
    const FixRunner::Result again = planAndApply();
    QVERIFY(again.verified);
    emu.post(QStringLiteral("/_emulator/edit?collection=namedLocations&id=%1").arg(QLatin1String(kNatLocation)),
        R"({"displayName":"renamed by another admin"})");
    const FixRunner::Result refused = run(runner, [&] { runner.rollback(again.backupPath, false); });
    QCOMPARE(int(refused.outcome), int(FixRunner::Outcome::Refused));
    QVERIFY(refused.message.contains(QLatin1String("changed after the fix")));
    QCOMPARE(object(emu, QStringLiteral("namedLocations"), QString::fromLatin1(kNatLocation))
                 .value("displayName", std::string()),
        std::string("renamed by another admin"));
}

void TestFixApply::writesOnlyWithTheWritePermission()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--approve-after"),
        QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("1") });
    QVERIFY(emu.start());
    Change change { Change::Kind::ExcludeUser, QString::fromLatin1(kCa016), {}, QString::fromLatin1(kPbiRefresh), {} };
    graph::Credentials reader;
    reader.method = graph::Credentials::Method::DeviceCode;
    reader.tenant = QStringLiteral("contoso.onmicrosoft.com");
    reader.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    FixRunner readOnly(endpoints(emu), reader);
    const FixRunner::Result planned
        = run(readOnly, [&] { readOnly.plan(m_demo, "test", QStringLiteral("test"), change, {}); });
    QVERIFY2(planned.plan, qPrintable(planned.message)); // planning reads only
    const FixRunner::Result denied
        = run(readOnly, [&] { readOnly.apply(*planned.plan, m_dir.filePath(QStringLiteral("ro")), false); });
    QCOMPARE(int(denied.outcome), int(FixRunner::Outcome::Failed));
    QVERIFY2(denied.message.contains(QLatin1String("403")) || denied.message.contains(QLatin1String("Insufficient")),
        qPrintable(denied.message));
    graph::Credentials writer = reader;
    writer.delegatedScopes = FixRunner::writeScopes(endpoints(emu));
    FixRunner readWrite(endpoints(emu), writer);
    const FixRunner::Result applied
        = run(readWrite, [&] { readWrite.apply(*planned.plan, m_dir.filePath(QStringLiteral("rw")), false); });
    QVERIFY2(applied.verified, qPrintable(applied.message));
}

void TestFixApply::fixNoLongerApplies()
{
    EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("1") });
    QVERIFY(emu.start());
    // Someone excluded the account already: the plan says so and nothing is sent.
    emu.post(QStringLiteral("/_emulator/edit?collection=policies&id=%1").arg(QLatin1String(kCa016)),
        QByteArray(R"({"conditions":{"users":{"excludeUsers":[")") + kPbiRefresh + R"("]}}})");
    Change change { Change::Kind::ExcludeUser, QString::fromLatin1(kCa016), {}, QString::fromLatin1(kPbiRefresh), {} };
    FixRunner runner(endpoints(emu), secretCredentials());
    const FixRunner::Result planned
        = run(runner, [&] { runner.plan(m_demo, "test", QStringLiteral("test"), change, {}); });
    QCOMPARE(int(planned.outcome), int(FixRunner::Outcome::Refused));
    QVERIFY(planned.message.contains(QLatin1String("already excluded")));
}

QTEST_GUILESS_MAIN(TestFixApply)
#include "tst_fixapply.moc"
