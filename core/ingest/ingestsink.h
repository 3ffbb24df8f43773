// SPDX-License-Identifier: MIT
#pragma once

#include "model/capolicy.h"
#include "model/directorychange.h"
#include "model/namedlocation.h"
#include "model/serviceprincipal.h"
#include "model/signindraft.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace calens {

struct InputReport;

// Where readers put what they read, and how they learn about cancel and report progress.
class IngestSink
{
public:
    virtual ~IngestSink() = default;
    virtual void signIn(const SignInDraft& draft) = 0;
    virtual void policy(CaPolicy policy) = 0;
    virtual void namedLocation(NamedLocation location) = 0;
    virtual void servicePrincipal(ServicePrincipal sp) = 0;
    virtual void directoryChange(DirectoryChange change) = 0;
    // Log Analytics policy rows arrive apart from their sign-ins: attached by request id at the end.
    virtual void policyRow(std::string_view signInId, const SignInDraft& oneRow) = 0;

    virtual bool cancelled() const = 0;
    virtual void progress(uint64_t done, uint64_t total) = 0;
};

} // namespace calens
