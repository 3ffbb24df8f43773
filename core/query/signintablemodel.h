// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace calens {

// Sign-ins as a table. Text is built in data() from the columns (nothing is copied per row); the rows
// shown are a vector of row ids so filtering and sorting can be swapped in without a proxy model.
class SignInTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Type,
        Identity,
        Application,
        Resource,
        IpAddress,
        Location,
        ClientApp,
        ErrorCode,
        CaStatus,
        FailedPolicies,
        RequestId,
        NumColumns
    };
    enum Roles
    {
        SignInRowRole = Qt::UserRole + 1,
        SortRole
    };

    explicit SignInTableModel(QObject* parent = nullptr);
    void setDataset(std::shared_ptr<const Dataset> dataset);
    void setRows(std::vector<uint32_t> rows); // the dataset rows to show, in order
    const Dataset* dataset() const { return m_dataset.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(uint32_t row, int column) const;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<uint32_t> m_rows;
};

} // namespace calens
