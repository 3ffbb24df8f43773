// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/inputreport.h"
#include "model/dataset.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace calens {

// Reads inputs on a worker thread; the UI thread only sees throttled progress and the finished dataset.
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

signals:
    void progress(qint64 done, qint64 total, const QString& path);
    void signInsSoFar(qint64 count);
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
};

} // namespace calens
