// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"

namespace calens::graph {

// Runs one SecretStore call to its end on a local event loop (the command line has no other work meanwhile).
// A store that has not answered within `timeoutMs` (a keyring daemon waiting on a prompt no one can see) is
// reported `unavailable`; its late answer is dropped.
SecretResult waitForSecret(const std::function<void(SecretStore::Done)>& call, int timeoutMs = 30000);

} // namespace calens::graph
