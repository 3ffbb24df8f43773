// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// `calens report`: the incident report as PDF (and HTML/JSON). Rendering needs QtGui, so this overload
// creates the QGuiApplication itself, on the offscreen platform unless QT_QPA_PLATFORM says otherwise:
// no display is needed. Call it instead of creating a QCoreApplication.
int runReport(int& argc, char** argv);

// The same with a QGuiApplication already running (args without the program name, starting at "report").
int runReport(const QStringList& args);
