// SPDX-License-Identifier: MIT
#pragma once

#include "latarget.h"

#include <QByteArray>
#include <QString>

namespace calens::la {

// What a 200 from the query endpoint holds. A 200 is not a success by itself: Log Analytics puts a non-fatal
// failure beside the tables as {"error": {"code": "PartialError", ...}} (logs/api/response-format), Data Explorer
// ends its frames with DataSetCompletion {HasErrors: true, OneApiErrors: [...]} (kusto/api/rest/response-v2).
// A result over 500,000 records or 64 MB is such a partial failure (E_QUERY_RESULT_SET_TOO_LARGE,
// kusto/concepts/query-limits): CA Lens never uses a partial result as data.
struct LaResponse
{
    enum class Kind
    {
        Ok,
        TooLarge, // the result hit the record or size limit: ask again in smaller parts
        Failed, // any other error, in a 200 or not
    };
    Kind kind = Kind::Failed;
    // Ok: the primary result in the Log Analytics shape {"tables": [{"name", "columns", "rows"}]}, also for Data
    // Explorer (its frames are converted), so one reader serves both.
    QByteArray body;
    QString code; // "PartialError", "E_QUERY_RESULT_SET_TOO_LARGE", "HasErrors", ...
    QString message; // the service's words, one line

    bool ok() const { return kind == Kind::Ok; }
};

LaResponse readResponse(const QByteArray& body, LaTarget::Service service);
// An error body of a non-200 answer ({"error": {"code", "message", "innererror": ...}}): "code: message (inner)".
QString errorText(const QByteArray& body, QString* code);

} // namespace calens::la
