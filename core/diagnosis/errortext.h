// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/timestamp.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace calens {

// What an admin can paste: an MSAL / Azure SDK token error (JSON, or JSON inside an exception message), the
// browser's AADSTS page ("Troubleshooting details"), a Power BI / Data Factory / Fabric refresh failure, or an
// application log line. Everything found is checked: ids are canonical GUIDs (lower case), the IP is canonical,
// so each value is safe to compare and to quote into a filter.
struct ErrorText
{
    QList<int> codes; // AADSTS codes in the order they appear, no repeats
    QString correlationId;
    QString requestId; // the Entra request id: "Trace ID" of a token error, "Request Id" of the sign-in page
    int64_t timestampMs = kNoTime;
    QString appId, appName;
    QString ipAddress;
    QString deviceId;
    QString userHint; // a user principal name ("Signed in as", "user=")
    bool truncated = false; // the paste was longer than kMaxErrorTextChars; only its start was read

    bool hasAnything() const;
};

// A pasted error is read up to this many characters: an error message is a few KiB, a paste of a whole log
// must not stall the window or the command line.
constexpr qsizetype kMaxErrorTextChars = qsizetype(1) << 20;

ErrorText parseErrorText(const QString& pasted);

} // namespace calens
