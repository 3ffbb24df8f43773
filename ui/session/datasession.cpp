// SPDX-License-Identifier: MIT
#include "datasession.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"
#include "query/filterengine.h"

#include <QThread>

#include <algorithm>
#include <optional>

namespace calens {

namespace {

constexpr qint64 kPartialChartsMs = 2000; // charts of a loading file: every two seconds is enough

struct Question
{
    QString filter;
    int recentDays = 0;
    SignInColumn column = SignInColumn::Time;
    bool descending = true;
};

void computeCharts(const Dataset& d, const SearchIndex& index, const std::vector<uint32_t>& rows, QuerySnapshot& snap)
{
    ChartSeries c = chartSeries(d, rows, &index);
    snap.timeline = std::move(c.timeline);
    snap.byPolicy = std::move(c.byPolicy);
    snap.byReportOnly = std::move(c.byReportOnly);
    snap.byControl = std::move(c.byControl);
    snap.byIdentity = std::move(c.byIdentity);
    snap.byApp = std::move(c.byApp);
    snap.byIp = std::move(c.byIp);
    snap.byError = std::move(c.byError);
    snap.chartsFresh = true;
}

void keepCharts(const QuerySnapshot& from, QuerySnapshot& to)
{
    to.timeline = from.timeline;
    to.byPolicy = from.byPolicy;
    to.byReportOnly = from.byReportOnly;
    to.byControl = from.byControl;
    to.byIdentity = from.byIdentity;
    to.byApp = from.byApp;
    to.byIp = from.byIp;
    to.byError = from.byError;
    to.chartsFresh = false;
}

// The answer for the dataset's first `covered` sign-ins: from scratch, or (with `base`) by filtering only
// the sign-ins read since base and merging them into base's rows, in the same order a full sort gives.
std::optional<QuerySnapshot> answer(const Dataset& d, SearchIndex& index, const Question& q, const QuerySnapshot* base,
    bool charts, const std::atomic<bool>& cancel)
{
    QElapsedTimer timer;
    timer.start();
    const auto covered = uint32_t(d.signInCount()); // first: every string of these rows is pooled by now
    index.extend(d);
    QString text = q.filter;
    if (q.recentDays > 0) {
        int64_t latest = INT64_MIN;
        for (uint32_t row = 0; row < covered; ++row) latest = std::max(latest, d.signIn(row).createdMs());
        if (latest != INT64_MIN)
            text += QStringLiteral(" after:")
                + QString::fromStdString(formatIso(latest - int64_t(q.recentDays) * 86'400'000));
    }
    QuerySnapshot snap;
    const Filter filter = parseFilter(text);
    snap.filterErrors = filter.errors;
    snap.covered = covered;
    const uint32_t from = base ? uint32_t(base->covered) : 0;
    std::vector<uint32_t> fresh = applyFilter(d, index, filter, &cancel, from, covered);
    if (cancel) return std::nullopt;
    if (!sortRows(d, index, fresh, q.column, q.descending, &cancel)) return std::nullopt;
    auto rows = std::make_shared<std::vector<uint32_t>>();
    if (!base) {
        *rows = std::move(fresh);
    } else {
        const std::vector<uint32_t>& old = *base->rows;
        const RowOrder order(d, index, q.column, q.descending);
        rows->reserve(old.size() + fresh.size());
        if (old.empty() || fresh.empty() || !order(fresh.front(), old.back())) {
            rows->insert(rows->end(), old.begin(), old.end()); // the usual case: exports come in time order
            rows->insert(rows->end(), fresh.begin(), fresh.end());
        } else {
            std::merge(old.begin(), old.end(), fresh.begin(), fresh.end(), std::back_inserter(*rows), order);
        }
    }
    if (cancel) return std::nullopt;
    if (charts || !base)
        computeCharts(d, index, *rows, snap);
    else
        keepCharts(*base, snap);
    snap.rows = std::move(rows);
    snap.millis = timer.elapsed();
    if (cancel) return std::nullopt;
    return snap;
}

} // namespace

DataSession::DataSession(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<QuerySnapshot>("calens::QuerySnapshot");
}

DataSession::~DataSession()
{
    if (m_cancel) *m_cancel = true;
    if (m_thread) m_thread->wait();
}

void DataSession::setDataset(std::shared_ptr<const Dataset> dataset, std::vector<InputReport> reports)
{
    // The finished load is the dataset already shown while loading: its index and rows carry on.
    if (dataset != m_dataset || !m_loading) m_index = std::make_shared<SearchIndex>();
    const bool same = dataset == m_dataset;
    m_dataset = std::move(dataset);
    m_reports = std::move(reports);
    m_loading = false;
    m_before.reset();
    m_beforeReports.clear();
    if (!same) m_snapshot = QuerySnapshot();
    emit datasetChanged();
    requestFull();
    if (!m_dataset) emit snapshotChanged(); // nothing to compute: the views show nothing
}

void DataSession::showLoading(std::shared_ptr<const Dataset> dataset)
{
    if (dataset != m_dataset) {
        if (!m_loading) {
            m_before = m_dataset;
            m_beforeReports = m_reports;
        }
        m_loading = true;
        m_dataset = std::move(dataset);
        m_reports.clear();
        m_index = std::make_shared<SearchIndex>();
        m_snapshot = QuerySnapshot();
        emit loadingStarted();
        requestFull();
        return;
    }
    m_moreWanted = true; // more rows: filtered on their own once the current job is done
    schedule();
}

void DataSession::restoreBeforeLoading()
{
    if (!m_loading) return;
    auto before = std::move(m_before);
    auto reports = std::move(m_beforeReports);
    setDataset(std::move(before), std::move(reports));
}

void DataSession::setFilter(const QString& text)
{
    if (text == m_filter) return;
    m_filter = text;
    requestFull();
}

void DataSession::setRecentDays(int days)
{
    if (days == m_recentDays) return;
    m_recentDays = days;
    requestFull();
}

void DataSession::setSort(SignInColumn column, bool descending)
{
    m_sortColumn = column;
    m_descending = descending;
    requestFull();
}

void DataSession::requestFull()
{
    ++m_generation; // whatever is on its way answers an older question
    m_fullWanted = true;
    if (m_cancel) *m_cancel = true;
    schedule();
}

void DataSession::schedule()
{
    if (!m_dataset || m_thread) return; // one worker at a time: the next job starts when it returns
    const bool more = m_loading && m_moreWanted && m_dataset->signInCount() > m_snapshot.covered;
    if (!m_fullWanted && !more) return;
    // The time range counts back from the newest sign-in, which moves while a file loads.
    const bool full = m_fullWanted || m_recentDays > 0;
    m_fullWanted = false;
    m_moreWanted = false;
    const quint64 generation = m_generation;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    std::optional<QuerySnapshot> base;
    if (!full) base = m_snapshot;
    const bool charts = full || !m_chartClock.isValid() || m_chartClock.elapsed() >= kPartialChartsMs;
    if (charts) m_chartClock.start();
    const Question q { m_filter, m_recentDays, m_sortColumn, m_descending };
    m_thread = QThread::create(
        [this, generation, cancel, dataset = m_dataset, index = m_index, q, base = std::move(base), charts]() mutable {
            std::optional<QuerySnapshot> snap = answer(*dataset, *index, q, base ? &*base : nullptr, charts, *cancel);
            if (!snap || *cancel) return;
            snap->generation = generation;
            QMetaObject::invokeMethod(
                this, [this, generation, snap = std::move(*snap)]() mutable { finished(generation, std::move(snap)); },
                Qt::QueuedConnection);
        });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        schedule(); // a newer question, or a batch that came in meanwhile
    });
    m_thread->setParent(this); // deleted with its owner at the latest (the owner waits for it first)
    m_thread->start();
}

void DataSession::finished(quint64 generation, QuerySnapshot snapshot)
{
    if (generation != m_generation) return; // a newer question is on its way
    m_snapshot = std::move(snapshot);
    if (m_loading)
        emit partialSnapshotChanged();
    else
        emit snapshotChanged();
}

} // namespace calens
