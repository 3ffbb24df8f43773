// SPDX-License-Identifier: MIT
#pragma once

namespace calens::graph {

// While at least one exists, the process is not dumpable (prctl PR_SET_DUMPABLE 0): a crash writes no core
// file with the client secret or a bearer token in it, and other processes of the same user cannot ptrace it
// or read its memory through /proc. The state before the first one is restored after the last one.
class NonDumpable
{
public:
    NonDumpable();
    ~NonDumpable();
    NonDumpable(const NonDumpable&) = delete;
    NonDumpable& operator=(const NonDumpable&) = delete;

    static bool isDumpable(); // the process's current state
};

} // namespace calens::graph
