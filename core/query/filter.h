// SPDX-License-Identifier: MIT
#pragma once

#include "model/iprange.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace calens {

// One term of the filter language: free text, or field:value, optionally negated with a leading '-'.
// Examples: error:53003 type:servicePrincipal policy:"Require compliant device" ip:10.0.0.0/8
//           result:failure control:mfa country:NL after:2026-10-01 -app:teams
// policy:X keeps sign-ins where a policy whose name or id contains X applied (success or failure, or
// report-only success, failure or interrupted); with result: or control: the same evaluation must match
// those too, so policy:X result:notApplied finds where it did not apply. A word before a colon that names no
// field is an error with the closest field; "a:b" in quotes is text.
struct FilterTerm
{
    enum class Field
    {
        Text,
        Error,
        Type,
        Policy,
        Result,
        Ip,
        Identity,
        App,
        Resource,
        CaStatus,
        Control,
        Country,
        ClientApp,
        Correlation,
        RequestId,
        Device,
        Risk,
        After,
        Before
    };
    Field field = Field::Text;
    bool negated = false;
    QString value; // as typed (quotes removed)
    std::string lower; // lower-case UTF-8 for substring matches
    // Parsed forms, where the field has one.
    std::optional<IpRange> range;
    int64_t number = 0; // error code, or a time in ms
    std::vector<uint8_t> enums; // type / result / ca status / risk values
    uint16_t grantBits = 0;
};

struct Filter
{
    std::vector<FilterTerm> terms;
    QStringList errors; // terms that could not be understood, each with the reason
    bool isEmpty() const { return terms.empty(); }
};

// Parses the filter bar's text. Never fails as a whole: a term it cannot read is reported in errors
// and left out, so typing never empties the table by surprise.
Filter parseFilter(const QString& text);
QStringList filterFieldNames(); // for completion and help
// A value as one term's text: quoted (with \" and \\ inside) when it holds spaces, quotes or backslashes.
QString quoteFilterValue(const QString& value);

} // namespace calens
