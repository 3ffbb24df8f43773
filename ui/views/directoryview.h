// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QTableView;

namespace calens {

class BackgroundJob;

class DataSession;
class NamedLocationTableModel;
class PolicyTableModel;

// The tenant's policies and named locations, with what they did to the sign-ins the filter shows.
class DirectoryView : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Policies,
        NamedLocations
    };
    DirectoryView(Kind kind, DataSession* session, QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }

signals:
    void refreshed(); // the table shows the current filter
    void filterRequested(const QString& term);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void refreshWhenShown(); // hidden views wait: the UI thread only does what is seen
    bool m_dirty = false;
    BackgroundJob* m_job = nullptr;
    Kind m_kind;
    DataSession* m_session;
    PolicyTableModel* m_policies = nullptr;
    NamedLocationTableModel* m_locations = nullptr;
    QTableView* m_table;
};

} // namespace calens
