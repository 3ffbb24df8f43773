// SPDX-License-Identifier: MIT
#include "commands.h"
#include "fetchcommand.h"
#include "fixcommand.h"
#include "keychaincommand.h"
#include "lacommand.h"
#include "reportcommand.h"
#include "whatifcommand.h"

#include "text/closestword.h"
#include "text/safetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
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

// Every command once: its name and what runs it. `report` makes its own (offscreen) QGuiApplication.
struct Command
{
    const char* name;
    int (*run)(const QStringList& args);
};
constexpr Command kCommands[] = {
    { "analyze", runAnalyze },
    { "diagnose", runDiagnose },
    { "whatif", runWhatIf },
    { "fetch", runFetch },
    { "fix", runFix },
    { "keychain", runKeychain },
    { "synth", runSynth },
    { "la", runLa },
    { "adx", runAdx },
};

const Command* findCommand(const char* name)
{
    for (const Command& c : kCommands)
        if (std::strcmp(c.name, name) == 0) return &c;
    return nullptr;
}

// A first word that is no command and no existing file, and looks like a word rather than a path, is a mistyped
// command: opening a window on it would only say the file is missing (or, without a display, abort in Qt).
int unknownCommand(const QString& word)
{
    QStringList names { QStringLiteral("report"), QStringLiteral("help") };
    for (const Command& c : kCommands) names << QString::fromLatin1(c.name);
    const QString closest = calens::text::closestWord(word, names);
    std::fprintf(stderr, "calens: unknown command '%s'%s; calens --help lists them\n",
        qPrintable(calens::text::singleLine(word)),
        closest.isEmpty() ? "" : qPrintable(QStringLiteral(" (did you mean '%1'?)").arg(closest)));
    return 2;
}

bool looksLikeCommand(const QString& word)
{
    if (word.isEmpty() || word.size() > 32 || QFileInfo::exists(word)) return false;
    for (QChar c : word)
        if (!(c.isLetter() && c.unicode() < 128) && c != QLatin1Char('-')) return false;
    return !word.startsWith(QLatin1Char('-'));
}

bool hasDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0) return true; // Qt's own choice of platform, e.g. offscreen
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char** argv)
{
    const char* command = argc > 1 ? argv[1] : "";
    if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0 || std::strcmp(command, "--version") == 0
        || std::strcmp(command, "-v") == 0 || std::strcmp(command, "help") == 0)
        return topLevel(argc, argv);
    if (std::strcmp(command, "report") == 0) return runReport(argc, argv);
    const Command* cli = findCommand(command);
    if (!cli) {
        const QString first = QString::fromLocal8Bit(command);
        if (looksLikeCommand(first)) return unknownCommand(first);
        if (!hasDisplay(argc, argv)) {
            std::fputs("calens: no display to open the window on (DISPLAY is not set); the commands work without "
                       "one: calens --help\n",
                stderr);
            return 2;
        }
        QStringList args;
        for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
        return runGui(argc, argv, args);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("calens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALENS_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst(); // the program
    return cli->run(args);
}
