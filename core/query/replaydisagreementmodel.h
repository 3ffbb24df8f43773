// SPDX-License-Identifier: MIT
#pragma once

#include "whatif/replayreport.h"

#include <QAbstractTableModel>

#include <vector>

namespace calens {

// The disagreements a log replay lists: contradictions first, then the cases the log cannot settle, each with
// the condition that decided it in admin words.
class ReplayDisagreementModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Kind,
        SignIn,
        Policy,
        Logged,
        Evaluated,
        DecidedBy,
        NumColumns
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setExamples(std::vector<whatif::ReplayReport::Example> examples);
    const whatif::ReplayReport::Example* example(int row) const;
    QString detailsText(int row) const; // the What-If's reading of every condition, in admin words

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_examples.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : NumColumns; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<whatif::ReplayReport::Example> m_examples;
};

} // namespace calens
