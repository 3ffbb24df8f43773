// SPDX-License-Identifier: MIT
#include "evaltablemodel.h"

#include "conditionwords.h"
#include "diagnosis/words.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

QString conditionList(uint32_t flags)
{
    QStringList out;
    for (int b = 0; b < Condition::Count; ++b)
        if (flags & (1u << b)) out << conditionLabel(conditionName(b));
    return out.join(QStringLiteral(", "));
}

QString grantList(uint16_t grant)
{
    QStringList out;
    for (int b = 0; b < Grant::Count; ++b)
        if (grant & (1 << b)) out << controlWord(q(grantName(b)));
    return out.join(QStringLiteral(", "));
}

void EvalTableModel::setEvals(std::shared_ptr<const Dataset> dataset, std::vector<uint32_t> evals)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_rows = std::move(evals);
    endResetModel();
}

QVariant EvalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* const names[NumColumns] = { "Time (UTC)", "Identity", "Application", "Policy", "Result",
        "Required controls", "Conditions satisfied", "Conditions not satisfied", "Authentication strength" };
    return section >= 0 && section < NumColumns ? QString::fromLatin1(names[section]) : QVariant();
}

QVariant EvalTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_dataset || !index.isValid() || index.row() >= int(m_rows.size())) return {};
    const PolicyEval& e = m_dataset->evals()[m_rows[size_t(index.row())]];
    if (role == SignInRowRole) return e.signIn;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    const SignInRef s = m_dataset->signIn(e.signIn);
    switch (index.column()) {
    case Time:
        return q(formatIso(s.createdMs()));
    case Identity:
        return q(s.str(SF::UserPrincipalName).empty() ? s.str(SF::ServicePrincipalName) : s.str(SF::UserPrincipalName));
    case Application:
        return q(s.str(SF::AppDisplayName));
    case Policy:
        return q(s.policyName(e));
    case Result:
        return policyResultLabel(s.resultText(e));
    case UnmetControls: {
        QString g = grantList(uint16_t(e.grant & ~Grant::Other));
        for (std::string_view c : s.customGrants(e)) g += (g.isEmpty() ? QString() : QStringLiteral(", ")) + q(c);
        return g;
    }
    case ConditionsSatisfied:
        return conditionList(e.conditionsSatisfied);
    case ConditionsNotSatisfied:
        return conditionList(e.conditionsNotSatisfied);
    case AuthStrength: {
        const std::string_view n = s.authStrengthName(e).empty() ? s.authStrengthId(e) : s.authStrengthName(e);
        if (n.empty()) return {};
        return e.authStrengthResult == AuthStrengthResult::NotSet
            ? q(n)
            : q(n) + QStringLiteral(" (") + q(name(e.authStrengthResult)) + QLatin1Char(')');
    }
    default:
        return {};
    }
}

} // namespace calens
