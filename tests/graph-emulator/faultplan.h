// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <algorithm>
#include <map>
#include <vector>

namespace calens::emulator {

enum class Fault
{
    None,
    Throttle, // 429 with Retry-After (seconds; every other one as an HTTP-date)
    Unavailable, // 503 with Retry-After
    Drop, // headers and half the body, then the connection closes
    Truncate, // a complete response whose JSON body is cut short
    Slow, // the response waits `ms` before it is sent
    Expire, // every issued token stops working: 401 InvalidAuthenticationToken
    Licence, // 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant
    NoCaPolicy, // sign-ins without appliedConditionalAccessPolicies (missing CA permission)
    Redirect, // 307 to /_emulator/capture (a redirect the client must not follow with its token)
    SelfLink, // a page whose @odata.nextLink is the request's own URL (a cycle)
    GrowingLink, // the same page again and again under ever new nextLinks (a growing cycle)
    Trickle, // the page, one byte every `ms` (default 1000): each byte restarts a transfer timeout
    Huge, // a page padded to `kb` kilobytes (default 2048)
    Partial, // query endpoints: a 200 with rows and a PartialError (E_RUNAWAY_QUERY) beside them
};

Fault faultFromName(const QString& name);
QString faultName(Fault f);

// Which sign-in page requests misbehave. A rule fires on request numbers after+every, after+2*every, ...
// (1-based, counted over all sign-in list requests) until it has fired `count` times (0: no limit).
class FaultPlan
{
public:
    struct Rule
    {
        Fault fault = Fault::None;
        int every = 1;
        int count = 1;
        int after = 0;
        int ms = 0;
        int kb = 0;
        int fired = 0;
    };
    // Parses "KIND[:every=N][:count=M][:after=K][:ms=D][:kb=S]"; false with *error on a bad spec.
    bool add(const QString& spec, QString* error);
    // The fault for the next sign-in list request (and its delay for Slow).
    Rule next();
    bool caPolicyHidden() const; // a NoCaPolicy rule with no limit hides them on every page
    std::map<QString, int> fired() const;
    int requests() const { return m_requests; }

private:
    std::vector<Rule> m_rules;
    std::map<QString, int> m_fired;
    int m_requests = 0;
};

} // namespace calens::emulator
