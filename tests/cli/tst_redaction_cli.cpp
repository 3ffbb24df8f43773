// SPDX-License-Identifier: MIT
// Issue 14 item 3: `calens report --redact` writes PDF, HTML and JSON in which no identity of the data is left
// in any form or case (guest #EXT# UPNs and their decoded address, short and CJK names, non-ASCII UPNs,
// DOMAIN\account, devices under every name their id had, IPs after a colon or dashed in host names), while
// the scripts' syntax ('@odata.type', quotes) stays intact.
#include "support/testpaths.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace calens::test;
using json = nlohmann::json;

namespace {

constexpr const char* kLocationPolicy = "1a2b3c4d-0000-4000-8000-00000000000c";
constexpr const char* kMfaPolicy = "1a2b3c4d-0000-4000-8000-00000000000d";
constexpr const char* kDeviceId = "d0d0d0d0-1111-4222-8333-944444444444";

json policyResult(const char* id, const char* name, const char* grant, const char* satisfied)
{
    return { { "id", id }, { "displayName", name }, { "enforcedGrantControls", json::array({ grant }) },
        { "enforcedSessionControls", json::array() }, { "result", "failure" }, { "conditionsSatisfied", satisfied },
        { "conditionsNotSatisfied", "none" } };
}

json signIn(int n, const char* userId, const char* upn, const char* name, const char* ip, const char* device,
    const char* failureReason, const json& policies, const char* type = "nonInteractiveUser")
{
    return { { "id", QStringLiteral("req-%1").arg(n).toStdString() },
        { "createdDateTime", QStringLiteral("2026-10-05T10:%1:00Z").arg(10 + n).toStdString() },
        { "correlationId", QStringLiteral("5d4c3b2a-1f0e-4d9c-8b7a-69584736251%1").arg(n).toStdString() },
        { "userId", userId }, { "userPrincipalName", upn }, { "userDisplayName", name },
        { "appId", "871c010f-5e61-4fb1-83ac-98610a7e9110" }, { "appDisplayName", "Power BI Desktop" },
        { "resourceId", "00000009-0000-0000-c000-000000000000" }, { "resourceDisplayName", "Power BI Service" },
        { "ipAddress", ip }, { "isInteractive", false }, { "signInEventTypes", json::array({ type }) },
        { "status", { { "errorCode", 53003 }, { "failureReason", failureReason } } },
        { "conditionalAccessStatus", "failure" },
        { "deviceDetail", { { "deviceId", kDeviceId }, { "displayName", device }, { "isCompliant", false } } },
        { "appliedConditionalAccessPolicies", policies } };
}

// Every original value, as a pattern: names as whole words in any case, the rest anywhere in any case.
struct Secret
{
    QString text;
    bool wholeWord;
};

const QList<Secret>& secrets()
{
    static const QList<Secret> list = {
        { QStringLiteral("bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com"), false },
        { QStringLiteral("bo.li_fabrikam.com"), false },
        { QStringLiteral("bo.li@fabrikam.com"), false },
        { QStringLiteral("Bo"), true },
        { QStringLiteral("\u738b\u4f1f"), false }, // 王伟
        { QStringLiteral("wang.wei@contoso.com"), false },
        { QStringLiteral("j\u00fcrgen.m\u00fcller@contoso.de"), false },
        { QStringLiteral("j\u00fcrgen"), true },
        { QStringLiteral("M\u00fcller"), true },
        { QStringLiteral("CONTOSO\\bli"), false },
        { QStringLiteral("bli"), true },
        { QStringLiteral("GW-OLD-01"), false },
        { QStringLiteral("ip-198-51-100-25"), false },
        { QStringLiteral("198-51-100-25"), false },
        { QStringLiteral("198.51.100.25"), false },
        { QStringLiteral("198.51.100.24"), false },
        { QStringLiteral("2001:db8::25"), false },
        { QStringLiteral("6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"), false },
        { QStringLiteral("7f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"), false },
        { QStringLiteral("8f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"), false },
        { QString::fromLatin1(kDeviceId), false },
    };
    return list;
}

QStringList leaks(const QString& text)
{
    QStringList out;
    for (const Secret& s : secrets()) {
        const QString pattern = s.wholeWord
            ? QStringLiteral("(?<![\\p{L}\\p{N}_])%1(?![\\p{L}\\p{N}_])").arg(QRegularExpression::escape(s.text))
            : QRegularExpression::escape(s.text);
        const QRegularExpression re(
            pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
        const auto m = re.match(text);
        if (m.hasMatch())
            out << s.text + QStringLiteral(" in: ...") + text.mid(std::max<qsizetype>(0, m.capturedStart() - 60), 140);
    }
    return out;
}

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestRedactionCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void withoutRedactionEveryValueIsThere();
    void everyOutputFormatIsClean();
    void scriptSyntaxStays();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    CliRun report(bool redact, const QString& base);
    QTemporaryDir m_dir;
};

void TestRedactionCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const json location
        = policyResult(kLocationPolicy, "Block outside trusted locations", "Block", "application,users,location");
    const json mfa = policyResult(kMfaPolicy, "Require MFA", "Mfa", "application,users");
    // The failure reasons carry the identities in other forms and cases, as free text in logs does.
    const json records = json::array({
        signIn(1, "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c", "bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Bo",
            "198.51.100.24", "GW-OLD-01",
            "Other. Seen from IP:198.51.100.24 as CONTOSO\\bli; guest BO.LI_FABRIKAM.COM#EXT#@CONTOSO.ONMICROSOFT.COM "
            "(bo.li@fabrikam.com), BO asked \u738b\u4f1f\u7684\u8d26\u6237 and J\u00dcRGEN M\u00dcLLER",
            json::array({ location })),
        signIn(2, "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c", "bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Bo",
            "198.51.100.24", "ip-198-51-100-25.ec2.internal",
            "Other. The host was renamed from GW-OLD-01 and answers on ip-198-51-100-25.ec2.internal",
            json::array({ location })),
        signIn(3, "7f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c", "wang.wei@contoso.com", "\u738b\u4f1f", "2001:db8::25",
            "GW-OLD-01", "Other. \u738b\u4f1f's refresh, also seen as 198-51-100-25", json::array({ mfa })),
        signIn(4, "8f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c", "j\u00fcrgen.m\u00fcller@contoso.de",
            "J\u00fcrgen M\u00fcller", "198.51.100.25", "GW-OLD-01", "Other. j\u00fcrgen.m\u00fcller@contoso.de (bli)",
            json::array({ mfa })),
    });
    const json locations = { { "value",
        json::array({ { { "@odata.type", "#microsoft.graph.ipNamedLocation" },
            { "id", "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4" }, { "displayName", "HQ egress" }, { "isTrusted", true },
            { "ipRanges",
                json::array({ { { "@odata.type", "#microsoft.graph.iPv4CidrRange" },
                    { "cidrAddress", "203.0.113.0/24" } } }) } } }) } };
    for (const auto& [name, content] : { std::pair { QStringLiteral("signins.json"), json { { "value", records } } },
             std::pair { QStringLiteral("locations.json"), locations } }) {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(content.dump()));
    }
}

CliRun TestRedactionCli::report(bool redact, const QString& base)
{
    QStringList args { QStringLiteral("report"), path(QStringLiteral("signins.json")),
        QStringLiteral("--named-locations"), path(QStringLiteral("locations.json")), QStringLiteral("-o"),
        path(base + QStringLiteral(".pdf")), QStringLiteral("--html"), path(base + QStringLiteral(".html")),
        QStringLiteral("--json"), path(base + QStringLiteral(".json")) };
    if (redact) args << QStringLiteral("--redact");
    return runCalens(args);
}

void TestRedactionCli::withoutRedactionEveryValueIsThere()
{
    // The test means something only if the plain report shows these values.
    const CliRun r = report(false, QStringLiteral("plain"));
    QVERIFY2(r.code == 0, r.err.constData());
    const QString all = readText(path(QStringLiteral("plain.json"))) + readText(path(QStringLiteral("plain.html")));
    const QStringList found = leaks(all);
    QStringList missing;
    for (const Secret& secret : secrets())
        if (!found.join(QLatin1Char('\n')).contains(secret.text + QStringLiteral(" in: ..."))) missing << secret.text;
    QVERIFY2(found.size() >= secrets().size() - 3, qPrintable(missing.join(QLatin1Char('\n'))));
}

void TestRedactionCli::everyOutputFormatIsClean()
{
    const CliRun r = report(true, QStringLiteral("redacted"));
    QVERIFY2(r.code == 0, r.err.constData());
    QStringList found;
    for (const char* ext : { ".json", ".html" }) {
        const QString text = readText(path(QStringLiteral("redacted") + QLatin1String(ext)));
        QVERIFY(!text.isEmpty());
        for (const QString& leak : leaks(text)) found << QLatin1String(ext) + QStringLiteral(": ") + leak;
    }
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (!pdftotext.isEmpty()) {
        QProcess p;
        p.start(pdftotext,
            { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path(QStringLiteral("redacted.pdf")),
                QStringLiteral("-") });
        QVERIFY(p.waitForFinished(kHangGuardMs));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QLatin1String("Power BI Desktop")));
        for (const QString& leak : leaks(text)) found << QStringLiteral(".pdf: ") + leak;
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestRedactionCli::scriptSyntaxStays()
{
    QFile f(path(QStringLiteral("redacted.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const json j = json::parse(f.readAll().toStdString());
    int scripts = 0, requests = 0;
    for (const auto& incident : j["incidents"])
        for (const auto& fix : incident["fixes"]) {
            const QString ps = QString::fromStdString(fix.value("powershell", std::string()));
            const QString request = QString::fromStdString(fix.value("graphRequest", std::string()));
            if (ps.contains(QLatin1String("-Method PATCH -Uri $uri"))) {
                ++scripts;
                // Identities are replaced inside literals; the code around them is the template's, untouched.
                for (const char* code : { "$body['@odata.type'] = $odataType", "'@odata.type' = $cidrType",
                         "$live = $raw | ConvertFrom-Json -AsHashtable -Depth 64", "$topLevel = 'conditions'" })
                    QVERIFY2(ps.contains(QLatin1String(code)), qPrintable(ps));
                QVERIFY2(ps.contains(QRegularExpression(QStringLiteral("\\$item = '[^'\\n]+'\\n"))), qPrintable(ps));
            }
            if (request.startsWith(QLatin1String("GET https://graph.microsoft.com/beta/identity/conditionalAccess/"))) {
                ++requests;
                QVERIFY2(request.indexOf(QLatin1Char(' '), 4) < 0, qPrintable(request)); // one URL, nothing added
            }
        }
    QVERIFY(scripts > 0 && requests > 0);
}

QTEST_GUILESS_MAIN(TestRedactionCli)
#include "tst_redaction_cli.moc"
