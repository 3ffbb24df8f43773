// SPDX-License-Identifier: MIT
#pragma once

#include "querysnapshot.h"

#include "ingest/inputreport.h"
#include "model/dataset.h"
#include "query/rowsort.h"
#include "query/searchindex.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace calens {

// The loaded data and the current question asked of it. Filtering, sorting and chart aggregation run
// on a worker: each request bumps a generation and cancels the previous job; only the newest result
// reaches the views (learned from hotspot's job tracker and Wireshark's proxy model).
class DataSession : public QObject
{
    Q_OBJECT
public:
    explicit DataSession(QObject* parent = nullptr);
    ~DataSession() override;

    void setDataset(std::shared_ptr<const Dataset> dataset, std::vector<InputReport> reports);
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
    void datasetChanged();
    void snapshotChanged(); // rows and charts follow the filter

private:
    void start();
    void finished(quint64 generation, QuerySnapshot snapshot);

    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const SearchIndex> m_index;
    std::vector<InputReport> m_reports;
    int64_t m_latest = INT64_MIN;
    int m_recentDays = 0;
    QString m_filter;
    SignInColumn m_sortColumn = SignInColumn::Time;
    bool m_descending = true;
    QuerySnapshot m_snapshot;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread* m_thread = nullptr;
    bool m_pending = false;
};

} // namespace calens
