// SPDX-License-Identifier: MIT
// calens-graph-emulator: Microsoft Graph and the identity platform on 127.0.0.1 for tests and demos.
#include "graphemulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

using calens::emulator::EmulatorConfig;
using calens::emulator::GraphEmulator;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("calens-graph-emulator"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Serves a synthetic tenant (calens synth) as Microsoft Graph on 127.0.0.1 and prints its URL.\n"
        "Point calens at it: calens fetch --tenant t --client-id c --client-secret-env VAR "
        "--authority-url URL --graph-url URL -o out.json\n"
        "Faults (repeatable --fault): throttle, unavailable, drop, truncate, slow, expire, licence, nocapolicy,\n"
        "redirect, selflink, growinglink, trickle, huge; options :every=N (every Nth sign-in page request),\n"
        ":count=M (times, 0 = always), :after=K, :ms=D (slow, trickle), :kb=S (huge).\n"
        "--token-fault redirect|huge|crlf|trickle makes the token endpoint misbehave.\n"
        "Admin: GET /_emulator/stats, /_emulator/faults?add=SPEC, /_emulator/groundtruth?since=ISO&until=ISO, "
        "/_emulator/tokens (every token issued)\n"
        "Log Analytics (POST /v1/workspaces/ID/query, token audience https://api.loganalytics.io) and Data Explorer\n"
        "(POST /v2/rest/query, audience: this URL) answer with the files in --la-answers DIR named by the SHA-256 of\n"
        "the query text; they never run KQL. --query-fault throttle|unavailable|slow|drop|truncate|partial[:...]."));
    p.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port (0: any free one)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Tenant seed."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption signIns(QStringLiteral("sign-ins"), QStringLiteral("Sign-ins in the tenant."),
        QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption days(QStringLiteral("days"), QStringLiteral("Days the sign-ins span from 2026-10-01."),
        QStringLiteral("N"), QStringLiteral("14"));
    const QCommandLineOption clientId(
        QStringLiteral("client-id"), QStringLiteral("Only this client ID is accepted."), QStringLiteral("ID"));
    const QCommandLineOption secret(QStringLiteral("client-secret"), QStringLiteral("The valid client secret."),
        QStringLiteral("S"), QStringLiteral("emulator-secret"));
    const QCommandLineOption approve(QStringLiteral("approve-after"),
        QStringLiteral("Device code: pending polls before approval."), QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Device code: polling interval (s)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption expires(QStringLiteral("expires-in"), QStringLiteral("Device code lifetime (s)."),
        QStringLiteral("N"), QStringLiteral("900"));
    const QCommandLineOption tokenError(QStringLiteral("token-error"),
        QStringLiteral("Every token request fails with this AADSTS code (53003, 7000215...)."), QStringLiteral("CODE"));
    const QCommandLineOption deviceError(QStringLiteral("device-error"),
        QStringLiteral("Device-code polls answer this error (authorization_declined, expired_token, "
                       "bad_verification_code, access_denied, slow_down)."),
        QStringLiteral("ERROR"));
    const QCommandLineOption latency(QStringLiteral("latency"),
        QStringLiteral("Milliseconds added to every sign-in page."), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption fault(
        QStringLiteral("fault"), QStringLiteral("Inject a fault (see above)."), QStringLiteral("SPEC"));
    const QCommandLineOption tokenFault(QStringLiteral("token-fault"),
        QStringLiteral("The token endpoint answers with a redirect, a huge body, a token with CR LF in it, or "
                       "trickles."),
        QStringLiteral("FAULT"));
    const QCommandLineOption laAnswers(QStringLiteral("la-answers"),
        QStringLiteral("Folder of prepared query answers (<sha256 of the query text>.json)."), QStringLiteral("DIR"));
    const QCommandLineOption laRows(QStringLiteral("la-row-limit"), QStringLiteral("Records per query result."),
        QStringLiteral("N"), QStringLiteral("500000"));
    const QCommandLineOption laBytes(QStringLiteral("la-byte-limit"), QStringLiteral("Bytes of rows per query result."),
        QStringLiteral("N"), QStringLiteral("67108864"));
    const QCommandLineOption laLatency(QStringLiteral("la-latency"),
        QStringLiteral("Milliseconds added to every query answer."), QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption queryFault(
        QStringLiteral("query-fault"), QStringLiteral("Inject a fault into query answers."), QStringLiteral("SPEC"));
    p.addOptions({ port, seed, signIns, days, clientId, secret, approve, interval, expires, tokenError, deviceError,
        latency, fault, tokenFault, laAnswers, laRows, laBytes, laLatency, queryFault });
    p.process(app);

    EmulatorConfig c;
    c.port = quint16(p.value(port).toUInt());
    c.seed = p.value(seed).toULongLong();
    c.signIns = p.value(signIns).toInt();
    c.days = std::max(1, p.value(days).toInt());
    c.clientId = p.value(clientId);
    c.clientSecret = p.value(secret);
    c.approveAfter = p.value(approve).toInt();
    c.interval = p.value(interval).toInt();
    c.expiresIn = p.value(expires).toInt();
    c.tokenError = p.value(tokenError);
    c.deviceError = p.value(deviceError);
    c.latencyMs = p.value(latency).toInt();
    c.faults = p.values(fault);
    c.tokenFault = p.value(tokenFault);
    c.laAnswers = p.value(laAnswers);
    c.laRowLimit = std::max(1, p.value(laRows).toInt());
    c.laByteLimit = std::max<qint64>(1, p.value(laBytes).toLongLong());
    c.laLatencyMs = p.value(laLatency).toInt();
    c.queryFaults = p.values(queryFault);

    GraphEmulator server(c);
    for (const QString& spec : c.faults) {
        QString error;
        if (!server.addFault(spec, &error)) {
            std::fprintf(stderr, "calens-graph-emulator: %s\n", qPrintable(error));
            return 2;
        }
    }
    for (const QString& spec : c.queryFaults) {
        QString error;
        if (!server.addQueryFault(spec, &error)) {
            std::fprintf(stderr, "calens-graph-emulator: %s\n", qPrintable(error));
            return 2;
        }
    }
    const quint16 bound = server.listen(QHostAddress::LocalHost, c.port);
    if (!bound) {
        std::fprintf(stderr, "calens-graph-emulator: cannot listen on 127.0.0.1:%u\n", unsigned(c.port));
        return 2;
    }
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(bound);
    server.setBaseUrl(url);
    std::printf("%s\n", url.constData());
    std::fflush(stdout);
    return app.exec();
}
