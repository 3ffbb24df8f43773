// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// One function per command; each parses its own options and returns the process exit code
// (0 done, 1 cannot answer, 2 bad usage or unusable input, 3 network/authentication).
int runAnalyze(const QStringList& args);
int runSynth(const QStringList& args);
int runDiagnose(const QStringList& args);
int runGui(int& argc, char** argv, const QStringList& args);
