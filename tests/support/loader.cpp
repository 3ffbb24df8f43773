// SPDX-License-Identifier: MIT
#include "loader.h"

#include <QTest>

namespace calens::test {

Loaded load(const QStringList& paths)
{
    Loaded l;
    IngestJob job(*l.dataset);
    job.addInputs(paths);
    job.run();
    l.reports = job.reports();
    l.duplicates = job.duplicatesDropped();
    return l;
}

SignInRef Loaded::byId(std::string_view id) const
{
    const uint32_t row = dataset->findById(id);
    if (row == UINT32_MAX) qFatal("sign-in %.*s not loaded", int(id.size()), id.data());
    return dataset->signIn(row);
}

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace calens::test
