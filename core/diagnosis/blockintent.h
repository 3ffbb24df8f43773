// SPDX-License-Identifier: MIT
#pragma once

#include "answer.h"

#include <QString>

#include <string>

namespace calens {

class FactSheet;
struct PolicyEval;

// Not every block is a fault: a blocked country, a risky sign-in, legacy authentication or a group kept out of
// an application is the policy doing its job. Yes when the blocking policy's definition shows that intent,
// Unknown when only the admin can say (then `tellUser` is ready for when they do), No when the data shows a
// fault (a job or workload identity caught by a policy that was not written for it).
struct BlockIntent
{
    Answer answer = Answer::Unknown;
    bool byAdmin = false;
    QString because; // why CA Lens thinks so, from the policy and the sign-in
    QString tellUser; // what to tell the person instead of changing the policy
};

// The override key the wizard and `diagnose --answer` use for the admin's choice.
inline constexpr const char* kIntendedKey = "block-intended";

BlockIntent assessIntent(const FactSheet& sheet, const PolicyEval* blocking, const std::string& cause);

} // namespace calens
