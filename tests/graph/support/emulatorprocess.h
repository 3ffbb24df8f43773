// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace calens::test {

// Starts tests/graph-emulator on 127.0.0.1 with an OS-chosen port and reads the URL it prints.
class EmulatorProcess
{
public:
    explicit EmulatorProcess(QStringList args = {});
    ~EmulatorProcess();
    bool start(QString* error = nullptr);
    QString url() const { return m_url; }
    QByteArray get(const QString& pathAndQuery); // plain GET on the emulator (admin endpoints)
    QByteArray post(const QString& pathAndQuery, const QByteArray& body); // plain POST (admin endpoints)
    QByteArray stats() { return get(QStringLiteral("/_emulator/stats")); }

private:
    QStringList m_args;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
};

// The ids of the synthetic tenant's sign-ins with since <= createdDateTime < until (all types): what a
// complete fetch of that window must return.
QSet<QString> groundTruth(uint64_t seed, int signIns, int64_t sinceMs, int64_t untilMs);

constexpr const char* kEmulatorSecret = "emulator-secret";

} // namespace calens::test
