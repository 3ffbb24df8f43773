// SPDX-License-Identifier: MIT
#include "nondumpable.h"

#include <mutex>
#include <sys/prctl.h>

namespace calens::graph {

namespace {

std::mutex g_lock;
int g_holders = 0;
int g_before = 1;

} // namespace

NonDumpable::NonDumpable()
{
    const std::lock_guard<std::mutex> lock(g_lock);
    if (g_holders++ == 0) {
        g_before = ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
        ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

NonDumpable::~NonDumpable()
{
    const std::lock_guard<std::mutex> lock(g_lock);
    if (--g_holders == 0 && g_before > 0) ::prctl(PR_SET_DUMPABLE, g_before, 0, 0, 0);
}

bool NonDumpable::isDumpable()
{
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) > 0;
}

} // namespace calens::graph
