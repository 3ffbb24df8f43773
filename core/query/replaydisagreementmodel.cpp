// SPDX-License-Identifier: MIT
#include "replaydisagreementmodel.h"

#include "conditionwords.h"

namespace calens {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

void ReplayDisagreementModel::setExamples(std::vector<whatif::ReplayReport::Example> examples)
{
    beginResetModel();
    m_examples = std::move(examples);
    endResetModel();
}

const whatif::ReplayReport::Example* ReplayDisagreementModel::example(int row) const
{
    return row >= 0 && size_t(row) < m_examples.size() ? &m_examples[size_t(row)] : nullptr;
}

QString ReplayDisagreementModel::detailsText(int row) const
{
    const auto* e = example(row);
    if (!e) return {};
    QStringList lines;
    for (const std::string& d : e->details) lines << detailLine(d);
    return lines.join(QLatin1Char('\n'));
}

QVariant ReplayDisagreementModel::data(const QModelIndex& index, int role) const
{
    const auto* e = index.isValid() ? example(index.row()) : nullptr;
    if (!e || index.column() >= NumColumns) return {};
    if (role == Qt::ToolTipRole) return detailsText(index.row());
    if (role != Qt::DisplayRole) return {};
    switch (Column(index.column())) {
    case Kind:
        return e->contradiction ? tr("Contradiction") : tr("Not enough information");
    case SignIn:
        return text(e->signInId);
    case Policy:
        return text(e->policyName.empty() ? e->policyId : e->policyName);
    case Logged:
        return policyResultLabel(e->logged);
    case Evaluated:
        return outcomeLabel(e->evaluated);
    case DecidedBy:
        return conditionLabel(e->decidedBy);
    case NumColumns:
        break;
    }
    return {};
}

QVariant ReplayDisagreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
    case Kind:
        return tr("Kind");
    case SignIn:
        return tr("Sign-in (request ID)");
    case Policy:
        return tr("Policy");
    case Logged:
        return tr("The log says");
    case Evaluated:
        return tr("Evaluated offline");
    case DecidedBy:
        return tr("Decided by");
    case NumColumns:
        break;
    }
    return {};
}

} // namespace calens
