// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"

#include <string>
#include <string_view>

namespace calens {
class SignInRef;
struct PolicyEval;
} // namespace calens

namespace calens::exporter {

struct SignInJsonStyle
{
    bool numericConditions = false; // diagnostic/Log Analytics exports write the flag integer
    bool offsetDates = false; // "+00:00" with 7 fraction digits instead of "Z"
};

// One Graph beta signIn object (camelCase, compact) with every field the model carries.
void appendSignInJson(std::string& out, const SignInRef& s, const SignInJsonStyle& style);

// The nested parts, also used for the dynamic columns of Log Analytics exports.
void appendStatus(std::string& out, const SignInRef& s);
void appendDeviceDetail(std::string& out, const SignInRef& s);
void appendLocation(std::string& out, const SignInRef& s);
void appendNetworkLocationDetails(std::string& out, const SignInRef& s);
void appendAppliedPolicies(std::string& out, const SignInRef& s, bool numericConditions);
void appendPolicy(std::string& out, const SignInRef& s, const PolicyEval& e, bool numericConditions);

// Display strings as logs write them ("Mfa", "RequireCompliantDevice", custom names...).
void appendGrantControls(std::string& out, const SignInRef& s, const PolicyEval& e);
void appendSessionControls(std::string& out, uint16_t session);
void appendConditionNames(std::string& out, uint32_t flags); // "application,users" or "none"

std::string_view statusWord(int32_t errorCode); // Success / Failure / Interrupted (portal CSV)
std::string_view categoryOf(SignInType t); // SignInLogs, NonInteractiveUserSignInLogs, ...
std::string_view laTableOf(SignInType t); // SigninLogs, AADNonInteractiveUserSignInLogs, ...

} // namespace calens::exporter
