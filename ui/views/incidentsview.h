// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace calens {

class BackgroundJob;
class DataSession;
class IncidentTableModel;

// Blocked sign-ins grouped into incidents (clustered on a worker when data arrives), with what
// changed before each one began.
class IncidentsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsView(DataSession* session, QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }
    const IncidentTableModel* model() const { return m_model; }
    int currentSignIn() const; // the selected incident's first sign-in (dataset row), -1 when none

signals:
    void diagnoseRequested(int row);
    void filterRequested(const QString& term);
    void ready(); // incidents computed

private:
    void recompute();
    void showChanges();
    DataSession* m_session;
    IncidentTableModel* m_model;
    QTableView* m_table;
    QPlainTextEdit* m_changes;
    BackgroundJob* m_job = nullptr;
};

} // namespace calens
