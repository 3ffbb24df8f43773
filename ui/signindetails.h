// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QString>

namespace calens {

// Text for the details pane: every field of one sign-in and its policy results, failures first.
QString signInDetailsText(const Dataset& dataset, uint32_t row);

} // namespace calens
