// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QCommandLineParser;

#include <nlohmann/json.hpp>

#include <cstdio>

// The only ways the command line prints text. Values in it come from logs, files, servers and arguments, so
// every line goes through text::singleLine: no escape sequence (OSC 52 clipboard writes, window titles, cursor
// movement), C0/C1 control, bidirectional or zero-width character reaches the terminal, and a value cannot
// start a line of its own. Each call prints exactly one line.
void printLine(std::FILE* stream, const QString& line);
inline void printLine(const QString& line)
{
    printLine(stdout, line);
}
// "calens COMMAND: message" on stderr.
void printError(const char* command, const QString& message);
// JSON output (--json): the same value, with C1, bidirectional, zero-width and line-separator characters
// inside strings written as \uXXXX escapes, so it is as safe on a terminal as in a pipe.
void printJson(const nlohmann::ordered_json& value);

// A command's --help on stdout, its usage line naming the command as typed ("calens fetch [options]") instead of
// the path the program was started by.
void printCommandHelp(const QCommandLineParser& parser, const QString& command);

// `text` padded with spaces to `width` characters, or cut to width-3 and "..." (whole characters).
QString padded(const QString& text, int width);
