// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTableView;
class QThread;

namespace calens {

class DataSession;
class IncidentTableModel;

// Blocked sign-ins grouped into incidents (clustered on a worker when data arrives), with what
// changed before each one began.
class IncidentsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsView(DataSession* session, QWidget* parent = nullptr);
    ~IncidentsView() override;
    QTableView* table() const { return m_table; }
    const IncidentTableModel* model() const { return m_model; }

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
    QThread* m_thread = nullptr;
    quint64 m_generation = 0;
};

} // namespace calens
