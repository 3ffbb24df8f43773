// SPDX-License-Identifier: MIT
#pragma once

#include <QPageSize>
#include <QString>

#include <functional>

namespace calens {

struct ReportOptions
{
    QPageSize pageSize = defaultPageSize();
    bool pdfA = false; // PDF/A-1b for archiving
    QString author = QStringLiteral("CA Lens");
    // Called once per page painted; return false to cancel (the target file is then left as it was).
    // Called on the thread that renders.
    std::function<bool(int page, int pages)> progress;

    // Letter where the locale measures in inches (US and a few others), A4 elsewhere.
    static QPageSize defaultPageSize();
};

} // namespace calens
