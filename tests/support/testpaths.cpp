// SPDX-License-Identifier: MIT
#include "testpaths.h"

namespace calens::test {

QString fixture(const QString& name)
{
    return QStringLiteral(CALENS_SHARED_DIR "/fixtures/public/") + name;
}

QString testData(const QString& name)
{
    return QStringLiteral(CALENS_TEST_DATA "/") + name;
}

QString calensBinary()
{
    return QStringLiteral(CALENS_BINARY);
}

} // namespace calens::test
