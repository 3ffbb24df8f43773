// SPDX-License-Identifier: MIT
#include "builtinroles.h"

#include <QFile>
#include <QHash>

namespace calens {

namespace {

QHash<QString, QString> loadRoles()
{
    QHash<QString, QString> roles;
    QFile f(QStringLiteral(":/calens/directory/builtin-roles.tsv"));
    if (!f.open(QIODevice::ReadOnly)) return roles;
    const QString text = QString::fromUtf8(f.readAll());
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#'))) continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab > 0) roles.insert(line.left(tab).toLower(), line.mid(tab + 1).trimmed());
    }
    return roles;
}

} // namespace

QString builtInRoleName(std::string_view templateId)
{
    static const QHash<QString, QString> roles = loadRoles(); // read once, thread-safe initialisation
    return roles.value(QString::fromUtf8(templateId.data(), qsizetype(templateId.size())).toLower());
}

} // namespace calens
