// SPDX-License-Identifier: MIT
// Sign-in against the emulator's identity endpoints: client secret, device code and their errors.
#include "emulatorprocess.h"
#include "graph/tokenprovider.h"
#include "support/testpaths.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace calens::graph;
using calens::test::EmulatorProcess;

namespace {

struct Result
{
    bool token = false;
    GraphError error;
    int deviceCodes = 0;
    DeviceCodeInfo info;
};

Result acquire(EmulatorProcess& emu, Credentials c)
{
    QNetworkAccessManager nam;
    const Endpoints e { QUrl(emu.url()), QUrl(emu.url()) };
    TokenProvider tokens(&nam, e, c);
    Result r;
    QObject::connect(&tokens, &TokenProvider::deviceCode, [&r](const DeviceCodeInfo& info) {
        ++r.deviceCodes;
        r.info = info;
    });
    QSignalSpy ready(&tokens, &TokenProvider::tokenReady);
    QSignalSpy failed(&tokens, &TokenProvider::failed);
    tokens.acquire();
    QDeadlineTimer deadline(20000);
    while (ready.isEmpty() && failed.isEmpty() && !deadline.hasExpired()) QTest::qWait(20);
    r.token = ready.size() == 1 && tokens.hasToken();
    if (!failed.isEmpty()) r.error = failed.first().first().value<GraphError>();
    return r;
}

Credentials secret(const QString& s)
{
    Credentials c;
    c.method = Credentials::Method::ClientSecret;
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("app");
    c.clientSecret = s;
    return c;
}

Credentials device()
{
    Credentials c;
    c.method = Credentials::Method::DeviceCode;
    c.tenant = QStringLiteral("organizations");
    c.clientId = QStringLiteral("app");
    return c;
}

QStringList emuArgs(QStringList more)
{
    return QStringList { QStringLiteral("--sign-ins"), QStringLiteral("10"), QStringLiteral("--interval"),
        QStringLiteral("0") }
    + more;
}

} // namespace

Q_DECLARE_METATYPE(calens::graph::GraphError)

class TestGraphAuth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<GraphError>(); }

    void clientSecret()
    {
        EmulatorProcess emu(emuArgs({}));
        QVERIFY(emu.start());
        QVERIFY(acquire(emu, secret(QString::fromLatin1(calens::test::kEmulatorSecret))).token);
        const Result wrong = acquire(emu, secret(QStringLiteral("not-the-secret")));
        QVERIFY(!wrong.token);
        QCOMPARE(wrong.error.kind, GraphError::Kind::Auth);
        QCOMPARE(wrong.error.code, QStringLiteral("AADSTS7000215"));
        QVERIFY(wrong.error.text().contains(QLatin1String("client secret is wrong")));
        QVERIFY(!wrong.error.correlationId.isEmpty());
        QVERIFY(!wrong.error.text().contains(QLatin1String("not-the-secret")));
    }

    void conditionalAccessBlocksOwnSignIn()
    {
        EmulatorProcess emu(emuArgs({ QStringLiteral("--token-error"), QStringLiteral("53003") }));
        QVERIFY(emu.start());
        const Result r = acquire(emu, secret(QString::fromLatin1(calens::test::kEmulatorSecret)));
        QVERIFY(r.error.isConditionalAccessBlock());
        QCOMPARE(r.error.code, QStringLiteral("AADSTS53003"));
        QVERIFY(r.error.text().contains(QLatin1String("diagnose")));
        QVERIFY(r.error.text().contains(r.error.correlationId));
    }

    void deviceCodeApprovedAfterPolls()
    {
        EmulatorProcess emu(emuArgs({ QStringLiteral("--approve-after"), QStringLiteral("3") }));
        QVERIFY(emu.start());
        const Result r = acquire(emu, device());
        QVERIFY2(r.token, qPrintable(r.error.text()));
        QCOMPARE(r.deviceCodes, 1);
        QVERIFY(r.info.userCode.startsWith(QLatin1String("EMU")));
        QVERIFY(r.info.verificationUri.endsWith(QLatin1String("/devicelogin")));
        QVERIFY(emu.stats().contains("\"devicePolls\":4"));
    }

    void deviceCodeErrors_data()
    {
        QTest::addColumn<QString>("injected");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("declined") << "authorization_declined"
                                  << "AADSTS70000"
                                  << "declined";
        QTest::newRow("access_denied") << "access_denied"
                                       << "AADSTS70000"
                                       << "declined";
        QTest::newRow("expired") << "expired_token"
                                 << "AADSTS70019"
                                 << "expired";
        QTest::newRow("bad code") << "bad_verification_code"
                                  << "AADSTS70018"
                                  << "not recognised";
    }

    void deviceCodeErrors()
    {
        QFETCH(QString, injected);
        QFETCH(QString, code);
        QFETCH(QString, words);
        EmulatorProcess emu(emuArgs({ QStringLiteral("--device-error"), injected }));
        QVERIFY(emu.start());
        const Result r = acquire(emu, device());
        QVERIFY(!r.token);
        QCOMPARE(r.error.code, code);
        QVERIFY2(r.error.text().contains(words), qPrintable(r.error.text()));
    }

    void deviceCodeCancel()
    {
        EmulatorProcess emu(emuArgs({ QStringLiteral("--approve-after"), QStringLiteral("1000") }));
        QVERIFY(emu.start());
        QNetworkAccessManager nam;
        TokenProvider tokens(&nam, Endpoints { QUrl(emu.url()), QUrl(emu.url()) }, device());
        QSignalSpy code(&tokens, &TokenProvider::deviceCode);
        QSignalSpy failed(&tokens, &TokenProvider::failed);
        tokens.acquire();
        QVERIFY(code.wait(calens::test::kHangGuardMs));
        QTest::qWait(500);
        tokens.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<GraphError>().kind, GraphError::Kind::Cancelled);
        QVERIFY(!tokens.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestGraphAuth)
#include "tst_graphauth.moc"
