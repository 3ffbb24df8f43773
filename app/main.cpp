// SPDX-License-Identifier: MIT
#include "commands.h"
#include "fetchcommand.h"
#include "reportcommand.h"
#include "whatifcommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <cstring>

namespace {

void printUsage()
{
    std::fputs(
        "usage: calens [--demo] [PATH...]            open the window\n"
        "       calens analyze PATH... [--policies FILE] [--named-locations FILE] [--json]\n"
        "       calens diagnose PATH... --correlation-id ID | --sign-in-id ID [--policies FILE] "
        "[--named-locations FILE] [--json]\n"
        "       calens whatif --policies FILE [--named-locations FILE] (--sign-in-id ID PATH... | HYPOTHETICAL) "
        "[--json]\n"
        "       calens fetch --tenant TENANT --client-id ID (--device-code | --client-secret-env VAR) [--cloud "
        "global|usgov|china]\n"
        "                    [--since ISO] [--until ISO] [--error-code N] [--correlation-id ID] [--types LIST]\n"
        "                    [--authority-url URL --graph-url URL] -o OUT.json\n"
        "       calens report PATH... -o OUT.pdf [--correlation-id ID] [--redact] [--title TEXT] [--html OUT.html]\n"
        "                     [--json OUT.json] [--page-size a4|letter] [--pdfa]\n"
        "       calens synth [--seed N] [--sign-ins N] [--format FORMAT] -o PATH\n"
        "       calens --version\n",
        stdout);
}

} // namespace

int main(int argc, char** argv)
{
    const char* command = argc > 1 ? argv[1] : "";
    const bool cli = std::strcmp(command, "analyze") == 0 || std::strcmp(command, "synth") == 0
        || std::strcmp(command, "diagnose") == 0 || std::strcmp(command, "whatif") == 0
        || std::strcmp(command, "fetch") == 0;
    if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0) {
        printUsage();
        return 0;
    }
    if (std::strcmp(command, "--version") == 0) {
        std::printf("calens %s\n", CALENS_VERSION);
        return 0;
    }
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
    return runSynth(args);
}
