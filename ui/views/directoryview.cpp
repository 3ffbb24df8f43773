// SPDX-License-Identifier: MIT
#include "directoryview.h"

#include "query/directorytablemodels.h"
#include "query/filter.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"
#include "tables.h"

#include <QLabel>
#include <QVBoxLayout>

namespace calens {

DirectoryView::DirectoryView(Kind kind, DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_session(session)
    , m_table(
          makeTable(kind == Kind::Policies ? QStringLiteral("policiesTable") : QStringLiteral("namedLocationsTable"),
              kind == Kind::Policies ? tr("Policies") : tr("Named locations")))
{
    m_job = new BackgroundJob(this);
    if (kind == Kind::Policies) {
        m_policies = new PolicyTableModel(this);
        m_table->setModel(m_policies);
        connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
            // Sign-ins the policy applied to (enforced or report-only), whatever the result.
            emit filterRequested(QStringLiteral("policy:") + quoteFilterValue(m_policies->rowAt(i.row()).name));
        });
    } else {
        m_locations = new NamedLocationTableModel(this);
        m_table->setModel(m_locations);
    }
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(kind == Kind::Policies
            ? tr("Counts are for the sign-ins the filter shows. Double-click a policy to "
                 "filter by it. Policies only seen in logs were not in a policy file.")
            : tr("Sign-ins counted are those the filter shows whose IP address is in the location."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_table);
    connect(session, &DataSession::snapshotChanged, this, &DirectoryView::refreshWhenShown);
}

void DirectoryView::refreshWhenShown()
{
    if (isVisible())
        refresh();
    else
        m_dirty = true;
}

void DirectoryView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty) refresh();
}

void DirectoryView::refresh()
{
    m_dirty = false;
    auto dataset = m_session->dataset();
    if (!dataset) return;
    auto signIns = m_session->snapshot().rows;
    auto done = [this] {
        m_table->resizeColumnsToContents();
        emit refreshed();
    };
    if (m_policies)
        m_job->run(
            [dataset, signIns](
                const std::atomic<bool>& cancel) { return PolicyTableModel::computeRows(*dataset, *signIns, &cancel); },
            [this, done](std::vector<PolicyTableModel::Row> rows) {
                m_policies->setRows(std::move(rows));
                done();
            });
    else
        m_job->run(
            [dataset, signIns](const std::atomic<bool>& cancel) {
                return NamedLocationTableModel::computeRows(*dataset, *signIns, &cancel);
            },
            [this, done](std::vector<NamedLocationTableModel::Row> rows) {
                m_locations->setRows(std::move(rows));
                done();
            });
}

} // namespace calens
