// SPDX-License-Identifier: MIT
#include "reportoptions.h"

#include <QLocale>

namespace calens {

QPageSize ReportOptions::defaultPageSize()
{
    return QPageSize(QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4);
}

} // namespace calens
