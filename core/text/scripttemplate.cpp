// SPDX-License-Identifier: MIT
#include "scripttemplate.h"

#include "quoting.h"
#include "safetext.h"

namespace calens::text {

QString fillPowerShellTemplate(const QString& text, const std::map<QString, QString>& values)
{
    QString out;
    out.reserve(text.size() + 256);
    qsizetype done = 0, at;
    while ((at = text.indexOf(QLatin1String("{{"), done)) >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("}}"), at + 2);
        if (end < 0) break;
        out += QStringView(text).mid(done, at - done);
        const auto it = values.find(text.mid(at + 2, end - at - 2));
        out += powershellLiteral(it != values.end() ? singleLine(it->second) : QString());
        done = end + 2;
    }
    out += QStringView(text).mid(done);
    return out;
}

} // namespace calens::text
