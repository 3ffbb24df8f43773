// SPDX-License-Identifier: MIT
#include "fetchcommand.h"
#include "graphlogin.h"
#include "terminal.h"

#include "export/outputpaths.h"
#include "graph/cloud.h"
#include "graph/fetchfile.h"
#include "graph/fetchjob.h"
#include "graph/nondumpable.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace calens;
using namespace calens::graph;

namespace {

int usageError(const QString& message)
{
    printError("fetch", message);
    return 2;
}

// The message, then indented lines that add to it.
int networkError(const QString& message, const QStringList& more = {})
{
    printError("fetch", message);
    for (const QString& line : more) printLine(stderr, QStringLiteral("  ") + line);
    return 3;
}

bool parseTime(const QString& text, int64_t& out)
{
    out = parseTimestamp(text.trimmed().toStdString());
    return out != kNoTime;
}

// Ctrl+C and SIGTERM reach the event loop through a pipe (the handler may only write()); the fetch is then
// cancelled and what it had is saved. SA_RESETHAND: a second Ctrl+C ends the process at once.
int g_signalPipe[2] = { -1, -1 };

void onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

bool catchInterrupts()
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

QString partialPath(const QString& path)
{
    QString base = path;
    if (base.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) base.chop(5);
    return base + QLatin1String(".partial.json");
}

} // namespace

int runFetch(const QStringList& args)
{
    const NonDumpable noCoreDump; // the secret and the tokens are in this process from here on
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto opt = [](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
            value ? QString::fromLatin1(value) : QString(), def ? QString::fromLatin1(def) : QString());
    };
    const auto help = opt("help", "Show this help.");
    const GraphLoginOptions loginOptions;
    const auto since = opt("since", "Start of the window (ISO 8601; default: 24 hours before --until).", "ISO");
    const auto until = opt("until", "End of the window, exclusive (ISO 8601; default: now).", "ISO");
    const auto errorCode = opt("error-code", "Only sign-ins with this error code (e.g. 53003).", "N");
    const auto correlation = opt("correlation-id", "Only sign-ins of this correlation ID.", "ID");
    const auto user = opt("user-id", "Only sign-ins of this user object ID.", "ID");
    const auto app = opt("app-id", "Only sign-ins to this application ID.", "ID");
    const auto types = opt("types", "Sign-in types: user,servicePrincipal,managedIdentity (default: all).", "LIST");
    const auto slices = opt("slices", "Time slices per sign-in type (default 4).", "N", "4");
    const auto concurrency = opt("concurrency", "Requests in flight at once (default 4).", "N", "4");
    const auto noDirectory = opt("no-directory", "Skip policies, named locations, service principals and audits.");
    const auto output = QCommandLineOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("The fetch file to write."), QStringLiteral("OUT.json"));
    p.addOptions(
        { help, since, until, errorCode, correlation, user, app, types, slices, concurrency, noDirectory, output });
    loginOptions.addTo(p);
    if (!p.parse(args)) return usageError(p.errorText());
    if (p.isSet(help)) {
        printCommandHelp(p, QStringLiteral("fetch"));
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(p.positionalArguments().first()));
    if (!p.isSet(output)) return usageError(QStringLiteral("-o OUT.json is required"));
    // The output is checked before the sign-in options: a refused path is named even when no secret is set.
    const QString outPath = p.value(output);
    if (!QFileInfo(QFileInfo(outPath).absolutePath()).isDir())
        return usageError(QStringLiteral("%1: the folder does not exist").arg(outPath));
    const QString refused = exporter::checkOutputPaths({ { QStringLiteral("-o"), outPath } }, {});
    if (!refused.isEmpty()) return usageError(refused);
    QString error;
    const std::optional<GraphLogin> login = readGraphLogin(p, loginOptions, &error);
    if (!login) return usageError(error);

    FetchOptions options;
    options.untilMs = QDateTime::currentMSecsSinceEpoch();
    if (p.isSet(until) && !parseTime(p.value(until), options.untilMs))
        return usageError(QStringLiteral("--until %1: not an ISO 8601 date and time").arg(p.value(until)));
    options.sinceMs = options.untilMs - 24 * 3600 * 1000LL;
    if (p.isSet(since) && !parseTime(p.value(since), options.sinceMs))
        return usageError(QStringLiteral("--since %1: not an ISO 8601 date and time").arg(p.value(since)));
    if (options.sinceMs >= options.untilMs) return usageError(QStringLiteral("--since must be before --until"));
    if (p.isSet(errorCode)) {
        bool ok = false;
        options.errorCode = p.value(errorCode).toInt(&ok);
        if (!ok) return usageError(QStringLiteral("--error-code %1: not a number").arg(p.value(errorCode)));
    }
    options.correlationId = p.value(correlation);
    options.userId = p.value(user);
    options.appId = p.value(app);
    if (p.isSet(types)) {
        options.userSignIns = options.servicePrincipalSignIns = options.managedIdentitySignIns = false;
        for (const QString& t : p.value(types).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString k = t.trimmed().toLower();
            if (k == QLatin1String("user"))
                options.userSignIns = true;
            else if (k == QLatin1String("serviceprincipal"))
                options.servicePrincipalSignIns = true;
            else if (k == QLatin1String("managedidentity"))
                options.managedIdentitySignIns = true;
            else
                return usageError(
                    QStringLiteral("--types: unknown type %1 (user, servicePrincipal, managedIdentity)").arg(t));
        }
    }
    bool ok1 = false, ok2 = false;
    options.slices = p.value(slices).toInt(&ok1);
    options.concurrency = p.value(concurrency).toInt(&ok2);
    if (!ok1 || !ok2 || options.slices < 1 || options.slices > 256 || options.concurrency < 1
        || options.concurrency > 16)
        return usageError(QStringLiteral("--slices expects 1..256 and --concurrency 1..16"));
    options.directoryData = !p.isSet(noDirectory);

    FetchJob job(login->endpoints, login->credentials, options);
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -1000;
    QObject::connect(&job, &FetchJob::deviceCode, [](const DeviceCodeInfo& info) {
        printLine(stderr, info.message); // the sign-in endpoint's words: one line, no control characters
        std::fflush(stderr);
    });
    QObject::connect(&job, &FetchJob::progressChanged, [&](const FetchProgress& pr) {
        if (clock.elapsed() - lastReport < 1000 && pr.phase != QLatin1String("done")) return;
        lastReport = clock.elapsed();
        printError("fetch",
            QStringLiteral("%1: %2/%3 queries, %4 pages, %5 sign-ins, %6 retries")
                .arg(pr.phase, QString::number(pr.queriesDone), QString::number(pr.queriesTotal),
                    QString::number(pr.pages), QString::number(qulonglong(pr.signIns)), QString::number(pr.retries)));
    });
    QObject::connect(
        &job, &FetchJob::warning, [](const QString& text) { printError("fetch", QStringLiteral("warning: ") + text); });
    QObject::connect(&job, &FetchJob::finished, [](bool) { QCoreApplication::exit(0); });
    int interrupted = 0;
    std::unique_ptr<QSocketNotifier> interrupts;
    if (catchInterrupts()) {
        interrupts = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(interrupts.get(), &QSocketNotifier::activated, [&job, &interrupted] {
            unsigned char c = 0;
            if (::read(g_signalPipe[0], &c, 1) == 1 && !interrupted) {
                interrupted = int(c);
                job.cancel();
            }
        });
    }
    job.start();
    QCoreApplication::exec();

    const Dataset& data = job.dataset();
    if (interrupted) {
        QString message
            = QStringLiteral("interrupted by %1")
                  .arg(interrupted == SIGINT ? QStringLiteral("Ctrl+C (SIGINT)") : QStringLiteral("SIGTERM"));
        if (data.signInCount() > 0) {
            const QString partial = partialPath(outPath);
            QString writeError;
            message += writeFetchFile(data, job.directoryAudits(), partial, &writeError)
                ? QStringLiteral("; the fetch is partial: the %1 sign-ins fetched so far were saved to %2, not %3")
                      .arg(data.signInCount())
                      .arg(partial, outPath)
                : QStringLiteral("; the %1 sign-ins fetched so far could not be saved: %2")
                      .arg(data.signInCount())
                      .arg(writeError);
        } else {
            message += QStringLiteral("; nothing was fetched yet, nothing was written");
        }
        printError("fetch", message);
        return 128 + interrupted; // the shell's convention for a process ended by a signal
    }
    if (job.error().isError()) {
        QStringList more;
        if (job.error().isConditionalAccessBlock() && !job.error().correlationId.isEmpty())
            more << QStringLiteral("to diagnose this very sign-in once its log is at hand: calens diagnose "
                                   "FILE --correlation-id %1")
                        .arg(job.error().correlationId);
        if (data.signInCount() > 0) {
            const QString partial = partialPath(outPath);
            QString writeError;
            if (writeFetchFile(data, job.directoryAudits(), partial, &writeError))
                more << QStringLiteral("the %1 sign-ins fetched before the failure were saved to %2 (a partial fetch)")
                            .arg(QString::number(data.signInCount()), partial);
            else
                more << QStringLiteral("the %1 sign-ins fetched before the failure could not be saved: %2")
                            .arg(QString::number(data.signInCount()), writeError);
        }
        return networkError(job.error().text(), more);
    }
    if (!writeFetchFile(data, job.directoryAudits(), outPath, &error)) return usageError(error);
    printLine(QStringLiteral("wrote %1: %2 sign-ins, %3 policies, %4 named locations, %5 service principals, %6 audit "
                             "records")
                  .arg(outPath, QString::number(data.signInCount()), QString::number(data.policies().size()),
                      QString::number(data.namedLocations().size()), QString::number(data.servicePrincipals().size()),
                      QString::number(job.directoryAudits().size())));
    return 0;
}
