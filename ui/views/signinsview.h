// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QTableView;

namespace calens {

class BarChart;
class DataSession;
class SignInDetailsView;
class SignInTableModel;
class TimeChart;

// The sign-ins the filter shows, next to linked charts, with the selected sign-in's details below.
class SignInsView : public QWidget
{
    Q_OBJECT
public:
    explicit SignInsView(DataSession* session, QWidget* parent = nullptr);
    int currentSignIn() const; // dataset row of the selected sign-in, -1 when none
    QTableView* table() const { return m_table; }
    std::vector<BarChart*> charts() const { return m_bars; }
    TimeChart* timeChart() const { return m_time; }

signals:
    void filterRequested(const QString& term); // a chart was clicked
    void currentSignInChanged(int row);
    void diagnoseRequested(int row);

private:
    void refresh();
    void sizeColumnsOnce();
    void showDetails();
    void sizeColumns(); // what the rows show, capped; sizeColumnsOnce() on the first rows

    DataSession* m_session;
    SignInTableModel* m_model;
    QTableView* m_table;
    SignInDetailsView* m_details;
    TimeChart* m_time;
    std::vector<BarChart*> m_bars;
    bool m_sized = false;
    int m_keepRow = -1; // the selection survives a refilter when the row is still shown
    bool m_followingLoad = false; // the rows shown are those of a load in progress (or just finished)
};

} // namespace calens
