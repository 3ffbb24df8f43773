// SPDX-License-Identifier: MIT
#include "incidentsview.h"

#include "diagnosis/incidents.h"
#include "query/directorytablemodels.h"
#include "query/filter.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"
#include "tables.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace calens {

IncidentsView::IncidentsView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new IncidentTableModel(this))
    , m_table(makeTable(QStringLiteral("incidentsTable"), tr("Incidents")))
    , m_changes(new QPlainTextEdit)
{
    m_job = new BackgroundJob(this);
    m_table->setModel(m_model);
    m_changes->setReadOnly(true);
    m_changes->setAccessibleName(tr("What changed"));
    auto* diagnose = new QPushButton(tr("Diagnose…"));
    diagnose->setObjectName(QStringLiteral("diagnoseIncidentButton"));
    auto* show = new QPushButton(tr("Show its sign-ins"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(
        new QLabel(tr("Blocked sign-ins grouped by policy, identity, application, unmet controls and cause.")));
    buttons->addStretch();
    buttons->addWidget(show);
    buttons->addWidget(diagnose);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_changes);
    split->setStretchFactor(0, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split);
    connect(diagnose, &QPushButton::clicked, this, [this] {
        if (currentSignIn() >= 0) emit diagnoseRequested(currentSignIn());
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (currentSignIn() >= 0) emit diagnoseRequested(currentSignIn());
    });
    connect(show, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (!i.isValid()) return;
        const Incident* inc = &m_model->incidents()[size_t(i.row())];
        QString term = QStringLiteral("error:ca app:%1 user:%2")
                           .arg(quoteFilterValue(inc->appId), quoteFilterValue(inc->principalId));
        if (!inc->policyName.isEmpty())
            term += QStringLiteral(" policy:%1 result:failure").arg(quoteFilterValue(inc->policyName));
        emit filterRequested(term);
    });
    connect(session, &DataSession::snapshotChanged, this, &IncidentsView::recompute);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IncidentsView::showChanges);
}

int IncidentsView::currentSignIn() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() && size_t(i.row()) < m_model->incidents().size()
        ? int(m_model->incidents()[size_t(i.row())].firstRow)
        : -1;
}

void IncidentsView::recompute()
{
    auto dataset = m_session->dataset();
    if (!dataset) return;
    // The incidents of the sign-ins the filter shows, like every other view.
    auto rows = m_session->snapshot().rows;
    m_job->run(
        [dataset, rows](const std::atomic<bool>& cancel) {
            auto incidents = rows ? clusterIncidents(*dataset, *rows, &cancel) : clusterIncidents(*dataset, &cancel);
            explainChanges(*dataset, incidents);
            return incidents;
        },
        [this](std::vector<Incident> incidents) {
            m_model->setIncidents(std::move(incidents));
            m_table->resizeColumnsToContents();
            if (m_model->rowCount() > 0) m_table->selectRow(0);
            emit ready();
        });
}

void IncidentsView::showChanges()
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid()) {
        m_changes->clear();
        return;
    }
    const Incident& inc = m_model->incidents()[size_t(i.row())];
    m_changes->setPlainText(tr("What changed for %1 → %2:\n").arg(inc.principalName, inc.appName)
        + QStringLiteral("  • ") + inc.changes.join(QStringLiteral("\n  • ")));
}

} // namespace calens
