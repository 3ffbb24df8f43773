// SPDX-License-Identifier: MIT
// The shapes a file of one format can take, and reading from a worker with progress and cancel.
#include "export/writers.h"
#include "ingest/timestamp.h"
#include "support/loader.h"
#include "synth/synthesize.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace calens;
using namespace calens::test;

class TestReaderShapes : public QObject
{
    Q_OBJECT
private slots:
    void graphShapes_data();
    void graphShapes();
    void v1SignInWithoutEventTypes();
    void portalCsvUsDates();
    void progressAndCancelFromWorker();

private:
    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write");
        f.write(content);
        return path;
    }
    QTemporaryDir m_dir;
};

static QByteArray signIn(int i)
{
    return "{\"id\":\"s" + QByteArray::number(i) + "\",\"createdDateTime\":\"2026-10-01T00:00:0" + QByteArray::number(i)
        + "Z\",\"status\":{\"errorCode\":53003},\"signInEventTypes\":[\"servicePrincipal\"]}";
}

void TestReaderShapes::graphShapes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("signIns");
    const QByteArray ctx = "\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\"";
    const QByteArray page1 = "{" + ctx + ",\"value\":[" + signIn(1) + "," + signIn(2)
        + "],\"@odata.nextLink\":\"https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=x\"}";
    const QByteArray page2 = "{" + ctx + ",\"value\":[" + signIn(3) + "]}";
    QTest::newRow("one page") << page1 << "graph-json" << 2;
    QTest::newRow("pages one after another") << page1 + "\n" + page2 << "graph-json" << 3;
    QTest::newRow("array of pages") << "[" + page1 + "," + page2 + "]"
                                    << "graph-json" << 3;
    QTest::newRow("single sign-in")
        << "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns/$entity\","
            + signIn(1).mid(1)
        << "graph-json" << 1;
    QTest::newRow("portal bare array") << "[" + signIn(1) + "," + signIn(2) + "]"
                                       << "portal-json" << 2;
    QTest::newRow("portal wrapped") << "{\"value\":[" + signIn(1) + "," + signIn(2) + "]}"
                                    << "portal-json" << 2;
    QTest::newRow("empty page") << "{" + ctx + ",\"value\":[]}"
                                << "graph-json" << 0;
    const QByteArray records = "{\"records\":[{\"time\":\"2026-10-01T00:00:00Z\",\"category\":"
                               "\"ServicePrincipalSignInLogs\",\"properties\":";
    QTest::newRow("event hub payloads, one per line") << records + signIn(1) + "}]}\n" + records + signIn(2) + "}]}\n"
                                                      << "diag-records" << 2;
    QTest::newRow("diag records") << "{\"records\":[{\"time\":\"2026-10-01T00:00:00Z\",\"category\":"
                                     "\"ServicePrincipalSignInLogs\",\"properties\":"
            + signIn(1) + "}]}"
                                  << "diag-records" << 1;
}

void TestReaderShapes::graphShapes()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(int, signIns);
    const Loaded l = load(write(QStringLiteral("shape.json"), content));
    QVERIFY2(l.reports[0].error.isEmpty(), qPrintable(l.reports[0].error));
    QCOMPARE(q(formatName(l.reports[0].format)), format);
    QCOMPARE(int(l.dataset->signInCount()), signIns);
    QCOMPARE(int(l.reports[0].skipped), 0);
    if (signIns) QCOMPARE(l.signIn(0).type(), SignInType::ServicePrincipal);
}

void TestReaderShapes::v1SignInWithoutEventTypes()
{
    // v1.0 has no signInEventTypes: isInteractive and the identity fields decide.
    const QByteArray page
        = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":["
          "{\"id\":\"a\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"userId\":\"u1\",\"isInteractive\":false},"
          "{\"id\":\"b\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"userId\":\"u1\",\"isInteractive\":true},"
          "{\"id\":\"c\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"servicePrincipalId\":\"sp1\"}]}";
    const Loaded l = load(write(QStringLiteral("v1.json"), page));
    QCOMPARE(l.byId("a").type(), SignInType::NonInteractiveUser);
    QCOMPARE(l.byId("b").type(), SignInType::InteractiveUser);
    QCOMPARE(l.byId("c").type(), SignInType::ServicePrincipal);
    QCOMPARE(l.byId("c").policyDetail(), Tristate::Unset); // no CA permission: the list is absent, not empty
}

void TestReaderShapes::portalCsvUsDates()
{
    const QByteArray csv
        = "Date (UTC),Request ID,User,Username,Application,Status,Sign-in error code,Conditional Access,Location\n"
          "3/12/2025 7:22:01 AM,r1,A,a@contoso.com,Power BI Service,Failure,53003,Failure,\"Redmond, Washington, US\"\n"
          "3/12/2025 1:02:03 PM,r2,B,b@contoso.com,Power BI Service,Success,0,Not Applied,\"Oslo, Oslo, NO\"\n";
    const Loaded l = load(write(QStringLiteral("NonInteractiveSignIns_2025-03-12.csv"), csv));
    QCOMPARE(l.reports[0].format, Format::PortalCsv);
    const SignInRef a = l.byId("r1");
    QCOMPARE(q(formatIso(a.createdMs())), QStringLiteral("2025-03-12T07:22:01Z"));
    QCOMPARE(a.errorCode(), 53003);
    QCOMPARE(a.caStatus(), CaStatus::Failure);
    QCOMPARE(a.type(), SignInType::NonInteractiveUser); // the download's kind, from its name
    QCOMPARE(q(a.str(SF::City)), QStringLiteral("Redmond"));
    QCOMPARE(q(a.str(SF::Country)), QStringLiteral("US"));
    const SignInRef b = l.byId("r2");
    QCOMPARE(q(formatIso(b.createdMs())), QStringLiteral("2025-03-12T13:02:03Z"));
    QCOMPARE(b.caStatus(), CaStatus::NotApplied);
}

void TestReaderShapes::progressAndCancelFromWorker()
{
    Dataset source;
    SynthOptions options;
    options.signIns = 3000;
    synthesize(options, source);
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    QString error;
    QVERIFY(writeSignIns(source, Format::GraphJson, path, &error));
    const uint64_t size = uint64_t(QFileInfo(path).size());

    // Uncancelled: progress only grows and reaches the file size.
    {
        Dataset d;
        IngestJob job(d);
        uint64_t last = 0, total = 0;
        bool monotone = true;
        job.setProgress([&](uint64_t done, uint64_t t, const QString&) {
            monotone &= done >= last;
            last = done;
            total = t;
        });
        job.addInputs({ path });
        QThread* worker = QThread::create([&] { job.run(); });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY(monotone);
        QCOMPARE(total, size);
        QCOMPARE(last, size);
        QCOMPARE(d.signInCount(), size_t(3000));
    }
    // Cancelled at the first progress report: the job stops early and says so.
    {
        Dataset d;
        IngestJob job(d);
        std::atomic<bool> cancel { false };
        job.setCancelFlag(&cancel);
        job.setProgress([&](uint64_t, uint64_t, const QString&) { cancel = true; });
        job.addInputs({ path, path });
        QThread* worker = QThread::create([&] { job.run(); });
        worker->start();
        QVERIFY(worker->wait(60000));
        delete worker;
        QVERIFY(job.wasCancelled());
        QVERIFY(d.signInCount() < 3000);
        QCOMPARE(job.reports().size(), size_t(1)); // the second input was never started
    }
}

QTEST_GUILESS_MAIN(TestReaderShapes)
#include "tst_readershapes.moc"
