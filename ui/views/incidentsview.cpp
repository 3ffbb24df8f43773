// SPDX-License-Identifier: MIT
#include "incidentsview.h"

#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "query/filter.h"
#include "query/incidenttreemodel.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace calens {

IncidentsView::IncidentsView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new IncidentTreeModel(this))
    , m_tree(new QTreeView)
    , m_details(new QPlainTextEdit)
{
    m_job = new BackgroundJob(this);
    m_tree->setObjectName(QStringLiteral("incidentsTree"));
    m_tree->setAccessibleName(tr("Incidents"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // fixed heights: no per-row measuring on big trees
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setExpandsOnDoubleClick(false); // double-click diagnoses, the arrow expands
    m_tree->setTextElideMode(Qt::ElideRight); // every cell has its whole text in the tooltip
    m_tree->header()->setStretchLastSection(false);
    m_details->setObjectName(QStringLiteral("incidentDetails"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Incident details and what changed"));
    auto* diagnose = new QPushButton(tr("Diagnose…"));
    diagnose->setObjectName(QStringLiteral("diagnoseIncidentButton"));
    diagnose->setToolTip(tr("Open the diagnosis on the selected identity's first blocked sign-in, or the incident's"));
    auto* show = new QPushButton(tr("Show its sign-ins"));
    show->setObjectName(QStringLiteral("showIncidentSignInsButton"));
    auto* intro = new QLabel(tr("One incident per root cause: the blocking policy and why it blocked. Expand an "
                                "incident for the identities it hit."));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(intro, 1);
    buttons->addWidget(show);
    buttons->addWidget(diagnose);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({ 600, 220 });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split);
    connect(diagnose, &QPushButton::clicked, this, [this] {
        if (currentSignIn() >= 0) emit diagnoseRequested(currentSignIn());
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this] {
        if (currentSignIn() >= 0) emit diagnoseRequested(currentSignIn());
    });
    connect(show, &QPushButton::clicked, this, &IncidentsView::showSignIns);
    connect(session, &DataSession::snapshotChanged, this, &IncidentsView::recompute);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IncidentsView::showDetails);
}

int IncidentsView::currentSignIn() const
{
    const QModelIndex i = m_tree->currentIndex();
    return i.isValid() ? int(i.data(IncidentTreeModel::SignInRowRole).toULongLong()) : -1;
}

void IncidentsView::showSignIns()
{
    const QModelIndex i = m_tree->currentIndex();
    const Incident* inc = m_model->incidentAt(i);
    if (!inc) return;
    QString term = QStringLiteral("error:ca");
    if (!inc->policyName.isEmpty())
        term += QStringLiteral(" policy:%1 result:failure").arg(quoteFilterValue(inc->policyName));
    if (const IncidentIdentity* who = m_model->identityAt(i))
        term += QStringLiteral(" user:%1").arg(quoteFilterValue(who->id.isEmpty() ? who->name : who->id));
    emit filterRequested(term);
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
            const int width = m_tree->fontMetrics().averageCharWidth();
            // Long causes, names and app lists elide; the tooltip has them whole.
            m_tree->setColumnWidth(IncidentTreeModel::Cause, width * 46);
            m_tree->setColumnWidth(IncidentTreeModel::Policy, width * 40);
            m_tree->setColumnWidth(IncidentTreeModel::Identities, width * 22);
            m_tree->setColumnWidth(IncidentTreeModel::Applications, width * 24);
            for (int c : { IncidentTreeModel::SignIns, IncidentTreeModel::FirstSeen, IncidentTreeModel::LastSeen })
                m_tree->resizeColumnToContents(c);
            if (m_model->rowCount() > 0) {
                const QModelIndex first = m_model->index(0, 0);
                m_tree->expand(first); // the biggest incident shows whom it hit
                m_tree->setCurrentIndex(first);
            }
            showDetails();
            emit ready();
        });
}

void IncidentsView::showDetails()
{
    const QModelIndex i = m_tree->currentIndex();
    const Incident* inc = m_model->incidentAt(i);
    if (!inc) {
        m_details->setPlainText(m_model->rowCount() == 0 ? tr("No sign-in shown was blocked by Conditional Access.")
                                                         : tr("Select an incident or one of its identities."));
        return;
    }
    m_details->setPlainText(incidentDetails(*inc, m_model->identityAt(i)));
}

} // namespace calens
