// SPDX-License-Identifier: MIT
#pragma once

#include "arena.h"
#include "bytesource.h"
#include "format.h"
#include "formatdetector.h"
#include "ingestsink.h"
#include "inputreport.h"
#include "model/dataset.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace calens {

// Reads files and folders into one Dataset: detects each file's format, runs its reader, de-duplicates
// sign-ins across inputs and keeps one report per file. Runs on whatever thread calls it; progress
// and cancel make it usable from a worker.
class IngestJob final : public IngestSink
{
public:
    using Progress = std::function<void(uint64_t done, uint64_t total, const QString& path)>;

    explicit IngestJob(Dataset& dataset);
    void setCancelFlag(const std::atomic<bool>* cancel) { m_cancel = cancel; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Called after each sign-in record is stored (tests hold the reader there).
    void setSignInHook(std::function<void()> hook) { m_signInHook = std::move(hook); }

    // Expands folders (recursively, in name order) and reads every file. `expected` restricts what a
    // file may be (e.g. --policies FILE). Files inside folders that are not exports are noted and passed over.
    void addInputs(const QStringList& paths, std::optional<Format> expected = std::nullopt);
    void run();
    // Reads bytes held in memory as if they were a file named `name` (gzip and UTF-16 included).
    // `forced` skips detection and reads them as that format and shape (fuzzing one reader at a time).
    void readBuffer(const QByteArray& data, const QString& name, std::optional<Detection> forced = std::nullopt);
    // Attaches policy rows that arrived apart from their sign-ins. run() calls it at the end.
    void finish();

    const std::vector<InputReport>& reports() const { return m_reports; }
    uint64_t duplicatesDropped() const { return m_duplicates; }
    bool wasCancelled() const { return m_cancel && m_cancel->load(); }

    // IngestSink
    void signIn(const SignInDraft& draft) override;
    void policy(CaPolicy policy) override;
    void namedLocation(NamedLocation location) override;
    void servicePrincipal(ServicePrincipal sp) override;
    void directoryChange(DirectoryChange change) override;
    void policyRow(std::string_view signInId, const SignInDraft& oneRow) override;
    bool cancelled() const override { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void progress(uint64_t done, uint64_t total) override;

private:
    struct Pending
    {
        QString path;
        std::optional<Format> expected;
        bool fromFolder = false;
        uint64_t size = 0;
    };
    void readOne(const Pending& input);
    void readSource(std::unique_ptr<ByteSource> source, InputReport& report, const Pending& input,
        std::optional<Detection> forced = std::nullopt);

    Dataset& m_dataset;
    const std::atomic<bool>* m_cancel = nullptr;
    Progress m_progress;
    std::function<void()> m_signInHook;
    std::vector<Pending> m_pending;
    std::vector<InputReport> m_reports;
    InputReport* m_current = nullptr;
    uint16_t m_inputIndex = 0;
    uint64_t m_duplicates = 0;
    uint64_t m_bytesBefore = 0, m_bytesTotal = 0;
    struct Row
    {
        int64_t createdMs;
        PolicyEvalDraft eval;
    };
    std::map<std::string, std::vector<Row>, std::less<>> m_policyRows;
    Arena m_rowArena;
    size_t m_policyRowsReport = 0; // the input the policy rows came from, for the warning
};

SignInType typeHintFromFileName(const QString& path);

} // namespace calens
