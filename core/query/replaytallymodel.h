// SPDX-License-Identifier: MIT
#pragma once

#include "whatif/replayreport.h"

#include <QAbstractTableModel>

#include <vector>

namespace calens {

// Agreement rows of a log replay: one per policy, or one per condition (then with how many disagreements each
// condition decided). A few dozen rows: sorting is the view's, on the model, without a proxy.
class ReplayTallyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Pairs,
        Agreement,
        Agree,
        NotEnoughInformation,
        Contradictions,
        Decided,
        NumColumns
    };
    using Row = std::pair<QString, whatif::ReplayReport::Tally>;
    explicit ReplayTallyModel(const QString& nameHeader, bool withDecided, QObject* parent = nullptr);
    void setRows(std::vector<Row> rows);

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : (m_withDecided ? NumColumns : Decided);
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString m_nameHeader;
    bool m_withDecided;
    std::vector<Row> m_rows;
};

} // namespace calens
