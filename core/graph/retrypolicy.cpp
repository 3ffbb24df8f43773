// SPDX-License-Identifier: MIT
#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace calens::graph {

RetryPolicy::RetryPolicy()
    : m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

std::optional<qint64> RetryPolicy::retryAfterMs(const QByteArray& value) const
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok) return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // HTTP-date (RFC 7231 IMF-fixdate): "Wed, 21 Oct 2015 07:28:00 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid()) return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, m_clock().msecsTo(when));
}

int RetryPolicy::delayMs(int attempt, const QByteArray& retryAfter) const
{
    if (const auto after = retryAfterMs(retryAfter)) return int(std::min<qint64>(*after, maxDelayMs));
    const double ceiling = std::min<double>(maxDelayMs, baseDelayMs * std::pow(2.0, std::max(0, attempt - 1)));
    return int(ceiling / 2 + m_random() * ceiling / 2);
}

} // namespace calens::graph
