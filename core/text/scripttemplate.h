// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <map>

namespace calens::text {

// Replaces "{{name}}" placeholders of a PowerShell template by single-quoted literals of the values (on one
// line): templates place them where a string expression belongs, never inside a comment. An unknown name becomes
// ''. One pass: a value is never scanned again, so one that looks like "{{key}}" stays data.
QString fillPowerShellTemplate(const QString& script, const std::map<QString, QString>& values);

} // namespace calens::text
