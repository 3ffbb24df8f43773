// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <type_traits>

namespace calens {

// Runs work that grows with the data off the UI thread and hands the newest result back on it.
// run() cancels the previous run (through the flag passed to compute) and drops its result, so a view
// never shows an answer to an older question. compute must capture only shared, immutable data (the
// Dataset and row lists are shared_ptr<const>), never the owner: it may outlive the owner, whose
// watcher and deliver() are gone by then. Unlike a QThread per request, starting a new run never waits
// for the old one on the UI thread.
class BackgroundJob : public QObject
{
public:
    using QObject::QObject;
    ~BackgroundJob() override
    {
        if (m_cancel) *m_cancel = true;
    }

    template<typename Compute, typename Deliver> void run(Compute compute, Deliver deliver)
    {
        using Result = std::invoke_result_t<Compute, const std::atomic<bool>&>;
        if (m_cancel) *m_cancel = true;
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        m_cancel = cancel;
        const quint64 generation = ++m_generation;
        auto* watcher = new QFutureWatcher<Result>(this);
        connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, deliver = std::move(deliver)]() mutable {
                watcher->deleteLater();
                if (generation != m_generation) return; // a newer run is on its way
                deliver(watcher->future().takeResult());
            });
        watcher->setFuture(QtConcurrent::run([compute = std::move(compute), cancel] { return compute(*cancel); }));
    }

    void cancel()
    {
        if (m_cancel) *m_cancel = true;
        ++m_generation;
    }

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
};

} // namespace calens
