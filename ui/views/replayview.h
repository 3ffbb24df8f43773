// SPDX-License-Identifier: MIT
#pragma once

#include "whatif/replayreport.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace calens {

class BackgroundJob;
class DataSession;
class ReplayDisagreementModel;
class ReplayTallyModel;

// Fidelity measured on the data: every logged sign-in with per-policy results evaluated offline against the
// loaded policies and compared with the log, on a worker whenever the data changes. Agreement overall, per policy
// and per condition; the disagreements with the condition that decided each.
class ReplayView : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayView(DataSession* session, QWidget* parent = nullptr);
    ReplayTallyModel* policyModel() const { return m_policies; }
    ReplayTallyModel* conditionModel() const { return m_conditions; }
    ReplayDisagreementModel* disagreementModel() const { return m_disagreements; }
    QString summaryText() const;

signals:
    void ready(); // a replay finished and is shown
    void whatIfRequested(int row); // open the What-If on this sign-in (dataset row)

private:
    void recompute();
    void show(const whatif::ReplayReport& report, size_t policies);
    void showDetails();

    DataSession* m_session;
    QLabel* m_summary;
    ReplayTallyModel* m_policies;
    ReplayTallyModel* m_conditions;
    ReplayDisagreementModel* m_disagreements;
    QTableView* m_disagreementTable;
    std::vector<QTableView*> m_tallyTables; // by policy, by condition
    QPlainTextEdit* m_details;
    BackgroundJob* m_job;
};

} // namespace calens
