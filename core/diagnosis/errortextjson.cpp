// SPDX-License-Identifier: MIT
#include "errortextjson.h"

#include "model/jsontext.h"

namespace calens {

namespace {

using jsontext::J;

J textOrNull(const QString& s)
{
    return s.isEmpty() ? J(nullptr) : J(jsontext::utf8(s));
}

} // namespace

J fromErrorJson(const ErrorText& e, ErrorMatch::By matchedBy)
{
    J codes = J::array();
    for (int c : e.codes) codes.push_back(c);
    J out;
    out["codes"] = codes;
    out["correlationId"] = textOrNull(e.correlationId);
    out["requestId"] = textOrNull(e.requestId);
    out["timestamp"] = e.timestampMs == kNoTime ? J(nullptr) : J(formatIso(e.timestampMs));
    out["appId"] = textOrNull(e.appId);
    out["ipAddress"] = textOrNull(e.ipAddress);
    out["matchedBy"] = matchedByName(matchedBy);
    out["appName"] = textOrNull(e.appName);
    out["deviceId"] = textOrNull(e.deviceId);
    out["userHint"] = textOrNull(e.userHint);
    if (e.truncated) out["truncated"] = true;
    return out;
}

J toJson(const FetchHint& hint)
{
    return J { { "graphFilter", jsontext::utf8(hint.graphFilter) },
        { "graphRequests", jsontext::list(hint.graphRequests) }, { "kql", jsontext::utf8(hint.kql) },
        { "window", textOrNull(hint.window) } };
}

} // namespace calens
