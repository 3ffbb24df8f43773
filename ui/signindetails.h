// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QString>

namespace calens {

class SignInRef;
struct PolicyEval;

// One line of the details pane: the field in the portal's words, its Graph property, its value.
struct DetailField
{
    QString label, property, value;
};
// Every field of one sign-in that has a value, in words (no enum names).
std::vector<DetailField> signInDetailFields(const Dataset& dataset, uint32_t row);
// The controls a policy asked for, in words ("multifactor authentication, ...").
QString grantsText(const SignInRef& signIn, const PolicyEval& eval);
// The same as plain text (Copy all): the fields, then each policy's result.
QString signInDetailsText(const Dataset& dataset, uint32_t row);

} // namespace calens
