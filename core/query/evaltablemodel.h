// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace calens {

// Policy results: one row per (sign-in, policy) evaluation, over a vector of evaluation indexes.
class EvalTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Identity,
        Application,
        Policy,
        Result,
        UnmetControls,
        ConditionsSatisfied,
        ConditionsNotSatisfied,
        AuthStrength,
        NumColumns
    };
    enum Roles
    {
        SignInRowRole = Qt::UserRole + 1
    };

    explicit EvalTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
    { }
    void setEvals(std::shared_ptr<const Dataset> dataset, std::vector<uint32_t> evals);

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : NumColumns; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<uint32_t> m_rows;
};

QString conditionList(uint32_t flags);
QString grantList(uint16_t grant);

} // namespace calens
