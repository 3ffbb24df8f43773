// SPDX-License-Identifier: MIT
#include "kqlprelude.h"

#include "ingest/timestamp.h"

namespace calens::la {

namespace {

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

QString emptyOf(KqlType type)
{
    switch (type) {
    case KqlType::String:
        return QStringLiteral("\"\"");
    case KqlType::DateTime:
        return QStringLiteral("datetime(null)");
    case KqlType::Dynamic:
        return QStringLiteral("dynamic(null)");
    case KqlType::Bool:
        return QStringLiteral("bool(null)");
    case KqlType::Long:
        return QStringLiteral("long(null)");
    case KqlType::Real:
        return QStringLiteral("real(null)");
    }
    return QStringLiteral("\"\"");
}

// One column of one table's leg, converted to the union's type.
QString legColumn(const SignInTable& table, const TableColumn& want)
{
    QString name = latin1(want.name);
    const TableColumn* have = table.find(want.name);
    if (!have) {
        if (want.name == "CreatedDateTime" && table.find("TimeGenerated"))
            return name + QStringLiteral(" = TimeGenerated");
        return name + QStringLiteral(" = ") + emptyOf(want.type);
    }
    if (have->type == want.type) return name;
    if (want.type == KqlType::Dynamic) return QStringLiteral("%1 = todynamic(%1)").arg(name);
    if (want.type == KqlType::String) return QStringLiteral("%1 = tostring(%1)").arg(name);
    return name + QStringLiteral(" = ") + emptyOf(want.type);
}

// "a, b, c" broken into lines of about 100 characters, continued with `indent`.
QString wrapped(const QStringList& items, const QString& indent)
{
    QString out, line;
    for (const QString& item : items) {
        if (!line.isEmpty() && line.size() + item.size() > 100) {
            out += line + QStringLiteral(",\n") + indent;
            line.clear();
        } else if (!line.isEmpty()) {
            line += QStringLiteral(", ");
        }
        line += item;
    }
    return out + line;
}

} // namespace

QString datetimeLiteral(int64_t ms)
{
    return QStringLiteral("datetime(%1)").arg(QString::fromStdString(formatIso(ms)));
}

std::vector<TableColumn> columnsNamed(std::initializer_list<std::string_view> names)
{
    std::vector<TableColumn> out;
    for (const TableColumn& c : detailColumns())
        for (std::string_view n : names)
            if (c.name == n) out.push_back(c);
    return out;
}

QString signInUnion(
    const TimeWindow& window, const std::vector<TableColumn>& columns, std::span<const SignInTable> tables)
{
    QStringList legs;
    const QString where = QStringLiteral("| where TimeGenerated >= %1 and TimeGenerated < %2")
                              .arg(datetimeLiteral(window.fromMs), datetimeLiteral(window.toMs));
    for (const SignInTable& table : tables) {
        QStringList projected;
        for (const TableColumn& c : columns) projected << legColumn(table, c);
        legs << QStringLiteral("    (%1\n    %2\n    | project %3)")
                    .arg(latin1(table.name), where, wrapped(projected, QStringLiteral("        ")));
    }
    return QStringLiteral("let CaLensSignIns = union\n") + legs.join(QStringLiteral(",\n")) + QStringLiteral(";\n");
}

QString whereBlocked()
{
    QStringList codes;
    for (int c : blockCodes()) codes << QString::number(c);
    return QStringLiteral("| where toint(ResultType) in (%1)\n").arg(codes.join(QStringLiteral(", ")));
}

QString situationStages()
{
    return QStringLiteral(
        "| mv-apply CaLensPolicy = ConditionalAccessPolicies on (\n"
        "    where tostring(CaLensPolicy.result) in~ (\"failure\", \"reportOnlyFailure\")\n"
        "    | summarize CaLensFailed = make_set(strcat(tostring(CaLensPolicy.id), \":\", "
        "tolower(tostring(CaLensPolicy.result)))))\n"
        "| mv-apply CaLensNetwork = todynamic(NetworkLocationDetails) on (\n"
        "    summarize CaLensNetworks = make_set(tolower(tostring(CaLensNetwork.networkType))))\n"
        "| extend Situation = hash_sha256(strcat_delim(\"|\", Type, ResultType, UserId, ServicePrincipalId, AppId,\n"
        "    ResourceIdentity, IPAddress, tostring(DeviceDetail.trustType), tostring(DeviceDetail.isCompliant),\n"
        "    RiskLevelDuringSignIn, iff(isnull(array_length(ConditionalAccessPolicies)), \"none\", \"listed\"),\n"
        "    strcat_array(array_sort_asc(CaLensNetworks), \",\"), strcat_array(array_sort_asc(CaLensFailed), \",\")))\n"
        "| project-away CaLensFailed, CaLensNetworks\n");
}

} // namespace calens::la
