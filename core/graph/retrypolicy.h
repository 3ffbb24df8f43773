// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <optional>

namespace calens::graph {

// How often and how long to wait before asking again. The clock and the random source are injectable
// so tests can check the arithmetic without waiting.
class RetryPolicy
{
public:
    using Clock = std::function<QDateTime()>;
    using Random = std::function<double()>; // uniform in [0, 1)

    int maxRetries = 6; // per request, after the first attempt
    int baseDelayMs = 500; // first back-off, doubled per attempt
    int maxDelayMs = 60000; // cap for back-off and for Retry-After
    int transferTimeoutMs = 120000; // a response that stalls this long is retried

    RetryPolicy();
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setRandom(Random random) { m_random = std::move(random); }

    // Delay before retry number `attempt` (1-based): Retry-After when the server gave one (seconds or
    // an HTTP-date), else exponential back-off with "full jitter" between half and all of base * 2^(n-1).
    int delayMs(int attempt, const QByteArray& retryAfter = {}) const;
    // Retry-After as milliseconds from now; nullopt when absent or unreadable.
    std::optional<qint64> retryAfterMs(const QByteArray& value) const;

private:
    Clock m_clock;
    Random m_random;
};

} // namespace calens::graph
