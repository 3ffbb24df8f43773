// SPDX-License-Identifier: MIT
#include "loadworker.h"

#include "ingest/ingestjob.h"
#include "synth/synthesize.h"

#include <QThread>
#include <QTimer>

#include <mutex>

namespace calens {

namespace {
constexpr qint64 kBatchMs = 500; // rows of a loading file reach the table twice a second
}

struct LoadWorker::Shared
{
    std::atomic<bool> cancel { false };
    std::atomic<qint64> done { 0 }, total { 0 };
    std::mutex mutex; // guards path
    QString path;
    std::shared_ptr<Dataset> dataset = std::make_shared<Dataset>();
    std::vector<InputReport> reports;
};

LoadWorker::LoadWorker(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(100); // progress at 10 Hz is smooth and costs nothing
    connect(m_timer, &QTimer::timeout, this, &LoadWorker::poll);
}

LoadWorker::~LoadWorker()
{
    if (m_shared) m_shared->cancel = true;
    // A replaced load may still be finishing: every thread this worker started ends before it goes.
    for (QThread* thread : findChildren<QThread*>()) thread->wait();
}

void LoadWorker::launch(std::function<void(Shared&)> work)
{
    if (m_thread) cancel();
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    const quint64 generation = ++m_generation;
    m_thread = QThread::create([shared, work = std::move(work)] {
        work(*shared);
        if (!shared->cancel) shared->dataset->shrinkToFit();
    });
    connect(m_thread, &QThread::finished, this, [this, generation] { deliver(generation); });
    m_thread->setParent(this); // deleted with its owner at the latest (the owner waits for it first)
    m_published = 0;
    m_clock.start();
    m_thread->start();
    m_timer->start();
}

void LoadWorker::start(const QStringList& paths)
{
    launch([paths, gate = m_gate](Shared& s) {
        IngestJob job(*s.dataset);
        if (gate) job.setSignInHook([&gate, &s] { gate(qint64(s.dataset->signInCount())); });
        job.setCancelFlag(&s.cancel);
        job.setProgress([&s](uint64_t done, uint64_t total, const QString& path) {
            s.done = qint64(done);
            s.total = qint64(total);
            std::lock_guard lock(s.mutex);
            if (s.path != path) s.path = path;
        });
        job.addInputs(paths);
        job.run();
        s.reports = job.reports();
    });
}

void LoadWorker::startDemo(uint64_t seed, size_t signIns)
{
    launch([seed, signIns](Shared& s) {
        SynthOptions options;
        options.seed = seed;
        options.signIns = signIns;
        synthesize(options, *s.dataset);
        InputReport demo;
        demo.path = QStringLiteral("demo tenant (seed %1)").arg(seed);
        demo.records = s.dataset->signInCount();
        s.reports.push_back(demo);
    });
}

void LoadWorker::cancel()
{
    if (!m_thread) return;
    m_shared->cancel = true;
}

void LoadWorker::poll()
{
    if (!m_shared) return;
    QString path;
    {
        std::lock_guard lock(m_shared->mutex);
        path = m_shared->path;
    }
    emit progress(m_shared->done, m_shared->total, path);
    const auto rows = qint64(m_shared->dataset->signInCount()); // published by the writer: safe to read here
    emit signInsSoFar(rows);
    // The first rows as soon as there are any, then in batches: each costs the views a merge and a repaint.
    if (rows > m_published && (m_published == 0 || m_clock.elapsed() - m_lastPublish >= kBatchMs)) {
        m_published = rows;
        m_lastPublish = m_clock.elapsed();
        emit rowsRead(m_shared->dataset);
    }
}

void LoadWorker::deliver(quint64 generation)
{
    QThread* thread = qobject_cast<QThread*>(sender());
    if (thread) thread->deleteLater();
    if (thread == m_thread) {
        m_thread = nullptr;
        m_timer->stop();
    }
    if (generation != m_generation || !m_shared) return; // replaced by a newer load
    auto shared = std::move(m_shared);
    emit finished(shared->dataset, shared->reports, shared->cancel.load());
}

} // namespace calens
