// SPDX-License-Identifier: MIT
#include "terminal.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include "text/safetext.h"

void printLine(std::FILE* stream, const QString& line)
{
    const QByteArray bytes = calens::text::singleLine(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void printError(const char* command, const QString& message)
{
    printLine(stderr, QStringLiteral("calens %1: %2").arg(QLatin1String(command), message));
}

void printJson(const nlohmann::ordered_json& value)
{
    // Invalid UTF-8 (which no QString produces) is replaced rather than thrown.
    const std::string text
        = calens::text::terminalSafeJson(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString padded(const QString& text, int width)
{
    if (text.size() > width) return text.left(width - 3) + QStringLiteral("...");
    return text.leftJustified(width, QLatin1Char(' '));
}

void printCommandHelp(const QCommandLineParser& parser, const QString& command)
{
    QString text = parser.helpText();
    // Qt starts the usage line with the program as it was started (argv[0]).
    const QString started = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
    if (text.startsWith(started)) text.replace(0, started.size(), QStringLiteral("Usage: calens ") + command);
    std::fputs(text.toLocal8Bit().constData(), stdout);
}
