// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/inputreport.h"
#include "model/dataset.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace calens {

// Reads inputs on a worker thread; the UI thread sees throttled progress, the dataset being written
// (rowsRead(): the first rows at once, then twice a second — readers look only below its
// signInCount(), see Dataset) and the finished dataset, which is the same object.
// Each start() gets a generation: results of a load that was replaced or cancelled are dropped.
class LoadWorker : public QObject
{
    Q_OBJECT
public:
    explicit LoadWorker(QObject* parent = nullptr);
    ~LoadWorker() override;

    void start(const QStringList& paths);
    void startDemo(uint64_t seed, size_t signIns);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // For tests: called on the reading thread after each sign-in is stored, with the count so far. A test
    // blocks in it to hold the reader between batches, as a slow disk would (set before start()).
    void setReadGate(std::function<void(qint64 signIns)> gate) { m_gate = std::move(gate); }

signals:
    void progress(qint64 done, qint64 total, const QString& path);
    void signInsSoFar(qint64 count);
    void rowsRead(std::shared_ptr<const calens::Dataset> loading); // more rows are readable
    void finished(std::shared_ptr<const calens::Dataset> dataset, const std::vector<calens::InputReport>& reports,
        bool cancelled);

private:
    struct Shared;
    void launch(std::function<void(Shared&)> work);
    void poll();
    void deliver(quint64 generation);

    std::shared_ptr<Shared> m_shared;
    QThread* m_thread = nullptr;
    QTimer* m_timer;
    quint64 m_generation = 0;
    std::function<void(qint64)> m_gate;
    qint64 m_published = 0; // rows handed to rowsRead() so far
    qint64 m_lastPublish = 0; // ms on m_clock
    QElapsedTimer m_clock;
};

} // namespace calens
