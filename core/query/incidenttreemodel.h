// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/incident.h"

#include <QAbstractItemModel>

#include <vector>

namespace calens {

// Incidents as a tree: one row per root cause (cause and blocking policy), its identities as children.
class IncidentTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Cause, // the cause in words; an identity row: the identity's name
        Policy,
        Identities, // how many, by kind; an identity row: its kind
        SignIns,
        Applications,
        FirstSeen,
        LastSeen,
        NumColumns
    };
    enum Role
    {
        SignInRowRole = Qt::UserRole + 1 // the dataset row to diagnose: the incident's or the identity's earliest
    };
    explicit IncidentTreeModel(QObject* parent = nullptr)
        : QAbstractItemModel(parent)
    { }
    void setIncidents(std::vector<Incident> incidents);
    const std::vector<Incident>& incidents() const { return m_incidents; }
    // What an index stands for: its incident, and for a child row its identity (nullptr on an incident row).
    const Incident* incidentAt(const QModelIndex& index) const;
    const IncidentIdentity* identityAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    using QObject::parent;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant incidentData(const Incident& incident, int column, int role) const;
    QVariant identityData(const Incident& incident, const IncidentIdentity& identity, int column, int role) const;
    std::vector<Incident> m_incidents;
};

} // namespace calens
