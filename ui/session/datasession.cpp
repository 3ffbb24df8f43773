// SPDX-License-Identifier: MIT
#include "datasession.h"

#include "ingest/timestamp.h"
#include "query/filterengine.h"

#include <QElapsedTimer>
#include <QThread>

namespace calens {

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
    if (m_cancel) *m_cancel = true;
    m_dataset = std::move(dataset);
    m_reports = std::move(reports);
    m_latest = m_dataset ? m_dataset->latestCreated() : INT64_MIN; // one pass over a column: ~1 ms per million
    m_index.reset(); // built by the first query, on the worker
    m_snapshot = QuerySnapshot();
    emit datasetChanged();
    start();
}

void DataSession::setFilter(const QString& text)
{
    if (text == m_filter) return;
    m_filter = text;
    start();
}

void DataSession::setRecentDays(int days)
{
    if (days == m_recentDays) return;
    m_recentDays = days;
    start();
}

void DataSession::setSort(SignInColumn column, bool descending)
{
    m_sortColumn = column;
    m_descending = descending;
    start();
}

void DataSession::start()
{
    if (!m_dataset) return;
    if (m_thread) {
        // One worker at a time: cancel it and start again when it returns.
        *m_cancel = true;
        m_pending = true;
        return;
    }
    m_pending = false;
    const quint64 generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    auto dataset = m_dataset;
    auto index = m_index;
    QString text = m_filter;
    if (m_recentDays > 0 && m_latest != INT64_MIN)
        text += QStringLiteral(" after:")
            + QString::fromStdString(formatIso(m_latest - int64_t(m_recentDays) * 86'400'000));
    const SignInColumn column = m_sortColumn;
    const bool descending = m_descending;
    m_thread = QThread::create([this, generation, cancel, dataset, index, text, column, descending]() mutable {
        QElapsedTimer timer;
        timer.start();
        QuerySnapshot snap;
        snap.generation = generation;
        if (!index) index = std::make_shared<const SearchIndex>(*dataset);
        const Filter filter = parseFilter(text);
        snap.filterErrors = filter.errors;
        auto rows = std::make_shared<std::vector<uint32_t>>(applyFilter(*dataset, *index, filter, cancel.get()));
        if (*cancel) return;
        sortRows(*dataset, *index, *rows, column, descending, cancel.get());
        if (*cancel) return;
        snap.timeline = timeline(*dataset, *rows);
        snap.byPolicy = topBy(*dataset, *rows, Dimension::FailingPolicy, 8);
        snap.byReportOnly = topBy(*dataset, *rows, Dimension::ReportOnlyFailingPolicy, 8);
        snap.byControl = topBy(*dataset, *rows, Dimension::UnmetControl, 8);
        snap.byIdentity = topBy(*dataset, *rows, Dimension::Identity, 8);
        snap.byApp = topBy(*dataset, *rows, Dimension::App, 8);
        snap.byIp = topBy(*dataset, *rows, Dimension::IpAddress, 8);
        snap.byError = topBy(*dataset, *rows, Dimension::ErrorCode, 8);
        snap.rows = std::move(rows);
        snap.millis = timer.elapsed();
        if (*cancel) return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, snap, index]() mutable {
                if (!m_index) m_index = index;
                finished(generation, std::move(snap));
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (m_pending) start();
    });
    m_thread->setParent(this); // deleted with its owner at the latest (the owner waits for it first)
    m_thread->start();
}

void DataSession::finished(quint64 generation, QuerySnapshot snapshot)
{
    if (generation != m_generation) return; // a newer question is on its way
    m_snapshot = std::move(snapshot);
    emit snapshotChanged();
}

} // namespace calens
