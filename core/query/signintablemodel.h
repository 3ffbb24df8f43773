// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QAbstractTableModel>

#include <memory>
#include <span>
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
    void setDataset(std::shared_ptr<const Dataset> dataset); // shows all its rows
    void setDataset(std::shared_ptr<const Dataset> dataset, std::vector<uint32_t> rows);
    void setRows(std::vector<uint32_t> rows); // the dataset rows to show, in order
    // More rows after the ones shown (a file still loading): an insertion, so views keep their selection
    // and scroll position.
    void appendRows(std::span<const uint32_t> rows);
    void refreshAll(); // the rows' values changed (a loading dataset finished)
    const Dataset* dataset() const { return m_dataset.get(); }
    const std::vector<uint32_t>& rows() const { return m_rows; }

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
