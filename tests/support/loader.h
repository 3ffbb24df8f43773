// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingestjob.h"
#include "model/dataset.h"
#include "model/signinref.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace calens::test {

// Reads inputs into a fresh dataset, as `calens analyze` does.
struct Loaded
{
    std::unique_ptr<Dataset> dataset = std::make_unique<Dataset>();
    std::vector<InputReport> reports;
    uint64_t duplicates = 0;
    SignInRef signIn(uint32_t row) const { return dataset->signIn(row); }
    SignInRef byId(std::string_view id) const;
};

Loaded load(const QStringList& paths);
inline Loaded load(const QString& path)
{
    return load(QStringList { path });
}

QString q(std::string_view s); // for QCOMPARE with QString

} // namespace calens::test
