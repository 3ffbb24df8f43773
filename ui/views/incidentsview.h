// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTreeView;

namespace calens {

class BackgroundJob;
class DataSession;
class IncidentTreeModel;

// Blocked sign-ins grouped into incidents, one per root cause (cause and blocking policy), with the identities
// each one hit as its children and what changed before each identity was blocked. Clustered on a worker over
// the sign-ins the filter shows.
class IncidentsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsView(DataSession* session, QWidget* parent = nullptr);
    QTreeView* tree() const { return m_tree; }
    const IncidentTreeModel* model() const { return m_model; }
    // The sign-in (dataset row) to diagnose for the selection: the selected identity's earliest, or the
    // selected incident's earliest; -1 when nothing is selected.
    int currentSignIn() const;

signals:
    void diagnoseRequested(int row);
    void filterRequested(const QString& term);
    void ready(); // incidents computed

private:
    void recompute();
    void showDetails();
    void showSignIns();
    DataSession* m_session;
    IncidentTreeModel* m_model;
    QTreeView* m_tree;
    QPlainTextEdit* m_details;
    BackgroundJob* m_job = nullptr;
};

} // namespace calens
