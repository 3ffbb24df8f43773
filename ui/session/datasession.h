// SPDX-License-Identifier: MIT
#pragma once

#include "querysnapshot.h"

#include "ingest/inputreport.h"
#include "model/dataset.h"
#include "query/rowsort.h"
#include "query/searchindex.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace calens {

// The loaded data and the current question asked of it. Filtering, sorting and chart aggregation run
// on a worker: each request bumps a generation and cancels the previous job; only the newest result
// reaches the views (learned from hotspot's job tracker and Wireshark's proxy model).
//
// While a file loads, showLoading() shows the rows read so far: each batch is filtered on its own and
// merged into the rows shown (the table appends them), charts follow every couple of seconds, and
// setDataset() with the finished dataset replaces it in one step. Views that need the whole load
// listen to datasetChanged()/snapshotChanged() only, which a loading dataset never emits.
class DataSession : public QObject
{
    Q_OBJECT
public:
    explicit DataSession(QObject* parent = nullptr);
    ~DataSession() override;

    // A finished dataset (or none): every view follows it.
    void setDataset(std::shared_ptr<const Dataset> dataset, std::vector<InputReport> reports);
    // A dataset still being written by the loader; call again when more rows are in.
    void showLoading(std::shared_ptr<const Dataset> dataset);
    // The load was cancelled or read nothing: what was shown before it comes back.
    void restoreBeforeLoading();
    bool loading() const { return m_loading; }

    void setFilter(const QString& text);
    void setSort(SignInColumn column, bool descending);
    QString filterText() const { return m_filter; }
    // Only sign-ins of the last `days` days of the data (not of the clock: exports are often old); 0: all.
    void setRecentDays(int days);

    const std::shared_ptr<const Dataset>& dataset() const { return m_dataset; }
    const std::vector<InputReport>& reports() const { return m_reports; }
    const QuerySnapshot& snapshot() const { return m_snapshot; }
    bool busy() const { return m_thread != nullptr; }

signals:
    void datasetChanged(); // a finished dataset is in
    void snapshotChanged(); // rows and charts follow the filter (finished dataset)
    void loadingStarted(); // a dataset still loading is shown
    void partialSnapshotChanged(); // rows and charts of the sign-ins read so far

private:
    void requestFull();
    void schedule();
    void finished(quint64 generation, QuerySnapshot snapshot);

    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<SearchIndex> m_index; // extended by one job at a time, as the dataset grows
    std::vector<InputReport> m_reports;
    bool m_loading = false;
    std::shared_ptr<const Dataset> m_before; // shown before the load started
    std::vector<InputReport> m_beforeReports;
    int m_recentDays = 0;
    QString m_filter;
    SignInColumn m_sortColumn = SignInColumn::Time;
    bool m_descending = true;
    QuerySnapshot m_snapshot;
    quint64 m_generation = 0;
    bool m_fullWanted = false;
    bool m_moreWanted = false; // the loader said more rows are in (it paces the batches)
    QElapsedTimer m_chartClock; // partial snapshots refresh the charts at a lower rate
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread* m_thread = nullptr;
};

} // namespace calens
