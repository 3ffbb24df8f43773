// SPDX-License-Identifier: MIT
#include "errormatch.h"

#include "diagnoser.h"
#include "model/dataset.h"
#include "model/signinref.h"

#include <cstdlib>

namespace calens {

namespace {

std::string utf8(const QString& s)
{
    return s.toStdString();
}

bool sameText(std::string_view data, const std::string& hint)
{
    if (data.size() != hint.size()) return false;
    for (size_t i = 0; i < data.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(data[i])) != std::tolower(static_cast<unsigned char>(hint[i])))
            return false;
    return true;
}

// +1 when the row agrees with the hint, -1 when it says something else, 0 when either side is silent.
int agreement(std::string_view data, const std::string& hint)
{
    if (hint.empty() || data.empty()) return 0;
    return sameText(data, hint) ? 1 : -1;
}

struct Hints
{
    std::string appId, ip, deviceId, user;
    QList<int> codes;
};

// How many hints the row agrees with, or -1 when one contradicts it.
int score(const SignInRef& s, const Hints& h)
{
    if (!s.hasErrorCode() || s.errorCode() == 0) return -1;
    if (!h.codes.isEmpty() && !h.codes.contains(s.errorCode())) return -1;
    int total = 0;
    for (const int a : { agreement(s.str(SF::AppId), h.appId), agreement(s.str(SF::IpAddress), h.ip),
             agreement(s.str(SF::DeviceId), h.deviceId), agreement(s.str(SF::UserPrincipalName), h.user) }) {
        if (a < 0) return -1;
        total += a;
    }
    return total;
}

ErrorMatch byTime(const Dataset& dataset, const ErrorText& e)
{
    const Hints hints { utf8(e.appId), utf8(e.ipAddress), utf8(e.deviceId), utf8(e.userHint), e.codes };
    uint32_t best = UINT32_MAX;
    int bestScore = -1;
    int64_t bestDistance = INT64_MAX;
    int fitting = 0;
    for (uint32_t row = 0; row < dataset.signInCount(); ++row) {
        const SignInRef s = dataset.signIn(row);
        if (s.createdMs() == kNoTime) continue;
        const int64_t distance = std::llabs(s.createdMs() - e.timestampMs);
        if (distance > kErrorMatchWindowMs) continue;
        const int sc = score(s, hints);
        if (sc < 0) continue;
        ++fitting;
        if (sc > bestScore || (sc == bestScore && distance < bestDistance)) {
            best = row;
            bestScore = sc;
            bestDistance = distance;
        }
    }
    if (best == UINT32_MAX || (bestScore == 0 && fitting != 1)) return {};
    return { best, ErrorMatch::By::Time };
}

} // namespace

ErrorMatch matchErrorText(const Dataset& dataset, const ErrorText& error)
{
    if (!error.correlationId.isEmpty()) {
        const uint32_t row = findSignIn(dataset, QString(), error.correlationId);
        if (row != UINT32_MAX) return { row, ErrorMatch::By::CorrelationId };
    }
    if (!error.requestId.isEmpty()) {
        const uint32_t row = findSignIn(dataset, error.requestId, QString());
        if (row != UINT32_MAX) return { row, ErrorMatch::By::RequestId };
    }
    if (error.timestampMs != kNoTime) return byTime(dataset, error);
    return {};
}

const char* matchedByName(ErrorMatch::By by)
{
    switch (by) {
    case ErrorMatch::By::CorrelationId:
        return "correlationId";
    case ErrorMatch::By::RequestId:
        return "requestId";
    case ErrorMatch::By::Time:
        return "time";
    case ErrorMatch::By::None:
        break;
    }
    return "none";
}

} // namespace calens
