// SPDX-License-Identifier: MIT
#pragma once

#include "writers.h"

namespace calens::exporter {

// One function per format; writeSignIns() dispatches to them.
bool writeGraphJson(const Dataset& data, const QString& path, QString* error);
bool writePortalJson(const Dataset& data, const QString& path, QString* error);
bool writePortalCsv(const Dataset& data, const QString& folder, QString* error);
bool writeLaCsv(const Dataset& data, const QString& path, QString* error);
bool writeLaJson(const Dataset& data, const QString& path, QString* error);
bool writeDiagRecords(const Dataset& data, const QString& path, QString* error);
bool writeDiagJsonl(const Dataset& data, const QString& path, QString* error);
bool writePowershellJson(const Dataset& data, const QString& path, QString* error, int depth);

} // namespace calens::exporter
