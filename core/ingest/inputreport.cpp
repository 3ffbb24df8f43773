// SPDX-License-Identifier: MIT
#include "inputreport.h"

namespace calens {

void InputReport::skip(const QString& where, const QString& reason)
{
    ++skipped;
    if (skipped <= uint64_t(kMaxProblems))
        warnings << QStringLiteral("%1: %2 skipped: %3").arg(path, where, reason);
    else if (skipped == uint64_t(kMaxProblems) + 1)
        warnings << QStringLiteral("%1: more records were skipped; the count says how many").arg(path);
}

void InputReport::warn(const QString& text)
{
    if (!warnings.contains(text)) warnings << text;
}

} // namespace calens
