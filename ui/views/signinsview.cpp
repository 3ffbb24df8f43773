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
    // Fit columns to the rows on screen, not to the first thousand (60-100 ms of text layout on the UI thread).
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
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

    connect(session, &DataSession::datasetChanged, this, [this] {
        // The finished load is the dataset shown while it loaded: its rows stay until the final answer.
        if (m_model->dataset() != m_session->dataset().get()) m_model->setDataset(m_session->dataset());
    });
    connect(session, &DataSession::loadingStarted, this, [this] {
        m_followingLoad = true;
        m_keepRow = -1;
        m_model->setDataset(m_session->dataset(), {});
    });
    connect(session, &DataSession::snapshotChanged, this, &SignInsView::refresh);
    connect(session, &DataSession::partialSnapshotChanged, this, &SignInsView::refresh);
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
    const std::vector<uint32_t>& rows = *snap.rows;
    if (snap.chartsFresh) {
        m_time->setBuckets(snap.timeline);
        const std::vector<Bar>* series[] = { &snap.byPolicy, &snap.byReportOnly, &snap.byControl, &snap.byIdentity,
            &snap.byApp, &snap.byIp, &snap.byError };
        for (size_t i = 0; i < m_bars.size(); ++i) m_bars[i]->setBars(*series[i]);
    }
    const bool loading = m_session->loading();
    const std::vector<uint32_t>& shown = m_model->rows();
    // A file that loads adds rows batch by batch, usually after the ones shown (exports come in time
    // order): those are inserted, so the selection and the scroll position stay where the admin left them.
    // The finished load's answer is then the same list again, and replaces the partial one in one step.
    const bool following = m_followingLoad && m_model->dataset() == m_session->dataset().get();
    if (!loading) m_followingLoad = false;
    if (following && shown.size() <= rows.size() && std::equal(shown.begin(), shown.end(), rows.begin())) {
        const bool wasEmpty = shown.empty();
        m_model->appendRows(std::span(rows).subspan(shown.size()));
        if (!loading) m_model->refreshAll(); // a richer copy of a sign-in may have replaced it meanwhile
        if (wasEmpty && m_model->rowCount() > 0 && currentSignIn() < 0) m_table->selectRow(0);
        sizeColumnsOnce();
        return;
    }
    const int keep = currentSignIn() >= 0 ? currentSignIn() : m_keepRow;
    const int top = following ? m_table->rowAt(0) : -1;
    const int topRow = top >= 0 && size_t(top) < shown.size() ? int(shown[size_t(top)]) : -1;
    m_model->setRows(rows);
    sizeColumnsOnce();
    auto positionOf = [&rows](int row) {
        for (size_t i = 0; i < rows.size(); ++i)
            if (int(rows[i]) == row) return int(i);
        return -1;
    };
    // Keep the selected sign-in selected when it is still shown.
    int select = m_model->rowCount() > 0 ? 0 : -1;
    if (keep >= 0 && positionOf(keep) >= 0) select = positionOf(keep);
    if (select >= 0) {
        m_table->selectRow(select);
        if (topRow >= 0 && positionOf(topRow) >= 0) // a batch that landed in between: the view stays put
            m_table->scrollTo(m_model->index(positionOf(topRow), 0), QAbstractItemView::PositionAtTop);
        else
            m_table->scrollTo(m_model->index(select, 0));
    } else {
        m_details->clear();
    }
}

void SignInsView::sizeColumnsOnce()
{
    if (!m_sized && m_model->rowCount() > 0) {
        sizeColumns();
        m_sized = true;
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
