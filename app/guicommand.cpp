// SPDX-License-Identifier: MIT
#include "commands.h"

#include <cstdio>

int runGui(int& argc, char** argv, const QStringList& args)
{
    (void)argc;
    (void)argv;
    (void)args;
    std::fprintf(stderr, "calens: the window is not built yet\n");
    return 2;
}
