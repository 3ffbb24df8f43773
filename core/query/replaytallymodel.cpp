// SPDX-License-Identifier: MIT
#include "replaytallymodel.h"

#include <algorithm>

namespace calens {

namespace {

double share(uint64_t part, uint64_t whole)
{
    return whole ? double(part) / double(whole) : 0.0;
}

} // namespace

ReplayTallyModel::ReplayTallyModel(const QString& nameHeader, bool withDecided, QObject* parent)
    : QAbstractTableModel(parent)
    , m_nameHeader(nameHeader)
    , m_withDecided(withDecided)
{ }

void ReplayTallyModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QVariant ReplayTallyModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size() || index.column() >= columnCount()) return {};
    const auto& [name, t] = m_rows[size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Name) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Name) return name; // the view may elide it
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (Column(index.column())) {
    case Name:
        return name;
    case Pairs:
        return qulonglong(t.pairs);
    case Agreement:
        return role == Qt::UserRole
            ? QVariant(share(t.agree, t.pairs))
            : QVariant(QString::number(100.0 * share(t.agree, t.pairs), 'f', 1) + QLatin1Char('%'));
    case Agree:
        return qulonglong(t.agree);
    case NotEnoughInformation:
        return qulonglong(t.notEnoughInformation);
    case Contradictions:
        return qulonglong(t.contradictions);
    case Decided:
        return qulonglong(t.decided);
    case NumColumns:
        break;
    }
    return {};
}

QVariant ReplayTallyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Name:
        return m_nameHeader;
    case Pairs:
        return tr("Compared");
    case Agreement:
        return tr("Agreement");
    case Agree:
        return tr("Agree");
    case NotEnoughInformation:
        return tr("Not enough information");
    case Contradictions:
        return tr("Contradictions");
    case Decided:
        return tr("Disagreements it decided");
    case NumColumns:
        break;
    }
    return {};
}

// A reset rather than a layout change: a few dozen rows, and no selection worth keeping across a re-sort.
void ReplayTallyModel::sort(int column, Qt::SortOrder order)
{
    auto key = [column](const Row& r) -> std::pair<double, QString> {
        const auto& t = r.second;
        switch (Column(column)) {
        case Pairs:
            return { double(t.pairs), {} };
        case Agreement:
            return { share(t.agree, t.pairs), {} };
        case Agree:
            return { double(t.agree), {} };
        case NotEnoughInformation:
            return { double(t.notEnoughInformation), {} };
        case Contradictions:
            return { double(t.contradictions), {} };
        case Decided:
            return { double(t.decided), {} };
        case Name:
        case NumColumns:
            break;
        }
        return { 0.0, r.first };
    };
    beginResetModel();
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [&](const Row& a, const Row& b) { return order == Qt::AscendingOrder ? key(a) < key(b) : key(b) < key(a); });
    endResetModel();
}

} // namespace calens
