// SPDX-License-Identifier: MIT
#include "fixcommand.h"

#include "graphlogin.h"
#include "inputloader.h"
#include "terminal.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/incidents.h"
#include "export/outputfile.h"
#include "export/outputpaths.h"
#include "fix/fixrunner.h"
#include "graph/nondumpable.h"
#include "model/dataset.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

using namespace calens;
using namespace calens::fix;

namespace {

int usage(const QString& message)
{
    printError("fix", message);
    return 2;
}

int exitCode(FixRunner::Outcome o)
{
    return o == FixRunner::Outcome::Done ? 0 : o == FixRunner::Outcome::Refused ? 4 : 3;
}

QString jsonText(const nlohmann::json& j)
{
    return QString::fromStdString(j.is_string() ? j.get<std::string>() : j.dump());
}

void printPlan(const FixPlan& p)
{
    printLine(QStringLiteral("Fix: %1").arg(p.title));
    printLine(QStringLiteral("Change: %1").arg(p.change.describe()));
    printLine(QStringLiteral("Live object: %1 %2, last modified %3")
                  .arg(p.change.target() == Change::Target::Policy ? QStringLiteral("policy")
                                                                   : QStringLiteral("named location"),
                      p.change.targetName, QString::fromStdString(p.liveModifiedDateTime)));
    printLine(QString());
    printLine(QStringLiteral("Diff of the live object:"));
    for (const FieldChange& f : p.diff) {
        printLine(QStringLiteral("  %1").arg(QString::fromStdString(f.path)));
        printLine(QStringLiteral("    before: %1").arg(jsonText(f.before)));
        printLine(QStringLiteral("    after:  %1").arg(jsonText(f.after)));
    }
    printLine(QString());
    printLine(QStringLiteral("Request: %1 {graph}%2 (the whole %3, built from the live copy)")
                  .arg(p.method, p.url, QLatin1String(p.change.topLevelProperty())));
    printLine(QString());
    printLine(QStringLiteral("Blast radius:"));
    for (const QString& s : p.blast.summary) printLine(QStringLiteral("  ") + s);
    for (const QString& w : p.warnings) printLine(QStringLiteral("Warning: ") + w);
    for (const QString& w : p.why) printLine(QStringLiteral("Why this change: ") + w);
}

nlohmann::json resultJson(const FixRunner::Result& r, const QString& rollbackCommand)
{
    nlohmann::json out = r.plan ? r.plan->toJson() : nlohmann::json::object();
    out["applied"] = r.applied;
    out["verified"] = r.verified;
    out["backup"] = r.backupPath.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(r.backupPath.toStdString());
    out["rollback"]
        = rollbackCommand.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(rollbackCommand.toStdString());
    out["message"] = r.message.toStdString();
    if (!r.readBackDiff.empty()) {
        nlohmann::json d = nlohmann::json::array();
        for (const auto& f : r.readBackDiff)
            d.push_back({ { "path", f.path }, { "planned", f.before }, { "readBack", f.after } });
        out["readBackDiff"] = d;
    }
    return out;
}

// Runs one FixRunner step to its end on the event loop.
FixRunner::Result run(FixRunner& runner, const std::function<void()>& start)
{
    FixRunner::Result result;
    bool done = false;
    QObject::connect(&runner, &FixRunner::finished, [&result, &done](const FixRunner::Result& r) {
        result = r;
        done = true;
        QCoreApplication::exit(0);
    });
    QObject::connect(&runner, &FixRunner::deviceCode, [](const graph::DeviceCodeInfo& info) {
        printLine(stderr, info.message);
        std::fflush(stderr);
    });
    QObject::connect(&runner, &FixRunner::progress, [](const QString& step) { printError("fix", step); });
    start();
    if (!done) QCoreApplication::exec(); // a step refused before any request finishes at once
    QObject::disconnect(&runner, nullptr, nullptr, nullptr);
    return result;
}

} // namespace

int runFix(const QStringList& args)
{
    const graph::NonDumpable noCoreDump; // the secret and the tokens are in this process from here on
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto opt = [](const char* name, const char* help, const char* value = nullptr, const char* def = nullptr) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
            value ? QString::fromLatin1(value) : QString(), def ? QString::fromLatin1(def) : QString());
    };
    const auto help = opt("help", "Show this help.");
    const auto correlation = opt("correlation-id", "The blocked sign-in's correlation ID.", "ID");
    const auto signInId = opt("sign-in-id", "The blocked sign-in's request ID.", "ID");
    const auto policies = opt("policies", "Conditional Access policies (Graph JSON).", "FILE");
    const auto locations = opt("named-locations", "Named locations (Graph JSON).", "FILE");
    const auto fixId = opt("fix", "Which fix of the diagnosis (default: the first CA Lens can make).", "FIX-ID");
    const auto planOut = opt("plan-out", "Write the plan to this file (to apply it later with --plan).", "PLAN.json");
    const auto apply = opt("apply", "Apply the fix (needs --yes): backup, PATCH, read-back check.");
    const auto planIn
        = opt("plan", "With --apply: apply exactly this plan (refused when the object changed since).", "PLAN.json");
    const auto yes = opt("yes", "Confirm that the change may be sent.");
    const auto backupDir
        = opt("backup-dir", "Where backups of the live object go (default: the current folder).", "DIR");
    const auto rollback = opt("rollback", "Restore the object from this backup.", "BACKUP.json");
    const auto force = opt("force", "Roll back (or apply a plan) although the object changed since.");
    const auto json = opt("json", "Print one JSON object.");
    const GraphLoginOptions loginOptions;
    p.addOptions({ help, correlation, signInId, policies, locations, fixId, planOut, apply, planIn, yes, backupDir,
        rollback, force, json });
    loginOptions.addTo(p);
    if (!p.parse(args)) return usage(p.errorText());
    if (p.isSet(help)) {
        printCommandHelp(p, QStringLiteral("fix"));
        return 0;
    }
    QStringList paths = p.positionalArguments();
    if (!paths.isEmpty() && paths.first() == QLatin1String("fix")) paths.removeFirst();

    QString error;
    std::optional<GraphLogin> login = readGraphLogin(p, loginOptions, &error);
    if (!login) return usage(error);
    // The write scopes are asked for only when something will be written.
    const bool writes = p.isSet(apply) || p.isSet(rollback);
    if (writes && !p.isSet(yes))
        return usage(QStringLiteral("%1 changes the tenant: add --yes to confirm")
                         .arg(p.isSet(apply) ? QStringLiteral("--apply") : QStringLiteral("--rollback")));
    if (writes) login->credentials.delegatedScopes = FixRunner::writeScopes(login->endpoints);
    const QString backups = p.isSet(backupDir) ? p.value(backupDir) : QDir::currentPath();
    auto rollbackCommand = [&login](const QString& backup) {
        return backup.isEmpty() ? QString()
                                : QStringLiteral("calens fix --rollback %1 %2 --yes")
                                      .arg(shellQuoted(backup), login->arguments.join(QLatin1Char(' ')));
    };
    FixRunner runner(login->endpoints, login->credentials);
    auto report = [&](const FixRunner::Result& r, const QString& rollbackLine) {
        if (p.isSet(json)) {
            printJson(resultJson(r, rollbackLine));
        } else {
            if (r.plan && !r.applied) printPlan(*r.plan);
            printLine(QString());
            printLine(r.message);
            if (!r.backupPath.isEmpty()) printLine(QStringLiteral("Backup: %1").arg(r.backupPath));
            if (!rollbackLine.isEmpty() && r.applied) printLine(QStringLiteral("To undo: %1").arg(rollbackLine));
        }
        return exitCode(r.outcome);
    };

    if (p.isSet(rollback)) {
        if (!paths.isEmpty()) return usage(QStringLiteral("--rollback takes no inputs"));
        const FixRunner::Result r = run(runner, [&] { runner.rollback(p.value(rollback), p.isSet(force)); });
        return report(r, {});
    }
    if (p.isSet(planIn)) {
        if (!p.isSet(apply)) return usage(QStringLiteral("--plan is applied with --apply --yes"));
        QFile f(p.value(planIn));
        if (!f.open(QIODevice::ReadOnly)) return usage(QStringLiteral("%1: %2").arg(p.value(planIn), f.errorString()));
        const QByteArray text = f.read(qint64(16) << 20);
        const auto parsed = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        auto plan = FixPlan::fromJson(parsed, &error);
        if (!plan) return usage(QStringLiteral("%1: %2").arg(p.value(planIn), error));
        const FixRunner::Result r = run(runner, [&] { runner.apply(*plan, backups, p.isSet(force)); });
        return report(r, rollbackCommand(r.backupPath));
    }

    // Plan (and apply) one fix of the diagnosis of one sign-in.
    if (paths.isEmpty() || p.isSet(correlation) == p.isSet(signInId))
        return usage(QStringLiteral("name the inputs and exactly one of --correlation-id or --sign-in-id"));
    if (p.isSet(planOut)) {
        const QString refused
            = exporter::checkOutputPaths({ { QStringLiteral("--plan-out"), p.value(planOut) } }, paths);
        if (!refused.isEmpty()) return usage(refused);
    }
    Dataset dataset;
    IngestJob job(dataset);
    if (int rc = loadInputs(job, paths, p.values(policies), p.values(locations))) return rc;
    const uint32_t row = findSignIn(dataset, p.value(signInId), p.value(correlation));
    if (row == UINT32_MAX) {
        printError("fix",
            QStringLiteral("no sign-in with %1 in %2")
                .arg(p.isSet(signInId) ? p.value(signInId) : p.value(correlation), paths.join(QStringLiteral(", "))));
        return 1;
    }
    const Diagnosis d = Diagnoser(dataset).diagnose(row);
    const Diagnosis::Fix* chosen = nullptr;
    for (const auto& f : d.fixes)
        if (p.isSet(fixId) ? f.id == p.value(fixId).toStdString() : bool(f.change)) {
            chosen = &f;
            break;
        }
    if (!chosen) {
        QStringList ids;
        for (const auto& f : d.fixes) ids << QString::fromStdString(f.id);
        printError("fix",
            p.isSet(fixId) ? QStringLiteral("the diagnosis has no fix %1 (it has: %2)")
                                 .arg(p.value(fixId), ids.join(QStringLiteral(", ")))
                           : QStringLiteral("none of the fixes (%1) is a change CA Lens can make on one object; "
                                            "see calens diagnose for the steps")
                                 .arg(ids.join(QStringLiteral(", "))));
        return 1;
    }
    if (!chosen->change) {
        printError("fix",
            QStringLiteral("the fix %1 is not a change CA Lens can make on one object%2")
                .arg(QString::fromStdString(chosen->id),
                    chosen->withheld.isEmpty() ? QString() : QStringLiteral(": ") + chosen->withheld));
        return 1;
    }
    // The blast radius judges every sign-in of this identity in the sign-in's incident, not only this one record;
    // the fix is made for this identity (the incident's other identities need their own change).
    std::vector<uint32_t> diagnosed { row };
    for (const Incident& inc : clusterIncidents(dataset))
        if (const IncidentIdentity* who = identityOf(inc, row)) diagnosed = who->rows;
    FixRunner::Result planned
        = run(runner, [&] { runner.plan(dataset, chosen->id, chosen->title, *chosen->change, diagnosed); });
    if (planned.outcome != FixRunner::Outcome::Done || !planned.plan) return report(planned, {});
    if (p.isSet(planOut)) {
        if (!exporter::writeFileAtomically(
                p.value(planOut), QByteArray::fromStdString(planned.plan->toJson().dump(2)), &error)) {
            printError("fix", error);
            return 2;
        }
    }
    if (!p.isSet(apply)) return report(planned, {});
    if (!p.isSet(json)) printPlan(*planned.plan);
    const FixRunner::Result applied = run(runner, [&] { runner.apply(*planned.plan, backups, false); });
    return report(applied, rollbackCommand(applied.backupPath));
}
