// SPDX-License-Identifier: MIT
#include "signintablemodel.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"
#include "rowsort.h"

#include <numeric>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const char* typeLabel(SignInType t)
{
    switch (t) {
    case SignInType::InteractiveUser:
        return "Interactive";
    case SignInType::NonInteractiveUser:
        return "Non-interactive";
    case SignInType::ServicePrincipal:
        return "Service principal";
    case SignInType::ManagedIdentity:
        return "Managed identity";
    case SignInType::Unknown:
        break;
    }
    return "Unknown";
}
} // namespace

SignInTableModel::SignInTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void SignInTableModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows.resize(m_dataset ? m_dataset->signInCount() : 0);
    std::iota(m_rows.begin(), m_rows.end(), 0u);
    endResetModel();
}

void SignInTableModel::setDataset(std::shared_ptr<const Dataset> dataset, std::vector<uint32_t> rows)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows = std::move(rows);
    endResetModel();
}

void SignInTableModel::setRows(std::vector<uint32_t> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void SignInTableModel::appendRows(std::span<const uint32_t> rows)
{
    if (rows.empty()) return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    endInsertRows();
}

void SignInTableModel::refreshAll()
{
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, NumColumns - 1));
}

int SignInTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SignInTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant SignInTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[NumColumns] = { "Time (UTC)", "Type", "Identity", "Application", "Resource",
        "IP address", "Location", "Client app", "Error", "CA status", "Failed policies", "Request ID" };
    return section >= 0 && section < NumColumns ? QString::fromLatin1(names[section]) : QVariant();
}

QVariant SignInTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_dataset || !index.isValid() || index.row() >= int(m_rows.size())) return {};
    const uint32_t row = m_rows[size_t(index.row())];
    if (role == SignInRowRole) return row;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return display(row, index.column());
    if (role == SortRole) {
        const SignInRef s = m_dataset->signIn(row);
        if (index.column() == Time) return qlonglong(s.createdMs());
        if (index.column() == ErrorCode) return s.hasErrorCode() ? s.errorCode() : -1;
        return display(row, index.column());
    }
    return {};
}

QVariant SignInTableModel::display(uint32_t row, int column) const
{
    const SignInRef s = m_dataset->signIn(row);
    switch (column) {
    case Time:
        return q(formatIso(s.createdMs()));
    case Type:
        return QString::fromLatin1(typeLabel(s.type()));
    case Identity:
    case Application:
    case Resource:
        return q(m_dataset->text(displayedText(*m_dataset, row, SignInColumn(column)))); // as sorting sees it
    case IpAddress:
        return q(s.str(SF::IpAddress));
    case Location: {
        QString loc = q(s.str(SF::City));
        if (!s.str(SF::Country).empty())
            loc += (loc.isEmpty() ? QString() : QStringLiteral(", ")) + q(s.str(SF::Country));
        return loc;
    }
    case ClientApp:
        return q(s.str(SF::ClientAppUsed));
    case ErrorCode:
        return s.hasErrorCode() ? QVariant(s.errorCode()) : QVariant();
    case CaStatus:
        return q(name(s.caStatus()));
    case FailedPolicies: {
        QStringList names;
        for (const PolicyEval& e : s.evals())
            if (e.result == PolicyResult::Failure) names << q(s.policyName(e));
        return names.join(QStringLiteral("; "));
    }
    case RequestId:
        return q(s.str(SF::Id));
    default:
        return {};
    }
}

} // namespace calens
