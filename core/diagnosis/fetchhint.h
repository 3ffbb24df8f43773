// SPDX-License-Identifier: MIT
#pragma once

#include "errortext.h"

#include <QStringList>

namespace calens {

// What to fetch when no loaded sign-in matches a pasted error: the Graph $filter (one request per sign-in
// class, since Graph cannot list user and service principal sign-ins together) and one KQL query over the four
// sign-in tables. Every value from the paste is quoted for its language; the times are our own ISO text.
struct FetchHint
{
    QString graphFilter; // the $filter expression, before the event-type clause
    QStringList graphRequests; // "GET https://graph.microsoft.com/beta/auditLogs/signIns?$filter=…"
    QString kql;
    QString window; // "2026-01-15T09:07:44Z .. 2026-01-15T09:17:44Z", empty without a time
    bool isEmpty() const { return graphFilter.isEmpty(); }
};

// Empty when the error names nothing to search by (no id, no time).
FetchHint fetchHintFor(const ErrorText& error);

} // namespace calens
