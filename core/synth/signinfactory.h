// SPDX-License-Identifier: MIT
#pragma once

#include "model/signindraft.h"
#include "scenario.h"
#include "signinctx.h"

#include <string>

namespace calens::synth {

class Rng;
class Tenant;

// Turns a scenario into a complete SignInDraft. The draft's string views point into this object
// (and the tenant), so they stay valid until the next make().
class SignInFactory
{
public:
    SignInFactory(const Tenant& tenant, Rng& rng)
        : m_t(tenant)
        , m_rng(rng)
    { }

    void make(Scenario scenario, int64_t createdMs, SignInDraft& d);

private:
    void evaluate(SignInDraft& d);
    void fillIdentity(SignInDraft& d);
    void fillNetwork(SignInDraft& d);
    void fillDevice(SignInDraft& d);
    void fillStatus(SignInDraft& d, int32_t errorCode);

    const Tenant& m_t;
    Rng& m_rng;
    SignInCtx m_ctx;
    std::string m_id, m_correlation, m_token, m_ip, m_deviceId, m_deviceName, m_riskEvents;
};

} // namespace calens::synth
