// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <set>

namespace calens::emulator {

// The $filter subset Graph documents for signIns, servicePrincipals and directoryAudits: clauses joined
// by "and"; createdDateTime/activityDateTime ge|gt|le|lt|eq; status/errorCode eq N; correlationId,
// userId, appId, id, category eq '…'; appId|id in ('…',…); signInEventTypes/any(t: t eq '…' or …).
struct ODataFilter
{
    int64_t fromMs = INT64_MIN; // inclusive
    int64_t toMs = INT64_MAX; // inclusive
    std::optional<int> errorCode;
    QString correlationId, userId, appId, id, category;
    QStringList appIdIn, idIn;
    std::set<QString> eventTypes; // lower-case; empty when no event-type clause
    bool hasEventTypes = false;
    QString error; // set when the filter is not understood (Graph answers 400)

    bool ok() const { return error.isEmpty(); }
};

// `timeProperty` is createdDateTime (sign-ins) or activityDateTime (audits).
ODataFilter parseFilter(const QString& text, const QString& timeProperty);

} // namespace calens::emulator
