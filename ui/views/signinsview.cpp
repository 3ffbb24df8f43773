// SPDX-License-Identifier: MIT
#include "signinsview.h"

#include "charts/barchart.h"
#include "charts/timechart.h"
#include "proportionalsplitter.h"
#include "query/signintablemodel.h"
#include "session/datasession.h"
#include "signindetailsview.h"
#include "tables.h"

#include <QHeaderView>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace calens {

SignInsView::SignInsView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SignInTableModel(this))
    , m_table(new QTableView)
    , m_details(new SignInDetailsView)
    , m_time(new TimeChart)
{
    m_table->setObjectName(QStringLiteral("signInTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fixed heights: a million rows stay instant
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->setAccessibleName(tr("Sign-ins"));
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight); // the tooltip has it all
    // What happened first, whatever the model's order: time, who, which app, the error, the policies; the
    // rest after them (a scroll away).
    const SignInTableModel::Column first[] = { SignInTableModel::Time, SignInTableModel::Identity,
        SignInTableModel::Application, SignInTableModel::ErrorCode, SignInTableModel::FailedPolicies,
        SignInTableModel::CaStatus, SignInTableModel::Type };
    for (int i = 0; i < int(std::size(first)); ++i)
        m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(first[i]), i);

    auto* charts = new QWidget;
    auto* chartLayout = new QVBoxLayout(charts);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_time);
    chartLayout->setSpacing(10);
    for (const QString& title :
        { tr("Blocked by policy"), tr("Would block when enabled (report-only)"), tr("Unmet controls"),
            tr("Top identities"), tr("Top applications"), tr("Top IP addresses"), tr("Error codes") }) {
        auto* bar = new BarChart(title);
        chartLayout->addWidget(bar);
        m_bars.push_back(bar);
        chartLayout->addSpacing(4);
        connect(bar, &BarChart::filterRequested, this, &SignInsView::filterRequested);
    }
    connect(m_time, &TimeChart::filterRequested, this, &SignInsView::filterRequested);
    chartLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the charts narrow and elide instead

    // Proportions, not pixels: the table gets most of any window; the details and the charts can be
    // collapsed (drag the handle to the edge), the table cannot.
    auto* left = new ProportionalSplitter(Qt::Vertical);
    left->setObjectName(QStringLiteral("signInsTableSplitter"));
    left->addWidget(m_table);
    left->addWidget(m_details);
    left->setCollapsible(0, false);
    left->setProportions({ 3, 2 });
    auto* split = new ProportionalSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("signInsChartSplitter"));
    split->addWidget(left);
    split->addWidget(scroll);
    split->setCollapsible(0, false);
    split->setProportions({ 62, 38 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(session, &DataSession::datasetChanged, this, [this] { m_model->setDataset(m_session->dataset()); });
    connect(session, &DataSession::snapshotChanged, this, &SignInsView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SignInsView::showDetails);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (currentSignIn() >= 0) emit diagnoseRequested(currentSignIn());
    });
    connect(
        m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
            m_session->setSort(SignInColumn(column), order == Qt::DescendingOrder);
        });
}

void SignInsView::refresh()
{
    const QuerySnapshot& snap = m_session->snapshot();
    const int keep = currentSignIn() >= 0 ? currentSignIn() : m_keepRow;
    m_model->setRows(*snap.rows);
    m_time->setBuckets(snap.timeline);
    const std::vector<Bar>* series[] = { &snap.byPolicy, &snap.byReportOnly, &snap.byControl, &snap.byIdentity,
        &snap.byApp, &snap.byIp, &snap.byError };
    for (size_t i = 0; i < m_bars.size(); ++i) m_bars[i]->setBars(*series[i]);
    if (!m_sized && m_model->rowCount() > 0) {
        sizeColumns();
        m_sized = true;
    }
    // Keep the selected sign-in selected when it is still shown.
    int select = m_model->rowCount() > 0 ? 0 : -1;
    if (keep >= 0) {
        const auto& rows = *snap.rows;
        for (size_t i = 0; i < rows.size(); ++i)
            if (int(rows[i]) == keep) {
                select = int(i);
                break;
            }
    }
    if (select >= 0) {
        m_table->selectRow(select);
        m_table->scrollTo(m_model->index(select, 0));
    } else {
        m_details->clear();
    }
}

void SignInsView::sizeColumns()
{
    // A long UPN or policy list elides (tooltip in full) rather than pushing the next column out of sight;
    // the time and the error code are never cut.
    fitColumns(m_table, [](int c) {
        return c == SignInTableModel::Time || c == SignInTableModel::ErrorCode ? 0
            : c == SignInTableModel::FailedPolicies                            ? 34
                                                                               : 21;
    });
}

int SignInsView::currentSignIn() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.data(SignInTableModel::SignInRowRole).toInt() : -1;
}

void SignInsView::showDetails()
{
    const int row = currentSignIn();
    if (row < 0 || !m_session->dataset()) {
        m_details->clear();
        return;
    }
    m_keepRow = row;
    m_details->showSignIn(*m_session->dataset(), uint32_t(row));
    emit currentSignInChanged(row);
}

} // namespace calens
