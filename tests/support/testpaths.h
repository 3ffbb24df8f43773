// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace calens::test {

QString fixture(const QString& name); // ../shared/fixtures/public/<name>
QString testData(const QString& name); // tests/data/<name>
QString calensBinary();

} // namespace calens::test
