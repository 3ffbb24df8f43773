// SPDX-License-Identifier: MIT
// Issue 14 item 3 at the level of the Redactor: every form and case of each identity, one pass, code edited only
// inside its string literals (issue 17 item 6: '@odata.type' must survive redaction).
#include "report/redactor.h"

#include <QTest>

using namespace calens;

namespace {

QStringList L(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* i : items) out << QString::fromUtf8(i);
    return out;
}

Redactor tenant()
{
    Redactor r;
    r.addUser(QStringLiteral("6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"), QStringLiteral("Bo"),
        QStringLiteral("bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com"));
    r.addUser(QStringLiteral("7f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"), QStringLiteral("\u738b\u4f1f"),
        QStringLiteral("wang.wei@contoso.com"));
    r.addUser(
        QString(), QStringLiteral("J\u00fcrgen M\u00fcller"), QStringLiteral("j\u00fcrgen.m\u00fcller@contoso.de"));
    r.addUser(QString(), QStringLiteral("Ada Min"), QStringLiteral("admin@contoso.com"));
    r.addUser(QString(), QStringLiteral("A"), QString()); // a one-letter "name" must not eat the article
    r.addDevice(QStringLiteral("d0d0d0d0-1111-4222-8333-944444444444"), QStringLiteral("GW-OLD-01"));
    r.addDevice(QStringLiteral("d0d0d0d0-1111-4222-8333-944444444444"), QStringLiteral("GW-NEW-02"));
    r.keep(QStringLiteral("5d4c3b2a-1f0e-4d9c-8b7a-695847362514"));
    r.learn(QStringLiteral("logged on as CONTOSO\\bli"));
    return r;
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT
private slots:
    void forms_data();
    void forms();
    void stablePseudonyms();
    void codeKeepsItsSyntax();
};

void TestRedactor::forms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("gone");
    QTest::addColumn<QStringList>("kept");
    QTest::newRow("guest UPN") << "by bo.li_fabrikam.com#EXT#@contoso.onmicrosoft.com."
                               << L({ "bo.li", "fabrikam", "#EXT#" }) << L({ "by ", "." });
    QTest::newRow("guest UPN upper case")
        << "BO.LI_FABRIKAM.COM#EXT#@CONTOSO.ONMICROSOFT.COM" << L({ "BO.LI", "FABRIKAM" }) << L({});
    QTest::newRow("guest decoded") << "mail to bo.li@fabrikam.com" << L({ "bo.li", "fabrikam" }) << L({ "mail to " });
    QTest::newRow("short name any case") << "Bo, bo and BO; not Bob or Both" << L({ "Bo,", "bo and", "BO;" })
                                         << L({ "Bob", "Both" });
    QTest::newRow("CJK name inside CJK text")
        << "\u738b\u4f1f\u7684\u8d26\u6237" << L({ "\u738b\u4f1f" }) << L({ "\u7684\u8d26\u6237" });
    QTest::newRow("non-ASCII UPN whole") << "(j\u00fcrgen.m\u00fcller@contoso.de)" << L({ "j\u00fc", "m\u00fcller" })
                                         << L({ "(", ")" });
    QTest::newRow("name in another case")
        << "J\u00dcRGEN M\u00dcLLER signed in" << L({ "J\u00dcRGEN" }) << L({ "signed in" });
    QTest::newRow("UPN local part that looks like an account")
        << "job of wang.wei failed" << L({ "wang.wei" }) << L({ "job of" });
    QTest::newRow("plain-word local part stays prose") << "Entra admin center" << L({}) << L({ "Entra admin center" });
    QTest::newRow("one ASCII letter stays prose") << "A policy refused it" << L({}) << L({ "A policy refused it" });
    QTest::newRow("DOMAIN\\account and the bare account")
        << "CONTOSO\\bli, later bli" << L({ "CONTOSO", "bli" }) << L({ "later" });
    QTest::newRow("IPv4 after a colon") << "IP:198.51.100.24" << L({ "198.51.100.24" }) << L({ "IP:" });
    QTest::newRow("IPv4 dashed in a host name")
        << "ip-198-51-100-25.ec2.internal" << L({ "198-51-100-25" }) << L({ ".ec2.internal" });
    QTest::newRow("IPv4 with underscores") << "host_10_1_2_3" << L({ "10_1_2_3" }) << L({ "host_" });
    QTest::newRow("IPv6 after a colon") << "IP:2001:db8::25 port" << L({ "2001", "db8" }) << L({ "IP:", " port" });
    QTest::newRow("renamed device") << "GW-OLD-01 is now gw-new-02" << L({ "GW-OLD-01", "gw-new-02" })
                                    << L({ " is now " });
    QTest::newRow("device id") << "d0d0d0d0-1111-4222-8333-944444444444" << L({ "d0d0d0d0" }) << L({});
    QTest::newRow("kept correlation id") << "corr 5d4c3b2a-1f0e-4d9c-8b7a-695847362514" << L({})
                                         << L({ "5d4c3b2a-1f0e-4d9c-8b7a-695847362514" });
    QTest::newRow("a time is no address") << "at 10:15:00 and v1.2" << L({}) << L({ "10:15:00" });
}

void TestRedactor::forms()
{
    QFETCH(QString, text);
    QFETCH(QStringList, gone);
    QFETCH(QStringList, kept);
    Redactor r = tenant();
    const QString out = r.apply(text);
    for (const QString& g : gone) QVERIFY2(!out.contains(g, Qt::CaseInsensitive), qPrintable(out));
    for (const QString& k : kept) QVERIFY2(out.contains(k), qPrintable(out));
}

void TestRedactor::stablePseudonyms()
{
    Redactor r = tenant();
    const QString a = r.apply(QStringLiteral("Bo"));
    QCOMPARE(a, QStringLiteral("User 1"));
    QCOMPARE(r.apply(QStringLiteral("bo.li@fabrikam.com")), QStringLiteral("user1@redacted.invalid"));
    QCOMPARE(r.apply(QStringLiteral("GW-NEW-02")), r.apply(QStringLiteral("gw-old-01")));
    QCOMPARE(
        r.apply(QStringLiteral("ip-198-51-100-25")), QStringLiteral("ip-") + r.apply(QStringLiteral("198.51.100.25")));
}

void TestRedactor::codeKeepsItsSyntax()
{
    Redactor r = tenant();
    const QString script = QStringLiteral(
        "# a comment with Bo stays\n$principalName = 'Bo'\n$cidr = '198.51.100.24/32'\n"
        "New-Thing @{ '@odata.type' = '#microsoft.graph.ipNamedLocation'; displayName = 'Trusted egress: ' + "
        "$principalName }\nWrite-Host \"for $principalName\"\n$who = 'o''brien@contoso.com'\n");
    const QString out = r.applyToPowerShell(script);
    QVERIFY2(out.contains(QLatin1String("'@odata.type' = '#microsoft.graph.ipNamedLocation'")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("$principalName = 'User 1'\n")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("$cidr = 'IP-")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("$who = 'person")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("# a comment with Bo stays"))); // comments are ours, never data
    const QString request = QStringLiteral(
        "PATCH https://graph.microsoft.com/v1.0/identity/conditionalAccess/namedLocations/x\n"
        "{\"@odata.type\":\"#microsoft.graph.ipNamedLocation\",\"displayName\":\"Trusted egress: Bo\","
        "\"ipRanges\":[{\"@odata.type\":\"#microsoft.graph.iPv4CidrRange\",\"cidrAddress\":\"198.51.100.24/32\"}]}");
    const QString redacted = r.applyToGraphRequest(request);
    QVERIFY2(
        redacted.contains(QLatin1String("\"@odata.type\":\"#microsoft.graph.ipNamedLocation\"")), qPrintable(redacted));
    QVERIFY2(redacted.contains(QLatin1String("\"displayName\":\"Trusted egress: User 1\"")), qPrintable(redacted));
    QVERIFY(!redacted.contains(QLatin1String("198.51.100.24")));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
