// SPDX-License-Identifier: MIT
// Issue 14 item 8: nothing the command line prints (text or --json, stdout or stderr, results or error messages)
// carries a terminal escape sequence, a C0/C1 control, a bidirectional or zero-width character or a line
// separator taken from the data, a file name or an argument.
#include "support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace calens::test;
using json = nlohmann::json;

namespace {

// OSC 52 (clipboard), OSC 0 (window title), CSI cursor-up and erase, C1 CSI, bidi override, zero-width
// space, line and paragraph separators, CR, VT, FF, NEL, DEL.
const std::string kHostile = "Eve\x1b]52;c;Y2FsYw==\x07\x1b]0;pwned\x07\x1b[2A\x1b[2K\xc2\x9b"
                             "31m"
                             "\xe2\x80\xae"
                             "gnp.exe\xe2\x80\x8b\xe2\x80\xa8"
                             "fake line\xe2\x80\xa9\r\x0b\x0c\xc2\x85\x7f";

constexpr const char* kPolicyId = "1a2b3c4d-0000-4000-8000-00000000000e";

// The bytes a terminal would act on or that hide text.
QStringList dangers(const QByteArray& out)
{
    QStringList found;
    const std::pair<const char*, QByteArray> checks[] = {
        { "ESC", "\x1b" },
        { "BEL", "\x07" },
        { "CR", "\r" },
        { "VT", "\x0b" },
        { "FF", "\x0c" },
        { "DEL", "\x7f" },
        { "C1 CSI", "\xc2\x9b" },
        { "NEL", "\xc2\x85" },
        { "RLO", "\xe2\x80\xae" },
        { "ZWSP", "\xe2\x80\x8b" },
        { "LS", "\xe2\x80\xa8" },
        { "PS", "\xe2\x80\xa9" },
    };
    for (const auto& [name, bytes] : checks)
        if (out.contains(bytes)) found << QLatin1String(name);
    // A value may not start a line of its own either.
    for (const QByteArray& line : out.split('\n'))
        if (line.trimmed().startsWith("fake line")) found << QStringLiteral("forged line");
    return found;
}

void checkClean(const CliRun& r, const char* what)
{
    const QStringList found = dangers(r.out + r.err);
    QVERIFY2(found.isEmpty(),
        qPrintable(
            QStringLiteral("%1: %2\n%3")
                .arg(QLatin1String(what), found.join(QLatin1Char(' ')), QString::fromUtf8(r.out + r.err).left(3000))));
}

} // namespace

class TestTerminalOutput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void analyze();
    void diagnose();
    void whatif();
    void errorMessages();
    void jsonKeepsTheValue();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestTerminalOutput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const json policy = { { "id", kPolicyId }, { "displayName", kHostile },
        { "enforcedGrantControls", json::array({ "Mfa" }) }, { "enforcedSessionControls", json::array() },
        { "result", "failure" }, { "conditionsSatisfied", "application,users" }, { "conditionsNotSatisfied", "none" } };
    const json signIn = { { "id", "req-1" }, { "createdDateTime", "2026-10-05T10:15:00Z" },
        { "correlationId", "corr-1" }, { "userId", "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c" },
        { "userPrincipalName", "eve@contoso.com" }, { "userDisplayName", kHostile },
        { "appId", "871c010f-5e61-4fb1-83ac-98610a7e9110" }, { "appDisplayName", kHostile },
        { "ipAddress", "203.0.113.7" }, { "isInteractive", false },
        { "signInEventTypes", json::array({ "nonInteractiveUser" }) },
        { "status", { { "errorCode", 53003 }, { "failureReason", kHostile } } },
        { "conditionalAccessStatus", "failure" }, { "appliedConditionalAccessPolicies", json::array({ policy }) } };
    const json policies = { { "value",
        json::array({ { { "id", kPolicyId }, { "displayName", kHostile }, { "state", "enabled" },
            { "conditions",
                { { "users", { { "includeUsers", json::array({ "All" }) } } },
                    { "applications", { { "includeApplications", json::array({ "All" }) } } } } },
            { "grantControls", { { "operator", "OR" }, { "builtInControls", json::array({ "mfa" }) } } } } }) } };
    for (const auto& [name, content] :
        { std::pair { QStringLiteral("signins.json"), json { { "value", json::array({ signIn }) } } },
            std::pair { QStringLiteral("policies.json"), policies } }) {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(content.dump()));
    }
}

void TestTerminalOutput::analyze()
{
    const CliRun text = runCalens({ QStringLiteral("analyze"), path(QStringLiteral("signins.json")) });
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("gnp.exe")); // the value is shown, made inert
    checkClean(text, "analyze");
    const CliRun j
        = runCalens({ QStringLiteral("analyze"), path(QStringLiteral("signins.json")), QStringLiteral("--json") });
    QCOMPARE(j.code, 0);
    checkClean(j, "analyze --json");
}

void TestTerminalOutput::diagnose()
{
    for (const bool asJson : { false, true }) {
        QStringList args { QStringLiteral("diagnose"), path(QStringLiteral("signins.json")),
            QStringLiteral("--sign-in-id"), QStringLiteral("req-1") };
        if (asJson) args << QStringLiteral("--json");
        const CliRun r = runCalens(args);
        QCOMPARE(r.code, 0);
        checkClean(r, asJson ? "diagnose --json" : "diagnose");
    }
}

void TestTerminalOutput::whatif()
{
    for (const bool asJson : { false, true }) {
        QStringList args { QStringLiteral("whatif"), QStringLiteral("--policies"),
            path(QStringLiteral("policies.json")), QStringLiteral("--sign-in-id"), QStringLiteral("req-1"),
            path(QStringLiteral("signins.json")) };
        if (asJson) args << QStringLiteral("--json");
        const CliRun r = runCalens(args);
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.isEmpty());
        checkClean(r, asJson ? "whatif --json" : "whatif");
    }
}

void TestTerminalOutput::errorMessages()
{
    // A file name and an argument with escapes in them, echoed by the error messages.
    const QString hostile = QString::fromStdString(kHostile);
    const CliRun missing = runCalens({ QStringLiteral("analyze"), path(hostile) });
    QCOMPARE(missing.code, 2);
    QVERIFY(missing.err.contains("no such file"));
    checkClean(missing, "analyze on a missing file");
    const CliRun notFound = runCalens({ QStringLiteral("diagnose"), path(QStringLiteral("signins.json")),
        QStringLiteral("--correlation-id"), hostile });
    QCOMPARE(notFound.code, 1);
    checkClean(notFound, "diagnose with an unknown id");
    const CliRun badAnswer = runCalens({ QStringLiteral("diagnose"), path(QStringLiteral("signins.json")),
        QStringLiteral("--sign-in-id"), QStringLiteral("req-1"), QStringLiteral("--answer"), hostile });
    QCOMPARE(badAnswer.code, 2);
    checkClean(badAnswer, "diagnose with a bad --answer");
    const CliRun badIp
        = runCalens({ QStringLiteral("whatif"), QStringLiteral("--policies"), path(QStringLiteral("policies.json")),
            QStringLiteral("--user"), QStringLiteral("u"), QStringLiteral("--ip"), hostile });
    QCOMPARE(badIp.code, 2);
    checkClean(badIp, "whatif with a bad --ip");
}

void TestTerminalOutput::jsonKeepsTheValue()
{
    // The JSON is made safe by escapes only: parsed, it holds the value exactly.
    const CliRun r = runCalens({ QStringLiteral("diagnose"), path(QStringLiteral("signins.json")),
        QStringLiteral("--sign-in-id"), QStringLiteral("req-1"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const json j = json::parse(r.out.toStdString());
    QCOMPARE(j["blockingPolicies"][0]["displayName"].get<std::string>(), kHostile);
}

QTEST_GUILESS_MAIN(TestTerminalOutput)
#include "tst_terminal_output.moc"
