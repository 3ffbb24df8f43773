// SPDX-License-Identifier: MIT
#include "codemeaning.h"

#include "graph/grapherror.h"

namespace calens {

QString codeMeaning(int code, const Flowchart& chart)
{
    const auto it = chart.codes.find(code);
    if (it != chart.codes.end()) return QString::fromStdString(it->second.text);
    QString advice = graph::aadstsAdvice(code);
    if (advice.isEmpty() || code == 53003) return advice; // 53003 is always in the flowchart
    return advice.left(1).toUpper() + advice.mid(1) + QLatin1Char('.');
}

} // namespace calens
