// SPDX-License-Identifier: MIT
#include "policyresultsview.h"

#include "query/evaltablemodel.h"
#include "query/filterengine.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"
#include "tables.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace calens {

PolicyResultsView::PolicyResultsView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new EvalTableModel(this))
    , m_table(makeTable(QStringLiteral("policyResultsTable"), tr("Policy results")))
    , m_results(new QComboBox)
{
    m_job = new BackgroundJob(this);
    m_table->setModel(m_model);
    m_results->setObjectName(QStringLiteral("policyResultKinds"));
    m_results->setAccessibleName(tr("Which results"));
    m_results->addItem(tr("Failures and report-only failures"));
    m_results->addItem(tr("Failures"));
    m_results->addItem(tr("Report-only failures (would block when enabled)"));
    m_results->addItem(tr("Applied (success or failure)"));
    m_results->addItem(tr("Every evaluation"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_results);
    bar->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    connect(m_results, &QComboBox::currentIndexChanged, this, &PolicyResultsView::refresh);
    connect(session, &DataSession::snapshotChanged, this, &PolicyResultsView::refreshWhenShown);
    connect(m_table, &QTableView::doubleClicked, this,
        [this](const QModelIndex& i) { emit signInActivated(i.data(EvalTableModel::SignInRowRole).toInt()); });
}

void PolicyResultsView::refreshWhenShown()
{
    if (isVisible())
        refresh();
    else
        m_dirty = true;
}

void PolicyResultsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty) refresh();
}

void PolicyResultsView::refresh()
{
    m_dirty = false;
    auto dataset = m_session->dataset();
    if (!dataset) return;
    using R = PolicyResult;
    static const std::vector<uint8_t> sets[] = { { uint8_t(R::Failure), uint8_t(R::ReportOnlyFailure) },
        { uint8_t(R::Failure) }, { uint8_t(R::ReportOnlyFailure) }, { uint8_t(R::Success), uint8_t(R::Failure) }, {} };
    const std::vector<uint8_t>& results = sets[std::clamp(m_results->currentIndex(), 0, 4)];
    auto signIns = m_session->snapshot().rows;
    m_job->run([dataset, signIns, results](
                   const std::atomic<bool>& cancel) { return evalRows(*dataset, *signIns, results, &cancel); },
        [this, dataset](std::vector<uint32_t> rows) {
            m_model->setEvals(dataset, std::move(rows));
            // The time and the result whole; who, which app and the conditions elide (tooltip in full).
            fitColumns(m_table, [](int c) {
                return c == EvalTableModel::Time || c == EvalTableModel::Result ? 0
                    : c == EvalTableModel::Policy                               ? 44
                                                                                : 20;
            });
            emit refreshed();
        });
}

} // namespace calens
