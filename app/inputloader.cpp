// SPDX-License-Identifier: MIT
#include "inputloader.h"
#include "terminal.h"

#include <QFileInfo>

using namespace calens;

namespace {
void err(const QString& line)
{
    printLine(stderr, line);
}
} // namespace

int loadInputs(
    IngestJob& job, const QStringList& paths, const QStringList& policyFiles, const QStringList& namedLocationFiles)
{
    for (const QString& p : paths + policyFiles + namedLocationFiles) {
        if (!QFileInfo::exists(p)) {
            err(QFileInfo(p).isSymLink()
                    ? QStringLiteral("calens: %1: a symbolic link that leads nowhere (dangling, or a loop)").arg(p)
                    : QStringLiteral("calens: %1: no such file or folder").arg(p));
            return 2;
        }
    }
    job.addInputs(paths);
    job.addInputs(policyFiles, Format::Policies);
    job.addInputs(namedLocationFiles, Format::NamedLocations);
    job.run();
    uint64_t readable = 0;
    for (const InputReport& r : job.reports()) {
        const bool passedOver = r.error.startsWith(QLatin1String("passed over"));
        if (!r.error.isEmpty() && !passedOver) {
            err(QStringLiteral("calens: %1: %2").arg(r.path, r.error));
            return 2;
        }
        if (r.error.isEmpty()) ++readable;
    }
    if (readable == 0) {
        err(QStringLiteral("calens: %1: nothing readable (no file is a sign-in export CA Lens knows)")
                .arg(paths.join(QStringLiteral(", "))));
        return 2;
    }
    return 0;
}
