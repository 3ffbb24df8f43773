// SPDX-License-Identifier: MIT
#include "lacommand.h"
#include "graphlogin.h"
#include "laoutput.h"
#include "terminal.h"

#include "export/outputpaths.h"
#include "graph/nondumpable.h"
#include "ingest/timestamp.h"
#include "la/detailfile.h"
#include "la/lajob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <cstdio>
#include <optional>

using namespace calens;
using namespace calens::la;

namespace {

constexpr int64_t kWeekMs = 7 * 86400000LL;

QCommandLineOption option(const char* name, const char* help, const char* value = nullptr, const char* def = nullptr)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
        value ? QString::fromLatin1(value) : QString(), def ? QString::fromLatin1(def) : QString());
}

int run(const QStringList& args, LaTarget::Service service)
{
    const graph::NonDumpable noCoreDump; // the secret and the tokens are in this process from here on
    const char* command = service == LaTarget::Service::LogAnalytics ? "la" : "adx";
    auto usage = [command](const QString& message) {
        printError(command, message);
        return 2;
    };
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto help = option("help", "Show this help.");
    const auto workspace = option("workspace", "Log Analytics workspace ID (a GUID).", "ID");
    const auto apiUrl
        = option("api-url", "Log Analytics query API root (sovereign cloud or a local test server).", "URL");
    const auto cluster = option("cluster", "Azure Data Explorer cluster URL.", "URL");
    const auto database = option("database", "Azure Data Explorer database.", "DB");
    const auto since = option("since", "Start of the window (ISO 8601; default: 7 days before --until).", "ISO");
    const auto until = option("until", "End of the window, exclusive (ISO 8601; default: now).", "ISO");
    const auto incident = option("incident", "fetch: the incident's number in the incident list.", "N");
    const auto output = QCommandLineOption({ QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("fetch: the file to write (read back by analyze, diagnose, report and the window)."),
        QStringLiteral("OUT.json"));
    const auto json = option("json", "Print one JSON object.");
    auto serverTimeout = option("server-timeout",
        "Seconds a query may run in the service (Log Analytics: Prefer: wait=, at most 600; default 300).", "S", "300");
    const GraphLoginOptions login;
    p.addOptions({ help, since, until, incident, output, json, serverTimeout });
    if (service == LaTarget::Service::LogAnalytics)
        p.addOptions({ workspace, apiUrl });
    else
        p.addOptions({ cluster, database });
    login.addTo(p);
    p.addPositionalArgument(QStringLiteral("VERB"), QStringLiteral("summary | incidents | fetch"));
    if (!p.parse(args)) return usage(p.errorText());
    if (p.isSet(help)) {
        printCommandHelp(p, service == LaTarget::Service::LogAnalytics ? QStringLiteral("la") : QStringLiteral("adx"));
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) return usage(QStringLiteral("expected one of summary, incidents, fetch"));
    const QString& verbName = positional.first();
    LaPipeline::Verb verb;
    if (verbName == QLatin1String("summary"))
        verb = LaPipeline::Verb::Summary;
    else if (verbName == QLatin1String("incidents"))
        verb = LaPipeline::Verb::Incidents;
    else if (verbName == QLatin1String("fetch"))
        verb = LaPipeline::Verb::Fetch;
    else
        return usage(QStringLiteral("unknown verb %1: expected summary, incidents or fetch").arg(verbName));
    if (p.isSet(login.graphUrl)) return usage(QStringLiteral("--graph-url does not apply here"));

    int number = 0;
    QString outPath;
    if (verb == LaPipeline::Verb::Fetch) {
        bool ok = false;
        number = p.value(incident).toInt(&ok);
        if (!ok || number < 1)
            return usage(QStringLiteral("fetch needs --incident N (1 for the first incident listed)"));
        if (!p.isSet(output)) return usage(QStringLiteral("fetch needs -o OUT.json"));
        outPath = p.value(output);
        if (!QFileInfo(QFileInfo(outPath).absolutePath()).isDir())
            return usage(QStringLiteral("%1: the folder does not exist").arg(outPath));
        const QString refused = exporter::checkOutputPaths({ { QStringLiteral("-o"), outPath } }, {});
        if (!refused.isEmpty()) return usage(refused);
    } else if (p.isSet(incident) || p.isSet(output)) {
        return usage(QStringLiteral("--incident and -o belong to fetch"));
    }
    bool timeoutOk = false;
    const int timeout = p.value(serverTimeout).toInt(&timeoutOk);
    if (!timeoutOk || timeout < 1 || timeout > 600)
        return usage(QStringLiteral("--server-timeout expects 1..600 seconds"));

    TimeWindow window;
    window.toMs = QDateTime::currentMSecsSinceEpoch();
    if (p.isSet(until) && (window.toMs = parseTimestamp(p.value(until).trimmed().toStdString())) == kNoTime)
        return usage(QStringLiteral("--until %1: not an ISO 8601 date and time").arg(p.value(until)));
    window.fromMs = window.toMs - kWeekMs;
    if (p.isSet(since) && (window.fromMs = parseTimestamp(p.value(since).trimmed().toStdString())) == kNoTime)
        return usage(QStringLiteral("--since %1: not an ISO 8601 date and time").arg(p.value(since)));
    if (window.fromMs >= window.toMs) return usage(QStringLiteral("--since must be before --until"));

    QString error;
    std::optional<LaTarget> target;
    if (service == LaTarget::Service::LogAnalytics) {
        if (!p.isSet(workspace)) return usage(QStringLiteral("--workspace ID is required"));
        const auto cloud = graph::cloudFromName(p.value(login.cloud));
        if (!cloud)
            return usage(QStringLiteral("--cloud %1: expected global, usgov or china").arg(p.value(login.cloud)));
        target = logAnalyticsTarget(*cloud, p.value(workspace).trimmed(), p.value(apiUrl), &error);
    } else {
        if (!p.isSet(cluster) || !p.isSet(database))
            return usage(QStringLiteral("--cluster URL and --database DB are required"));
        target = dataExplorerTarget(p.value(cluster), p.value(database), &error);
    }
    if (!target) return usage(error);
    const std::optional<GraphLogin> signIn = readGraphLogin(p, login, &error);
    if (!signIn) return usage(error);

    DetailFile file;
    if (verb == LaPipeline::Verb::Fetch && !file.open(outPath, &error)) return usage(error);
    LaJob job(*target, signIn->endpoints.authority, signIn->credentials, verb, window, number);
    RunnerLimits limits;
    limits.serverTimeoutSeconds = timeout;
    job.setLimits(limits);
    if (verb == LaPipeline::Verb::Fetch)
        job.setRowSink([&file](const std::vector<std::string_view>& cells) { file.row(cells); });
    QObject::connect(&job, &LaJob::deviceCode, [](const graph::DeviceCodeInfo& info) {
        printLine(stderr, info.message);
        std::fflush(stderr);
    });
    QObject::connect(&job, &LaJob::progress, [command](const QString& text) { printError(command, text); });
    QObject::connect(&job, &LaJob::finished, [](bool) { QCoreApplication::exit(0); });
    job.start();
    QCoreApplication::exec();

    if (!job.error().isEmpty()) {
        printError(command, job.error());
        return job.networkFailure() ? 3 : 1;
    }
    const LaOutput out { job, window, verb, number, outPath };
    if (verb == LaPipeline::Verb::Fetch) {
        if (!file.commit(&error)) {
            printError(command, error);
            return 2;
        }
        out.printFetch(p.isSet(json), file.rows());
        return 0;
    }
    if (verb == LaPipeline::Verb::Summary)
        out.printSummary(p.isSet(json));
    else
        out.printIncidents(p.isSet(json));
    return 0;
}

} // namespace

int runLa(const QStringList& args)
{
    return run(args, LaTarget::Service::LogAnalytics);
}

int runAdx(const QStringList& args)
{
    return run(args, LaTarget::Service::DataExplorer);
}
