// SPDX-License-Identifier: MIT
// The report model: content from the demo tenant, --correlation-id scope, redaction, hostile strings, JSON.
#include "diagnosis/incidents.h"
#include "report/layoutlimits.h"
#include "report/reportbuilder.h"
#include "report/reportjson.h"
#include "report/reporttext.h"
#include "support/loader.h"
#include "synth/synthesize.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace calens;
using namespace calens::test;

namespace {

QString allText(ReportModel m)
{
    QString out;
    forEachString(m, [&out](QString& s) { out += s + QLatin1Char('\n'); });
    return out;
}

// Values that must not survive redaction: every UPN, user and device name, IP and object id of the blocks.
std::set<QString> secrets(const Dataset& d)
{
    std::set<QString> out;
    for (const Incident& i : clusterIncidents(d))
        for (uint32_t row : i.rows) {
            const SignInRef s = d.signIn(row);
            for (SF f : { SF::UserPrincipalName, SF::UserDisplayName, SF::UserId, SF::ServicePrincipalId, SF::IpAddress,
                     SF::DeviceId, SF::DeviceName, SF::ResourceTenantId })
                if (s.str(f).size() >= 3) out.insert(q(s.str(f)));
        }
    return out;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void demoTenant();
    void correlationScope();
    void nothingToReport();
    void redaction();
    void auditedChangesRedacted();
    void hostileStrings();
    void json();
    void layoutLimits();

private:
    Dataset m_demo { [] {
        Dataset d;
        synthesize({}, d);
        return d;
    }() };
    QTemporaryDir m_dir;
};

void TestReport::demoTenant()
{
    ReportRequest request;
    request.generatedAtMs = 1791000000000;
    QString error;
    const auto m = buildReport(m_demo, request, &error);
    QVERIFY2(m, qPrintable(error));
    const auto incidents = clusterIncidents(m_demo);
    uint64_t blocked = 0;
    for (const Incident& i : incidents) blocked += i.count;
    QCOMPARE(m->signIns, blocked);
    QCOMPARE(m->appendix.rows.size(), size_t(blocked));
    QCOMPARE(m->overview.rows.size(), incidents.size());
    QCOMPARE(m->incidents.size(), std::min<size_t>(incidents.size(), request.detailedIncidents));
    QCOMPARE(m->incidentsOmitted, incidents.size() - m->incidents.size());
    QCOMPARE(m->charts.size(), size_t(4));
    QCOMPARE(m->charts.front().kind, ReportChart::Kind::Timeline);
    double timeline = 0;
    for (double v : m->charts.front().values) timeline += v;
    QCOMPARE(uint64_t(timeline), blocked);
    QVERIFY(m->summary.size() >= 4);
    QVERIFY(m->summary.join(QLatin1Char(' ')).contains(m->incidents.front().causeTitle));
    QCOMPARE(m->generatedAt, QStringLiteral("2026-10-03 04:00 UTC"));
    for (const ReportIncident& i : m->incidents) {
        QVERIFY(!i.steps.empty());
        QVERIFY(!i.verification.isEmpty());
        QVERIFY(!i.causeTitle.isEmpty());
    }
    // Appendix oldest first, and every row has its correlation id.
    for (size_t r = 1; r < m->appendix.rows.size(); ++r) {
        QVERIFY(m->appendix.rows[r - 1][0] <= m->appendix.rows[r][0]);
        QVERIFY(!m->appendix.rows[r][4].isEmpty());
    }
}

void TestReport::correlationScope()
{
    const auto incidents = clusterIncidents(m_demo);
    const Incident& target = incidents.at(2);
    const uint32_t row = target.rows.back();
    const QString correlation = q(m_demo.signIn(row).str(SF::CorrelationId));
    ReportRequest request;
    request.correlationId = correlation;
    QString error;
    const auto m = buildReport(m_demo, request, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->overview.rows.size(), size_t(1));
    QCOMPARE(m->signIns, target.count);
    QCOMPARE(m->incidents.front().causeId, QString::fromStdString(target.cause));
    QVERIFY(m->summary.front().contains(correlation));
    bool diagnosed = false;
    for (const ReportFact& f : m->incidents.front().facts) diagnosed |= f.value == correlation;
    QVERIFY(diagnosed); // the sign-in asked about is the one diagnosed
    request.title = QStringLiteral("Ticket 4711");
    QCOMPARE(buildReport(m_demo, request, &error)->title, QStringLiteral("Ticket 4711"));
}

void TestReport::nothingToReport()
{
    ReportRequest request;
    request.correlationId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    QString error;
    QVERIFY(!buildReport(m_demo, request, &error));
    QVERIFY(error.contains(QLatin1String("no sign-in with correlation id")));
    Dataset empty;
    QVERIFY(!buildReport(empty, {}, &error));
    QVERIFY(error.contains(QLatin1String("blocked")));
}

void TestReport::redaction()
{
    ReportRequest request;
    request.redact = true;
    QString error;
    const auto m = buildReport(m_demo, request, &error);
    QVERIFY(m);
    QVERIFY(m->redacted);
    const QString text = allText(*m);
    const QString json = QString::fromStdString(toJson(*m).dump());
    for (const QString& secret : secrets(m_demo)) {
        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
        QVERIFY2(!json.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
    }
    QVERIFY(!text.contains(QLatin1String("@contoso.com"), Qt::CaseInsensitive));
    // Policy and app names stay; correlation ids stay (they name events, not people).
    const auto incidents = clusterIncidents(m_demo);
    QVERIFY(text.contains(incidents.front().policyName));
    QVERIFY(text.contains(incidents.front().apps.front().appName));
    QVERIFY(text.contains(q(m_demo.signIn(incidents.front().firstRow).str(SF::CorrelationId))));
    // Stable pseudonyms: the identity of appendix rows is the same alias in the identity chart.
    std::set<QString> chartLabels(m->charts[3].labels.begin(), m->charts[3].labels.end());
    size_t found = 0;
    for (const QStringList& row : m->appendix.rows) found += chartLabels.count(row[1]);
    QVERIFY(found > 0);
    // The same input redacts the same way (stable across runs).
    QCOMPARE(allText(*buildReport(m_demo, request, &error)).replace(m->generatedAt, QString()),
        QString(text).replace(m->generatedAt, QString()));
}

void TestReport::auditedChangesRedacted()
{
    Dataset d;
    synthesize({}, d);
    const Incident first = clusterIncidents(d).front();
    auto change = [&](const char* id, const char* actor, int64_t before) {
        DirectoryChange c;
        c.id = id;
        c.whenMs = first.firstMs - before;
        c.activity = "Update conditional access policy";
        c.actor = actor;
        c.targetId = first.policyId.toStdString();
        c.targetName = first.policyName.toStdString();
        c.details = { "state: enabledForReportingButNotEnforced → enabled" };
        d.addChange(c);
    };
    change("a1", "Dana Admin", 3600000);
    change("a2", "erin@fabrikam.com", 7200000);
    d.sortChanges();
    ReportRequest request;
    QString error;
    const QString plain = allText(*buildReport(d, request, &error));
    QVERIFY2(plain.contains(QLatin1String("by Dana Admin")), qPrintable(plain.left(2000)));
    QVERIFY(plain.contains(QLatin1String("by erin@fabrikam.com")));
    request.redact = true;
    const QString redacted = allText(*buildReport(d, request, &error));
    QVERIFY(redacted.contains(QLatin1String("Update conditional access policy")));
    QVERIFY(!redacted.contains(QLatin1String("Dana Admin")));
    QVERIFY(!redacted.contains(QLatin1String("erin@fabrikam.com"), Qt::CaseInsensitive));
}

void TestReport::hostileStrings()
{
    const QByteArray page = QByteArray(
        "{\"value\":[{\"id\":\"req-1\",\"createdDateTime\":\"2026-10-03T10:00:00Z\",\"correlationId\":\"corr-1\","
        "\"userId\":\"u-1\",\"userPrincipalName\":\"eve@contoso.com\",\"userDisplayName\":\"Eve\u202Egnp.exe\","
        "\"appId\":\"app-1\",\"appDisplayName\":\"<script>alert(1)</script>\",\"ipAddress\":\"198.51.100.7\","
        "\"signInEventTypes\":[\"interactiveUser\"],\"isInteractive\":true,"
        "\"status\":{\"errorCode\":53003},\"conditionalAccessStatus\":\"failure\","
        "\"deviceDetail\":{\"deviceId\":\"d-1\",\"displayName\":\"pc\u202Efdp.exe\"},"
        "\"appliedConditionalAccessPolicies\":[{\"id\":\"p-1\",\"displayName\":\"<img src=x onerror=alert(1)>\","
        "\"enforcedGrantControls\":[\"Block\"],\"result\":\"failure\",\"conditionsSatisfied\":\"application,users\"}]}]"
        "}");
    const QString path = m_dir.filePath(QStringLiteral("hostile.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(page);
    f.close();
    const Loaded l = load(path);
    QString error;
    const auto m = buildReport(*l.dataset, {}, &error);
    QVERIFY2(m, qPrintable(error));
    const QString text = allText(*m);
    QVERIFY(text.contains(QLatin1String("<img src=x onerror=alert(1)>"))); // plain text here; escaped on output
    QVERIFY(!text.contains(QChar(0x202E)));
    QVERIFY(text.contains(QLatin1String("pc[U+202E]fdp.exe")));
    QCOMPARE(neutralizeControls(QStringLiteral("a\tb\nc\x01")), QStringLiteral("a\tb\nc[U+0001]"));
}

void TestReport::json()
{
    ReportRequest request;
    QString error;
    const auto m = buildReport(m_demo, request, &error);
    QVERIFY(m);
    const auto j = toJson(*m);
    QCOMPARE(j["signIns"].get<uint64_t>(), m->signIns);
    QCOMPARE(j["appendix"]["rows"].size(), m->appendix.rows.size());
    QCOMPARE(j["incidents"][0]["cause"].get<std::string>(), m->incidents.front().causeId.toStdString());
    QVERIFY(j["incidents"][0].contains("verification"));

    const QString path = m_dir.filePath(QStringLiteral("report.json"));
    QVERIFY2(writeReportJson(*m, path, &error), qPrintable(error));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(nlohmann::json::parse(written.readAll().toStdString())["signIns"].get<uint64_t>(), m->signIns);
    // A target that cannot be written (its folder is missing) fails with the path in the message.
    const QString bad = m_dir.filePath(QStringLiteral("missing/report.json"));
    QVERIFY(!writeReportJson(*m, bad, &error));
    QVERIFY(error.startsWith(bad));
}

void TestReport::layoutLimits()
{
    // Issue 14 item 7: what the PDF and HTML lay out is bounded per string and per list, whatever the data.
    ReportRequest request;
    QString error;
    ReportModel m = *buildReport(m_demo, request, &error);
    const QString huge = QString(QStringLiteral("x")).repeated(300000);
    m.title = huge;
    m.incidents.front().causeSummary = huge;
    m.incidents.front().steps.front().evidence = QStringList(5000, QStringLiteral("line"));
    m.incidents.front().policies.resize(3000, m.incidents.front().policies.front());
    m.overview.rows.resize(5000, m.overview.rows.front());
    const LayoutLimits limits;
    ReportModel limited = limitedForLayout(m, limits);
    qsizetype longest = 0;
    forEachString(
        limited, [&longest](QString& s) { longest = std::max(longest, s.size()); }, false);
    QVERIFY2(longest <= limits.maxChars + 80, qPrintable(QString::number(longest)));
    QVERIFY(limited.title.endsWith(QLatin1String("the JSON report has the whole text]")));
    QCOMPARE(limited.incidents.front().policies.size(), limits.maxPolicies);
    QVERIFY(limited.incidents.front().notes.front().contains(QLatin1String("Only the first 50 of 3000")));
    QCOMPARE(limited.incidents.front().steps.front().evidence.size(), limits.maxItems + 1);
    QCOMPARE(limited.overview.rows.size(), limits.maxOverviewRows + 1);
    // The model itself, which the JSON is written from, is untouched.
    QCOMPARE(m.title.size(), huge.size());
    QCOMPARE(toJson(m)["incidents"][0]["blockingPolicies"].size(), size_t(3000));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
