// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace calens {

class BackgroundJob;

class DataSession;
class EvalTableModel;

// Policy results of the sign-ins the filter shows: one row per sign-in × policy.
class PolicyResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyResultsView(DataSession* session, QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }

signals:
    void refreshed(); // the table shows the current filter
    void signInActivated(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void refreshWhenShown(); // hidden views wait: the UI thread only does what is seen
    bool m_dirty = false;
    BackgroundJob* m_job = nullptr;
    DataSession* m_session;
    EvalTableModel* m_model;
    QTableView* m_table;
    QComboBox* m_results;
};

} // namespace calens
