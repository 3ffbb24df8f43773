// SPDX-License-Identifier: MIT
#include "incidenttreemodel.h"

#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"
#include "ingest/timestamp.h"
#include "text/tooltiptext.h"

namespace calens {

namespace {

// Child rows carry their incident's row + 1 as internal id; incident rows carry 0.
constexpr quintptr kTopLevel = 0;

// "2026-10-01 13:14" in the cell (UTC, like every view); the whole ISO time in the tooltip.
QVariant when(int64_t ms, int role)
{
    if (ms == INT64_MIN) return {};
    QString iso = QString::fromStdString(formatIso(ms));
    if (role == Qt::ToolTipRole) return iso;
    return iso.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
}

QString appList(const Incident& inc, const std::vector<uint32_t>& apps)
{
    QStringList lines;
    for (size_t i = 0; i < apps.size() && i < 20; ++i) {
        const IncidentApp& app = inc.apps[apps[i]];
        QString line = appLabel(app);
        if (!app.resourceName.isEmpty() && app.resourceName != line) line += QStringLiteral(" → ") + app.resourceName;
        lines << line;
    }
    if (apps.size() > 20) lines << QStringLiteral("… and %1 more").arg(apps.size() - 20);
    return lines.join(QLatin1Char('\n'));
}

std::vector<uint32_t> allApps(const Incident& inc)
{
    std::vector<uint32_t> all(inc.apps.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

QString capitalized(QString s)
{
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

} // namespace

void IncidentTreeModel::setIncidents(std::vector<Incident> incidents)
{
    beginResetModel();
    m_incidents = std::move(incidents);
    endResetModel();
}

const Incident* IncidentTreeModel::incidentAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this) return nullptr;
    const size_t row = index.internalId() == kTopLevel ? size_t(index.row()) : size_t(index.internalId() - 1);
    return row < m_incidents.size() ? &m_incidents[row] : nullptr;
}

const IncidentIdentity* IncidentTreeModel::identityAt(const QModelIndex& index) const
{
    const Incident* inc = incidentAt(index);
    if (!inc || index.internalId() == kTopLevel || size_t(index.row()) >= inc->identities.size()) return nullptr;
    return &inc->identities[size_t(index.row())];
}

QModelIndex IncidentTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex IncidentTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel) return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int IncidentTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) return int(m_incidents.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel) return 0; // identities have no children
    const Incident* inc = incidentAt(parent);
    return inc ? int(inc->identities.size()) : 0;
}

int IncidentTreeModel::columnCount(const QModelIndex&) const
{
    return NumColumns;
}

QVariant IncidentTreeModel::data(const QModelIndex& index, int role) const
{
    const Incident* inc = incidentAt(index);
    if (!inc) return {};
    if (role == Qt::TextAlignmentRole && index.column() == SignIns)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const IncidentIdentity* who = identityAt(index);
    if (role == SignInRowRole) return qulonglong(who ? who->firstRow : inc->firstRow);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const QVariant value
        = who ? identityData(*inc, *who, index.column(), role) : incidentData(*inc, index.column(), role);
    // Names are data: a tooltip shows them, never renders them.
    return role == Qt::ToolTipRole && value.isValid() ? QVariant(text::plainToolTip(value.toString())) : value;
}

QVariant IncidentTreeModel::incidentData(const Incident& i, int column, int role) const
{
    const bool tip = role == Qt::ToolTipRole;
    switch (column) {
    case Cause:
        return tip ? QStringLiteral("%1\n%2 confidence (%3)")
                         .arg(causeInWords(i.cause), capitalized(confidenceWord(i.confidence)),
                             QString::number(i.confidence, 'f', 2))
                   : causeInWords(i.cause);
    case Policy: {
        const QString policy = i.policyName.isEmpty() ? QStringLiteral("(the log names no policy)") : i.policyName;
        return tip ? QStringLiteral("%1\nasks for %2").arg(policy, controlsInWords(i.unmetControls)) : policy;
    }
    case Identities: {
        if (!tip) return identitiesInWords(i);
        QStringList names;
        for (size_t n = 0; n < i.identities.size() && n < 20; ++n) names << i.identities[n].name;
        if (i.identities.size() > 20) names << QStringLiteral("… and %1 more").arg(i.identities.size() - 20);
        return names.join(QLatin1Char('\n'));
    }
    case SignIns:
        return qulonglong(i.count);
    case Applications:
        return tip ? appList(i, allApps(i)) : appsInWords(i);
    case FirstSeen:
        return when(i.firstMs, role);
    case LastSeen:
        return when(i.lastMs, role);
    default:
        return {};
    }
}

QVariant IncidentTreeModel::identityData(const Incident& i, const IncidentIdentity& who, int column, int role) const
{
    const bool tip = role == Qt::ToolTipRole;
    switch (column) {
    case Cause:
        return tip ? QStringLiteral("%1 (%2)").arg(who.name, kindWord(who.kind)) : who.name;
    case Policy:
        return tip ? QVariant(i.policyName) : QVariant();
    case Identities:
        return capitalized(kindWord(who.kind));
    case SignIns:
        return qulonglong(who.count);
    case Applications:
        return tip ? appList(i, who.apps) : appsInWords(i, who.apps);
    case FirstSeen:
        return when(who.firstMs, role);
    case LastSeen:
        return when(who.lastMs, role);
    default:
        return {};
    }
}

QVariant IncidentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static const char* const names[] = { "Cause / identity", "Blocking policy", "Identities", "Sign-ins",
        "Applications", "First seen (UTC)", "Last seen (UTC)" };
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= NumColumns) return {};
    return QString::fromLatin1(names[section]);
}

} // namespace calens
