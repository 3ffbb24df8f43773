// SPDX-License-Identifier: MIT
#pragma once

#include "flowchart.h"

#include <QString>

namespace calens {

// What an AADSTS code means, in words, from the flowchart's related codes (the same data the diagnosis uses),
// else from the sign-in advice CA Lens has for its own sign-in. Empty when neither knows the code.
QString codeMeaning(int code, const Flowchart& chart = Flowchart::builtIn());

} // namespace calens
