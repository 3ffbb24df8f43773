// SPDX-License-Identifier: MIT
#include "keychaincommand.h"

#include "graphlogin.h"
#include "terminal.h"

#include "graph/keychainaccounts.h"
#include "graph/keychainsecretstore.h"
#include "graph/nondumpable.h"
#include "graph/secretwait.h"
#include "text/safetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <utility>

using namespace calens::graph;

namespace {

int usage(const QString& message)
{
    printError("keychain", message);
    return 2;
}

// The terminal's settings while echo is off, restored on every way out (Ctrl+C included).
termios g_savedTerminal {};
volatile std::sig_atomic_t g_echoOff = 0;

void restoreEchoAndExit(int signal)
{
    if (g_echoOff) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    ::_exit(128 + signal);
}

// One line from standard input: typed without echo after a prompt on a terminal, else piped
// (`printf %s "$SECRET" | calens keychain store …`). At most 64 KiB; the trailing CR/LF is not part of it.
QString readSecretLine(const QString& prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    if (terminal && ::tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0) {
        std::signal(SIGINT, restoreEchoAndExit);
        std::signal(SIGTERM, restoreEchoAndExit);
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        g_echoOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0 ? 1 : 0;
        std::fputs(qPrintable(prompt), stderr);
        std::fflush(stderr);
    }
    std::string line;
    char c = 0;
    while (line.size() < 65536 && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n') line.push_back(c);
    if (g_echoOff) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_echoOff = 0;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    QString secret = QString::fromUtf8(line.data(), qsizetype(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return secret;
}

} // namespace

int runKeychain(const QStringList& args)
{
    const NonDumpable noCoreDump; // the secret is in this process from here on
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringLiteral("help"), QStringLiteral("Show this help."));
    const GraphLoginOptions login; // only --tenant and --client-id are used here
    p.addOption(help);
    p.addOptions({ login.tenant, login.clientId });
    p.addPositionalArgument(QStringLiteral("store|forget"),
        QStringLiteral("store: read the client secret from standard input (not echoed on a terminal) and keep it in "
                       "the system keychain for this tenant and client ID, for fetch and fix "
                       "--client-secret-keychain and the window.\nforget: remove that secret and the sign-in kept "
                       "for a device-code login."));
    if (!p.parse(args)) return usage(p.errorText());
    if (p.isSet(help)) {
        printCommandHelp(p, QStringLiteral("keychain"));
        return 0;
    }
    const QStringList verbs = p.positionalArguments(); // parse() took args[0], "keychain", as the program name
    if (verbs.size() != 1 || (verbs[0] != QLatin1String("store") && verbs[0] != QLatin1String("forget")))
        return usage(QStringLiteral("expected: keychain store|forget --tenant T --client-id ID"));
    if (!p.isSet(login.tenant) || !p.isSet(login.clientId) || p.value(login.tenant).trimmed().isEmpty()
        || p.value(login.clientId).trimmed().isEmpty())
        return usage(QStringLiteral("--tenant and --client-id are required"));
    const QString tenant = p.value(login.tenant).trimmed();
    const QString clientId = p.value(login.clientId).trimmed();
    KeychainSecretStore store(keychainService());
    const QString secretAccount = clientSecretAccount(tenant, clientId);

    if (verbs[0] == QLatin1String("store")) {
        QString secret = readSecretLine(QStringLiteral("Client secret for tenant %1, client ID %2 (not shown): ")
                                            .arg(calens::text::singleLine(tenant), calens::text::singleLine(clientId)));
        if (secret.isEmpty()) return usage(QStringLiteral("no client secret on standard input"));
        const SecretResult r
            = waitForSecret([&](SecretStore::Done done) { store.write(secretAccount, secret, std::move(done)); });
        secret.fill(QLatin1Char('\0'));
        if (r.unavailable) return usage(keychainUnusable(r));
        if (!r.ok) return usage(r.error);
        printLine(QStringLiteral("stored the client secret for tenant %1, client ID %2 in the system keychain; fetch "
                                 "and fix read it with --client-secret-keychain")
                      .arg(tenant, clientId));
        return 0;
    }
    for (const QString& account : { secretAccount, refreshTokenAccount(tenant, clientId) }) {
        const SecretResult r = waitForSecret([&](SecretStore::Done done) { store.remove(account, std::move(done)); });
        if (r.unavailable) return usage(keychainUnusable(r));
        if (!r.ok && !r.notFound) return usage(r.error);
    }
    printLine(QStringLiteral("forgotten: the system keychain holds no client secret and no kept sign-in for tenant %1, "
                             "client ID %2")
                  .arg(tenant, clientId));
    return 0;
}
