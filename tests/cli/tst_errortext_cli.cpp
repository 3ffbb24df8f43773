// SPDX-License-Identifier: MIT
// `calens diagnose --error-text FILE|- [PATH...]` on the demo tenant: every error shape finds its sign-in, no
// match (or no PATH) gives the fetch hint with every value quoted, hostile and huge pastes end cleanly.
#include "support/lexers.h"
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace calens::test;

namespace {

QString sample(const QString& name)
{
    QFile f(testData(QStringLiteral("errortext/") + name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

CliRun runWithStdin(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    p.start(calensBinary(), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kHangGuardMs * CALENS_SLOWDOWN)) qFatal("calens did not finish");
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

QJsonObject object(const QByteArray& out)
{
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestErrorTextCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachShapeByCorrelationId_data();
    void eachShapeByCorrelationId();
    void byRequestId();
    void fromStandardInput();
    void humanOutputExplainsTheCode();
    void noPathGivesTheFetchHint();
    void noMatchInTheData();
    void hostileQuotesStayQuoted();
    void hugePaste();
    void unusableInput();

private:
    QString write(const QString& name, const QString& text);
    QTemporaryDir m_dir;
    QString m_tenant;
    QString m_signInId, m_correlationId;
};

void TestErrorTextCli::initTestCase()
{
    m_tenant = m_dir.filePath(QStringLiteral("tenant.json"));
    QCOMPARE(runCalens({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("-o"),
                           m_tenant })
                 .code,
        0);
    QFile f(m_tenant);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray signIns = QJsonDocument::fromJson(f.readAll()).object()[QLatin1String("value")].toArray();
    // A blocked sign-in whose correlation id no other record shares.
    QHash<QString, int> perCorrelation;
    for (const auto& v : signIns) ++perCorrelation[v.toObject()[QLatin1String("correlationId")].toString()];
    for (const auto& v : signIns) {
        const QJsonObject s = v.toObject();
        if (s[QLatin1String("status")].toObject()[QLatin1String("errorCode")].toInt() != 53003) continue;
        if (perCorrelation.value(s[QLatin1String("correlationId")].toString()) != 1) continue;
        m_signInId = s[QLatin1String("id")].toString();
        m_correlationId = s[QLatin1String("correlationId")].toString();
        break;
    }
    QVERIFY(!m_signInId.isEmpty());
}

QString TestErrorTextCli::write(const QString& name, const QString& text)
{
    QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text.toUtf8());
    return path;
}

void TestErrorTextCli::eachShapeByCorrelationId_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sampleCorrelationId");
    QTest::newRow("MSAL token error") << "msal-token-error.json"
                                      << "0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0";
    QTest::newRow("SDK exception") << "sdk-exception.txt"
                                   << "1c2d3e4f-5061-4283-94a5-b6c7d8e9f0a1";
    QTest::newRow("sign-in page") << "signin-page.txt"
                                  << "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    QTest::newRow("Power BI refresh") << "powerbi-refresh.txt"
                                      << "2d3e4f50-6172-4394-a5b6-c7d8e9f0a1b2";
    QTest::newRow("log line") << "app-log-line.txt"
                              << "5e6f7081-92a3-44b5-86c7-d8e9f0a1b2c3";
}

void TestErrorTextCli::eachShapeByCorrelationId()
{
    QFETCH(QString, file);
    QFETCH(QString, sampleCorrelationId);
    const QString text = sample(file).replace(sampleCorrelationId, m_correlationId);
    QVERIFY(text.contains(m_correlationId));
    const QString path = write(file, text);
    const CliRun r = runCalens(
        { QStringLiteral("diagnose"), QStringLiteral("--error-text"), path, m_tenant, QStringLiteral("--json") });
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject d = object(r.out);
    QCOMPARE(d[QLatin1String("signInId")].toString(), m_signInId);
    QCOMPARE(d[QLatin1String("errorCode")].toInt(), 53003);
    QVERIFY(!d[QLatin1String("steps")].toArray().isEmpty());
    const QJsonObject from = d[QLatin1String("fromError")].toObject();
    for (const char* key : { "codes", "correlationId", "requestId", "timestamp", "appId", "ipAddress", "matchedBy" })
        QVERIFY2(from.contains(QLatin1String(key)), key);
    QCOMPARE(from[QLatin1String("matchedBy")].toString(), QStringLiteral("correlationId"));
    QCOMPARE(from[QLatin1String("correlationId")].toString(), m_correlationId);
    QCOMPARE(from[QLatin1String("codes")].toArray(), QJsonArray { 53003 });
    QVERIFY(!d.contains(QLatin1String("fetchHint")));
}

void TestErrorTextCli::byRequestId()
{
    // The sign-in page's Request Id is the log's id; its correlation id here is in no log.
    const QString path = write(QStringLiteral("page-request.txt"),
        sample(QStringLiteral("signin-page.txt"))
            .replace(QStringLiteral("8a9b0c1d-2e3f-4a5b-9c6d-7e8f90a1b2c3"), m_signInId));
    const CliRun r = runCalens(
        { QStringLiteral("diagnose"), QStringLiteral("--error-text"), path, m_tenant, QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject d = object(r.out);
    QCOMPARE(d[QLatin1String("signInId")].toString(), m_signInId);
    QCOMPARE(
        d[QLatin1String("fromError")].toObject()[QLatin1String("matchedBy")].toString(), QStringLiteral("requestId"));
}

void TestErrorTextCli::fromStandardInput()
{
    const QByteArray text = sample(QStringLiteral("msal-token-error.json"))
                                .replace(QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"), m_correlationId)
                                .toUtf8();
    const CliRun r = runWithStdin({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), QStringLiteral("-"),
                                      m_tenant, QStringLiteral("--json") },
        text);
    QCOMPARE(r.code, 0);
    QCOMPARE(object(r.out)[QLatin1String("signInId")].toString(), m_signInId);
}

void TestErrorTextCli::humanOutputExplainsTheCode()
{
    const QString path = write(QStringLiteral("human.json"),
        sample(QStringLiteral("msal-token-error.json"))
            .replace(QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"), m_correlationId));
    const CliRun r = runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), path, m_tenant });
    QCOMPARE(r.code, 0);
    const QString out = QString::fromUtf8(r.out);
    const QStringList lines = out.split(QLatin1Char('\n'));
    QVERIFY2(lines.first().startsWith(QStringLiteral("AADSTS53003: A Conditional Access policy refused")),
        qPrintable(lines.first()));
    QVERIFY(out.contains(QStringLiteral("Matched sign-in %1 by its correlation id.").arg(m_signInId)));
    QVERIFY(out.contains(QStringLiteral("Cause: ")));
}

void TestErrorTextCli::noPathGivesTheFetchHint()
{
    const QString path = testData(QStringLiteral("errortext/msal-token-error.json"));
    const CliRun r
        = runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), path, QStringLiteral("--json") });
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject d = object(r.out);
    QCOMPARE(d[QLatin1String("cause")].toString(), QStringLiteral("unknown"));
    QCOMPARE(d[QLatin1String("fromError")].toObject()[QLatin1String("matchedBy")].toString(), QStringLiteral("none"));
    const QJsonObject hint = d[QLatin1String("fetchHint")].toObject();
    QCOMPARE(hint[QLatin1String("graphFilter")].toString(),
        QStringLiteral("createdDateTime ge 2026-10-09T14:16:07Z and createdDateTime le 2026-10-09T14:26:07Z and "
                       "correlationId eq '0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0'"));
    QCOMPARE(hint[QLatin1String("graphRequests")].toArray().size(), 3);
    const QString kql = hint[QLatin1String("kql")].toString();
    QVERIFY(kql.startsWith(
        QStringLiteral("union SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, "
                       "AADManagedIdentitySignInLogs")));
    QVERIFY(kql.contains(QStringLiteral("CorrelationId == \"0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0\"")));

    const CliRun human = runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), path });
    QCOMPARE(human.code, 0);
    const QString out = QString::fromUtf8(human.out);
    QVERIFY(out.contains(QStringLiteral("No sign-ins were given to search")));
    QVERIFY(out.contains(QStringLiteral("  GET https://graph.microsoft.com/beta/auditLogs/signIns?$filter=")));
    QVERIFY(out.contains(QStringLiteral("  union SigninLogs")));
    QVERIFY(out.contains(QStringLiteral("--correlation-id 0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0")));
}

void TestErrorTextCli::noMatchInTheData()
{
    const CliRun r = runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"),
        testData(QStringLiteral("errortext/signin-page.txt")), m_tenant, QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject d = object(r.out);
    QCOMPARE(d[QLatin1String("cause")].toString(), QStringLiteral("unknown"));
    QVERIFY(d[QLatin1String("signInId")].isNull());
    QCOMPARE(d[QLatin1String("fromError")].toObject()[QLatin1String("matchedBy")].toString(), QStringLiteral("none"));
    QVERIFY(d[QLatin1String("fetchHint")].toObject()[QLatin1String("graphFilter")].toString().contains(
        QStringLiteral("correlationId eq '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'")));
}

void TestErrorTextCli::hostileQuotesStayQuoted()
{
    // No ids: the filter is built from the time, the code, the address and a user name with quotes in it.
    const QString path = write(QStringLiteral("hostile.txt"),
        QStringLiteral("2026-10-09T14:21:07Z ERROR AADSTS53003 user=o'brien@contoso.example ip=203.0.113.9 "
                       "Correlation ID: ' or 1 eq 1 --\" | take 1\nApp id: \"; $(rm -rf /)\n"));
    const CliRun r
        = runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), path, QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const QJsonObject hint = object(r.out)[QLatin1String("fetchHint")].toObject();
    const QString filter = hint[QLatin1String("graphFilter")].toString();
    QVERIFY2(filter.contains(QStringLiteral("userPrincipalName eq 'o''brien@contoso.example'")), qPrintable(filter));
    QVERIFY(!filter.contains(QStringLiteral("1 eq 1")));
    for (const LexToken& t : lexOData(filter)) QVERIFY(t.kind != LexToken::Kind::Unterminated);
    const QString kql = hint[QLatin1String("kql")].toString();
    QVERIFY(!kql.contains(QStringLiteral("take 1")));
    QStringList strings;
    for (const LexToken& t : lexKql(kql)) {
        QVERIFY(t.kind != LexToken::Kind::Unterminated);
        if (t.kind == LexToken::Kind::String) strings << t.value;
    }
    QCOMPARE(strings,
        (QStringList {
            QStringLiteral("53003"), QStringLiteral("203.0.113.9"), QStringLiteral("o'brien@contoso.example") }));
    for (const auto& v : hint[QLatin1String("graphRequests")].toArray()) {
        QVERIFY(!v.toString().contains(QLatin1Char('&')));
        QVERIFY(!v.toString().contains(QLatin1Char('#')));
    }
}

void TestErrorTextCli::hugePaste()
{
    // 3 MiB: the error at the start, then a log's worth of noise full of quotes and braces. Read up to 1 MiB.
    QByteArray text = sample(QStringLiteral("msal-token-error.json")).toUtf8();
    while (text.size() < 3 * 1024 * 1024) text += "{\"a\":\"\\\\\\\" AADSTS5 Correlation ID: ' [[[[";
    const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    for (const bool viaStdin : { false, true }) {
        const QStringList args { QStringLiteral("diagnose"), QStringLiteral("--error-text"),
            viaStdin ? QStringLiteral("-") : path, QStringLiteral("--json") };
        const CliRun r = viaStdin ? runWithStdin(args, text) : runCalens(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains("1 MiB"), viaStdin ? "from stdin" : "from a file");
        const QJsonObject from = object(r.out)[QLatin1String("fromError")].toObject();
        QCOMPARE(
            from[QLatin1String("correlationId")].toString(), QStringLiteral("0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0"));
        QVERIFY(from[QLatin1String("truncated")].toBool());
    }
}

void TestErrorTextCli::unusableInput()
{
    const QString empty
        = write(QStringLiteral("nothing.txt"), QStringLiteral("Something went wrong. Try again later."));
    QCOMPARE(runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), empty }).code, 2);
    QCOMPARE(runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"),
                           m_dir.filePath(QStringLiteral("absent")) })
                 .code,
        2);
    const QString msal = testData(QStringLiteral("errortext/msal-token-error.json"));
    QCOMPARE(runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), msal,
                           QStringLiteral("--correlation-id"), m_correlationId, m_tenant })
                 .code,
        2);
    QCOMPARE(runCalens({ QStringLiteral("diagnose"), QStringLiteral("--error-text"), msal,
                           m_dir.filePath(QStringLiteral("no-such-export.json")) })
                 .code,
        2);
}

QTEST_GUILESS_MAIN(TestErrorTextCli)
#include "tst_errortext_cli.moc"
