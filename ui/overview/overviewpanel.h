// SPDX-License-Identifier: MIT
#pragma once

#include "query/overview.h"

#include <QScrollArea>

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace calens {

class BackgroundJob;
class BarList;
class DataSession;

// The Overview dock: the loaded data at a glance. Key figures (sign-ins, blocked by Conditional Access,
// identities affected, incidents, time span), then the top blocking policies, applications and identities as
// bar lists whose entries set the filter, then the inputs and what went wrong reading them. Computed on a
// worker whenever the data changes; says so when nothing is loaded. Every text is plain (names are data, never
// markup) and every colour a palette role.
class OverviewPanel : public QScrollArea
{
    Q_OBJECT
public:
    explicit OverviewPanel(DataSession* session, QWidget* parent = nullptr);
    ~OverviewPanel() override;
    const Overview& overview() const { return m_overview; }
    BarList* topPolicies() const { return m_policies; }
    BarList* topApps() const { return m_apps; }
    BarList* topIdentities() const { return m_identities; }
    QString plainText() const; // what it shows, in reading order: for tests, copying and screen readers

signals:
    void filterRequested(const QString& term);
    void ready(); // the figures of the current data are shown

private:
    void recompute();
    void showOverview();
    void showEmpty();
    using Entries = std::vector<OverviewEntry> Overview::*;
    BarList* addList(const QString& title, const QString& objectName, const QString& hint, Entries entries);

    DataSession* m_session;
    BackgroundJob* m_job;
    Overview m_overview;
    QWidget* m_content;
    QLabel* m_empty;
    QLabel* m_status;
    QWidget* m_data; // everything but the empty state
    QVBoxLayout* m_dataLayout;
    QLabel *m_signIns, *m_blocked, *m_identitiesAffected, *m_incidents;
    QLabel *m_blockedDetail, *m_span, *m_types, *m_known, *m_inputs;
    BarList *m_policies, *m_apps, *m_identities;
    struct Section
    {
        QLabel* title;
        BarList* list;
        QLabel* none; // shown instead of an empty list
        Entries entries;
        QString one, many; // what a bar counts
    };
    std::vector<Section> m_sections; // in reading order
    std::vector<std::pair<QLabel*, QLabel*>> m_figures; // value and caption
};

} // namespace calens
