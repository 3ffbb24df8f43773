// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace calens::text {

// A tooltip that shows `text` as it is. Qt renders a tooltip as rich text when it merely looks like markup, so a
// policy or app named "<img src=…>" would be drawn, not shown: this wraps the escaped text (line breaks kept) in
// markup of its own.
QString plainToolTip(const QString& text);

} // namespace calens::text
