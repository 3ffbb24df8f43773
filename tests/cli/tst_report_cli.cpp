// SPDX-License-Identifier: MIT
// `calens report` end to end: the files it writes, the options of the contract, exit codes.
// Skipped while app/main.cpp does not route "report" yet; tests/ui/tst_report_pdf covers the rendering.
#include "support/testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace calens::test;

class TestReportCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void allBlocks();
    void oneIncidentRedacted();
    void exitCodes();

private:
    struct Run
    {
        int code;
        QByteArray out, err;
    };
    static Run run(const QStringList& args)
    {
        QProcess p;
        // CALENS_TEST_BINARY: run the suite against another build of calens.
        p.start(qEnvironmentVariable("CALENS_TEST_BINARY", calensBinary()), args);
        if (!p.waitForFinished(calens::test::kHangGuardMs)) qFatal("calens did not finish");
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError() };
    }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_input;
};

void TestReportCli::initTestCase()
{
    m_input = path(QStringLiteral("tenant.json"));
    QCOMPARE(
        run({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("-o"), m_input })
            .code,
        0);
    const Run probe = run({ QStringLiteral("report"), QStringLiteral("--help") });
    if (probe.code == 2 && probe.err.contains("not available")) QSKIP("calens report is not wired into main.cpp yet");
}

void TestReportCli::allBlocks()
{
    const Run r = run({ QStringLiteral("report"), m_input, QStringLiteral("-o"), path(QStringLiteral("all.pdf")),
        QStringLiteral("--html"), path(QStringLiteral("all.html")), QStringLiteral("--json"),
        path(QStringLiteral("all.json")), QStringLiteral("--title"), QStringLiteral("Weekly CA review") });
    QVERIFY2(r.code == 0, r.err.constData());
    QFile pdf(path(QStringLiteral("all.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QFile html(path(QStringLiteral("all.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("Weekly CA review"));
    QFile json(path(QStringLiteral("all.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(o[QLatin1String("title")].toString(), QStringLiteral("Weekly CA review"));
    QVERIFY(o[QLatin1String("signIns")].toInt() > 0);
    QCOMPARE(o[QLatin1String("redacted")].toBool(), false);
}

void TestReportCli::oneIncidentRedacted()
{
    QFile all(path(QStringLiteral("all.json")));
    QVERIFY(all.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(all.readAll()).object();
    const QString correlation = o[QLatin1String("appendix")][QLatin1String("rows")][0][4].toString();
    QVERIFY(!correlation.isEmpty());
    const Run r = run({ QStringLiteral("report"), m_input, QStringLiteral("-o"), path(QStringLiteral("one.pdf")),
        QStringLiteral("--correlation-id"), correlation, QStringLiteral("--redact"), QStringLiteral("--json"),
        path(QStringLiteral("one.json")), QStringLiteral("--page-size"), QStringLiteral("letter") });
    QVERIFY2(r.code == 0, r.err.constData());
    QFile json(path(QStringLiteral("one.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray text = json.readAll();
    QVERIFY(text.contains(correlation.toUtf8()));
    QVERIFY(!text.contains("@contoso.com"));
    QVERIFY(QJsonDocument::fromJson(text).object()[QLatin1String("redacted")].toBool());
}

void TestReportCli::exitCodes()
{
    QCOMPARE(run({ QStringLiteral("report"), m_input }).code, 2); // no -o
    QCOMPARE(run({ QStringLiteral("report"), QStringLiteral("-o"), path(QStringLiteral("x.pdf")) }).code, 2);
    QCOMPARE(run({ QStringLiteral("report"), path(QStringLiteral("nope.json")), QStringLiteral("-o"),
                     path(QStringLiteral("x.pdf")) })
                 .code,
        2);
    QCOMPARE(run({ QStringLiteral("report"), m_input, QStringLiteral("-o"), path(QStringLiteral("x.pdf")),
                     QStringLiteral("--page-size"), QStringLiteral("a3") })
                 .code,
        2);
    const Run missing = run({ QStringLiteral("report"), m_input, QStringLiteral("-o"), path(QStringLiteral("x.pdf")),
        QStringLiteral("--correlation-id"), QStringLiteral("00000000-0000-0000-0000-000000000000") });
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains("no sign-in with correlation id"));
    QVERIFY(!QFile::exists(path(QStringLiteral("x.pdf"))));
    QCOMPARE(
        run({ QStringLiteral("report"), m_input, QStringLiteral("-o"), path(QStringLiteral("no/dir/x.pdf")) }).code, 2);
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report_cli.moc"
