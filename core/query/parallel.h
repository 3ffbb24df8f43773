// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace calens {

// How many threads a scan of the rows may use: every core, or one (the serial path, for comparison).
inline unsigned scanThreads(unsigned wanted = 0)
{
    return wanted ? wanted : std::max(1u, std::thread::hardware_concurrency());
}

// Runs work(i) once for each i in [0, n), on up to `threads` threads (the caller's included), each taking
// the next index when it is done with one, so uneven pieces still keep every core busy. The threads live
// for one call: a scan costs tens of milliseconds, starting a thread tens of microseconds.
template<typename Work> void parallelFor(size_t n, unsigned threads, Work&& work)
{
    threads = unsigned(std::min<size_t>(scanThreads(threads), n));
    if (threads <= 1) {
        for (size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::atomic<size_t> next { 0 };
    auto loop = [&] {
        for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) work(i);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(loop);
    loop();
    for (std::thread& t : helpers) t.join();
}

} // namespace calens
