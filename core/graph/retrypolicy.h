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
    // Bounds that no server behaviour can stretch (issue 14): a whole response must arrive within the
    // deadline (a trickle of bytes is retried like a stall), and no response may be larger than the cap.
    int responseDeadlineMs = 300000; // one Graph page, headers to last byte
    int tokenDeadlineMs = 60000; // one token or device-code response
    qint64 maxPageBytes = qint64(64) << 20; // 1000 beta sign-ins are ~20 MiB at most
    qint64 maxTokenBytes = qint64(64) << 10; // a token response is a few kilobytes
    int maxPagesPerQuery = 100000; // 100 million sign-ins per time slice at $top=1000

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
