// SPDX-License-Identifier: MIT
#include "commands.h"
#include "fetchcommand.h"
#include "fixcommand.h"
#include "keychaincommand.h"
#include "lacommand.h"
#include "reportcommand.h"
#include "whatifcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <cstring>

namespace {

// Top-level --help and --version through QCommandLineParser; each command parses its own options.
int topLevel(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("calens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALENS_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "CA Lens: why was this sign-in blocked by Conditional Access (AADSTS53003)?\n\n"
        "Without a command CA Lens opens its window (with --demo on the built-in demo tenant, or on PATH...).\n"
        "Commands (each has --help):\n"
        "  analyze PATH... [--policies FILE] [--named-locations FILE] [--json]\n"
        "  diagnose PATH... --correlation-id ID | --sign-in-id ID [--policies FILE] [--named-locations FILE] [--json]\n"
        "  whatif --policies FILE [--named-locations FILE] (--sign-in-id ID PATH... | HYPOTHETICAL) [--json]\n"
        "  whatif --replay PATH... [--policies FILE] [--named-locations FILE] [--json]\n"
        "  fetch --tenant TENANT --client-id ID (--device-code | --client-secret-env VAR | --client-secret-keychain)\n"
        "        [--cloud global|usgov|china] [--since ISO] [--until ISO] [--error-code N] [--correlation-id ID]\n"
        "        [--types LIST] -o OUT.json\n"
        "  report PATH... -o OUT.pdf [--correlation-id ID] [--redact] [--title TEXT] [--html F] [--json F]\n"
        "  fix PATH... (--correlation-id ID | --sign-in-id ID) --tenant T --client-id ID (--device-code |\n"
        "        --client-secret-env VAR | --client-secret-keychain) [--fix FIX-ID] [--plan-out PLAN.json]\n"
        "        [--apply [--plan PLAN.json] --yes] [--backup-dir DIR] [--json]\n"
        "  fix --rollback BACKUP.json ... --yes [--force]\n"
        "  keychain store|forget --tenant T --client-id ID   (store reads the secret from standard input)\n"
        "  la --workspace ID --tenant T --client-id ID (--device-code | --client-secret-env VAR) [--cloud ...]\n"
        "        [--since ISO] [--until ISO] (summary | incidents | fetch --incident N -o OUT.json) [--json]\n"
        "  adx --cluster URL --database DB --tenant T --client-id ID (...) (the same verbs)\n"
        "  synth [--seed N] [--sign-ins N] [--format FORMAT] -o PATH\n\n"
        "Exit codes: 0 done, 1 cannot answer, 2 bad usage or unusable input, 3 network or authentication failure,\n"
        "4 fix refused (the live object changed, the fix no longer applies, or the read-back differs)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("demo"), QStringLiteral("open the window on the demo tenant")));
    parser.addPositionalArgument(
        QStringLiteral("PATH"), QStringLiteral("exports to open in the window"), QStringLiteral("[PATH...]"));
    if (argc > 1 && std::strcmp(argv[1], "help") == 0) parser.showHelp(0);
    parser.process(app); // prints help or version and exits
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const char* command = argc > 1 ? argv[1] : "";
    const bool cli = std::strcmp(command, "analyze") == 0 || std::strcmp(command, "synth") == 0
        || std::strcmp(command, "diagnose") == 0 || std::strcmp(command, "whatif") == 0
        || std::strcmp(command, "fetch") == 0 || std::strcmp(command, "fix") == 0
        || std::strcmp(command, "keychain") == 0 || std::strcmp(command, "la") == 0 || std::strcmp(command, "adx") == 0;
    if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0 || std::strcmp(command, "--version") == 0
        || std::strcmp(command, "-v") == 0 || std::strcmp(command, "help") == 0)
        return topLevel(argc, argv);
    if (std::strcmp(command, "report") == 0) return runReport(argc, argv); // makes its own (offscreen) QGuiApplication
    if (!cli) {
        QStringList args;
        for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
        return runGui(argc, argv, args);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("calens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALENS_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst(); // the program
    if (args.first() == QLatin1String("analyze")) return runAnalyze(args);
    if (args.first() == QLatin1String("diagnose")) return runDiagnose(args);
    if (args.first() == QLatin1String("whatif")) return runWhatIf(args);
    if (args.first() == QLatin1String("fetch")) return runFetch(args);
    if (args.first() == QLatin1String("fix")) return runFix(args);
    if (args.first() == QLatin1String("keychain")) return runKeychain(args);
    if (args.first() == QLatin1String("la")) return runLa(args);
    if (args.first() == QLatin1String("adx")) return runAdx(args);
    return runSynth(args);
}
