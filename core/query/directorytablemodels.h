// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QAbstractTableModel>

#include <atomic>
#include <memory>
#include <vector>

namespace calens {

// Policies (from the tenant's definitions, plus those only seen in logs) with what they did.
class PolicyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Row
    {
        QString id, name, state, includes, excludes, grant, session;
        uint64_t blocked = 0, wouldBlock = 0, applied = 0;
    };
    enum Column
    {
        Name,
        State,
        Blocked,
        WouldBlock,
        Applied,
        Grant,
        Session,
        Includes,
        Excludes,
        NumColumns
    };
    explicit PolicyTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
    { }
    // Counts come from the given sign-ins (the ones the filter shows). computeRows only reads, so it runs
    // on a worker; an empty result when cancelled.
    static std::vector<Row> computeRows(
        const Dataset& dataset, const std::vector<uint32_t>& signIns, const std::atomic<bool>* cancel = nullptr);
    void setRows(std::vector<Row> rows);
    const Row& rowAt(int r) const { return m_rows[size_t(r)]; }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : NumColumns; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Row> m_rows;
};

class NamedLocationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Kind,
        Trusted,
        Ranges,
        Hits,
        NumColumns
    };
    explicit NamedLocationTableModel(QObject* parent = nullptr)
        : QAbstractTableModel(parent)
    { }
    struct Row
    {
        QString name, kind, ranges;
        bool trusted = false;
        uint64_t hits = 0;
    };
    static std::vector<Row> computeRows(
        const Dataset& dataset, const std::vector<uint32_t>& signIns, const std::atomic<bool>* cancel = nullptr);
    void setRows(std::vector<Row> rows);

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : NumColumns; }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Row> m_rows;
};

} // namespace calens
