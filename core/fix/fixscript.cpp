// SPDX-License-Identifier: MIT
#include "fixscript.h"

#include "fixplan.h"

#include "text/scripttemplate.h"

#include <QFile>

#include <map>

namespace calens::fix {

QString changeScript(const Change& change, const QString& graphRoot, const QString& plannedModified)
{
    if (!change.isWellFormed())
        return QStringLiteral("# CA Lens wrote no script: an id or range in the data is not in its strict form.\n");
    QFile f(QStringLiteral(":/calens/diagnosis/scripts/apply-change.ps1"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QString script = QString::fromUtf8(f.readAll());
    const bool range = change.kind == Change::Kind::AddIpRange;
    const std::map<QString, QString> values {
        { QStringLiteral("uri"), graphRoot + objectPath(change) },
        { QStringLiteral("modified"), plannedModified },
        { QStringLiteral("listPath"), QLatin1String(change.path()) },
        { QStringLiteral("topLevel"), QLatin1String(change.topLevelProperty()) },
        { QStringLiteral("odataType"), range ? QStringLiteral("#microsoft.graph.ipNamedLocation") : QString() },
        { QStringLiteral("item"), range ? QString() : change.value },
        { QStringLiteral("cidr"), range ? change.value : QString() },
        { QStringLiteral("cidrType"),
            !range                                        ? QString()
                : change.value.contains(QLatin1Char(':')) ? QStringLiteral("#microsoft.graph.iPv6CidrRange")
                                                          : QStringLiteral("#microsoft.graph.iPv4CidrRange") },
        { QStringLiteral("description"), change.describe() },
    };
    return text::fillPowerShellTemplate(script, values);
}

} // namespace calens::fix
