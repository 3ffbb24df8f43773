// SPDX-License-Identifier: MIT
#include "tooltiptext.h"

namespace calens::text {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty()) return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

} // namespace calens::text
