// SPDX-License-Identifier: MIT
#include "ingestjob.h"

#include "csvreader.h"
#include "formatdetector.h"
#include "gzipsource.h"
#include "jsonreader.h"
#include "memorysource.h"
#include "model/signinref.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace calens {

namespace {

constexpr size_t kHeadSize = 64 * 1024;

bool isJsonFormat(Format f)
{
    return f != Format::PortalCsv && f != Format::LaCsv && f != Format::Unknown;
}

bool accepts(std::optional<Format> expected, Format got)
{
    if (!expected) return true;
    return *expected == got;
}

} // namespace

SignInType typeHintFromFileName(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name.contains(QLatin1String("noninteractive"))) return SignInType::NonInteractiveUser;
    if (name.contains(QLatin1String("interactive"))) return SignInType::InteractiveUser;
    if (name.contains(QLatin1String("applicationsignins")) || name.contains(QLatin1String("serviceprincipal")))
        return SignInType::ServicePrincipal;
    if (name.contains(QLatin1String("msisignins")) || name.contains(QLatin1String("managedidentity")))
        return SignInType::ManagedIdentity;
    return SignInType::Unknown;
}

IngestJob::IngestJob(Dataset& dataset)
    : m_dataset(dataset)
{ }

void IngestJob::addInputs(const QStringList& paths, std::optional<Format> expected)
{
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList files;
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) files << it.next();
            std::sort(files.begin(), files.end());
            if (files.isEmpty()) {
                InputReport r;
                r.path = path;
                r.error = QStringLiteral("the folder holds no files");
                m_reports.push_back(r);
            }
            for (const QString& f : files) m_pending.push_back({ f, expected, true, uint64_t(QFileInfo(f).size()) });
        } else {
            m_pending.push_back({ path, expected, false, uint64_t(std::max<qint64>(0, info.size())) });
        }
    }
}

void IngestJob::run()
{
    m_bytesTotal = 0;
    for (const Pending& p : m_pending) m_bytesTotal += p.size;
    m_bytesBefore = 0;
    for (const Pending& p : m_pending) {
        if (cancelled()) break;
        readOne(p);
        m_bytesBefore += p.size;
    }
    m_pending.clear();
    finish();
}

void IngestJob::readOne(const Pending& input)
{
    m_reports.emplace_back();
    InputReport& report = m_reports.back();
    report.path = input.path;
    report.bytes = input.size;
    m_current = &report;

    QString error;
    auto source = ByteSource::open(input.path, &error);
    if (!source) {
        report.error = error;
        return;
    }
    readSource(std::move(source), report, input);
}

void IngestJob::readBuffer(const QByteArray& data, const QString& name, std::optional<Detection> forced)
{
    m_reports.emplace_back();
    InputReport& report = m_reports.back();
    report.path = name;
    report.bytes = uint64_t(data.size());
    m_current = &report;
    std::unique_ptr<ByteSource> source = ByteSource::decode(std::make_unique<MemorySource>(data), &report.error);
    if (source)
        readSource(
            std::move(source), report, Pending { name, std::nullopt, false, uint64_t(data.size()) }, std::move(forced));
    finish();
}

void IngestJob::readSource(
    std::unique_ptr<ByteSource> source, InputReport& report, const Pending& input, std::optional<Detection> forced)
{
    std::string head(kHeadSize, '\0');
    size_t got = 0;
    bool eof = false;
    while (got < head.size()) {
        const int64_t n = source->read(head.data() + got, head.size() - got);
        if (n < 0) {
            if (got == 0) {
                report.error = source->errorString();
                return;
            }
            break; // detect on what could be read; the reader meets the same fault and keeps what precedes it
        }
        if (n == 0) {
            eof = true;
            break;
        }
        got += size_t(n);
    }
    head.resize(got);
    Detection detection = forced ? *forced : detectFormat(head, eof);
    if (got == 0 && source->endedEarly())
        detection.reason = QStringLiteral("the compressed file ends before any data (truncated .gz)");
    report.format = detection.format;
    if (detection.format == Format::Unknown) {
        if (input.fromFolder) {
            report.warnings << QStringLiteral("%1: passed over: %2").arg(input.path, detection.reason);
            report.error = QStringLiteral("passed over: ") + detection.reason;
        } else {
            report.error = detection.reason;
        }
        return;
    }
    if (!accepts(input.expected, detection.format)) {
        report.error = QStringLiteral("expected %1 but the content is %2")
                           .arg(QString::fromLatin1(formatName(*input.expected).data()),
                               QString::fromLatin1(formatName(detection.format).data()));
        return;
    }
    if (!source->rewind()) {
        report.error = source->errorString();
        return;
    }
    m_inputIndex = uint16_t(std::min<size_t>(m_reports.size() - 1, UINT16_MAX));
    const SignInType hint = typeHintFromFileName(input.path);
    if (isJsonFormat(detection.format)) {
        JsonReader reader(*source, *this, report, detection, hint);
        reader.read();
    } else {
        CsvReader reader(*source, *this, report, detection, hint);
        reader.read();
    }
    if (source->grewWhileRead())
        report.warn(QStringLiteral("%1: the file grew while it was read (is another program still writing it?); "
                                   "what it held when it was opened was read, open it again for the rest")
                        .arg(report.path));
    if (report.records == 0 && report.skipped > 0 && report.error.isEmpty()) {
        // Say why in the one line the command line prints: the first skipped record's reason.
        QString why;
        if (!report.warnings.isEmpty()) {
            why = report.warnings.first();
            if (why.startsWith(report.path + QStringLiteral(": "))) why = why.mid(report.path.size() + 2);
        }
        report.error = QStringLiteral("no record could be read (%1 skipped)%2")
                           .arg(report.skipped)
                           .arg(why.isEmpty() ? QString() : QStringLiteral("; first: ") + why);
    }
    m_current = nullptr;
}

void IngestJob::signIn(const SignInDraft& draft)
{
    const auto result = m_dataset.add(draft, m_inputIndex);
    if (result == Dataset::AddResult::Duplicate || result == Dataset::AddResult::Replaced) {
        ++m_duplicates;
        if (m_current) ++m_current->duplicates;
    }
    if (m_signInHook) m_signInHook();
}

void IngestJob::policy(CaPolicy policy)
{
    m_dataset.addPolicy(std::move(policy));
}
void IngestJob::namedLocation(NamedLocation location)
{
    m_dataset.addNamedLocation(std::move(location));
}
void IngestJob::servicePrincipal(ServicePrincipal sp)
{
    m_dataset.addServicePrincipal(std::move(sp));
}
void IngestJob::directoryChange(DirectoryChange change)
{
    m_dataset.addChange(std::move(change));
}

void IngestJob::policyRow(std::string_view signInId, const SignInDraft& oneRow)
{
    if (oneRow.policyCount == 0) return;
    const PolicyEvalDraft& src = oneRow.policies[0];
    Row row { oneRow.createdMs, src };
    // The draft's views die with the record: keep copies.
    PolicyEvalDraft& e = row.eval;
    for (std::string_view* v : { &e.id, &e.displayName, &e.resultText, &e.authStrengthId, &e.authStrengthName })
        *v = m_rowArena.copy(*v);
    for (auto& c : e.customGrants) c = m_rowArena.copy(c);
    for (auto& r : e.includeRules) r.ruleText = m_rowArena.copy(r.ruleText);
    for (auto& r : e.excludeRules) r.ruleText = m_rowArena.copy(r.ruleText);
    m_policyRowsReport = m_reports.size() - 1;
    auto it = m_policyRows.find(signInId);
    if (it == m_policyRows.end()) it = m_policyRows.emplace(std::string(signInId), std::vector<Row>()).first;
    it->second.push_back(std::move(row));
}

void IngestJob::finish()
{
    m_dataset.sortChanges();
    if (m_policyRows.empty()) return;
    uint64_t attached = 0, alone = 0;
    SignInDraft d;
    for (auto& [id, rows] : m_policyRows) {
        d.clear();
        d.set(SF::Id, id);
        d.policyDetail = Tristate::True;
        for (const Row& r : rows) {
            d.addPolicy() = r.eval;
            if (d.createdMs == INT64_MIN) d.createdMs = r.createdMs;
        }
        const uint32_t row = m_dataset.findById(id);
        if (row == UINT32_MAX) {
            m_dataset.add(d, m_inputIndex);
            ++alone;
        } else if (m_dataset.signIn(row).policyDetail() != Tristate::True) {
            m_dataset.setEvals(row, d);
            ++attached;
        }
    }
    m_policyRows.clear();
    if (m_policyRowsReport < m_reports.size() && alone)
        m_reports[m_policyRowsReport].warn(
            QStringLiteral("%1 sign-in(s) are known only from their Conditional Access policy rows "
                           "(their sign-in rows were not among the inputs)")
                .arg(alone));
    (void)attached;
}

void IngestJob::progress(uint64_t done, uint64_t total)
{
    (void)total;
    if (m_progress) m_progress(m_bytesBefore + done, m_bytesTotal, m_current ? m_current->path : QString());
}

} // namespace calens
