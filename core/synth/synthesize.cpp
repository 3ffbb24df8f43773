// SPDX-License-Identifier: MIT
#include "synthesize.h"

#include "model/dataset.h"
#include "policyjson.h"
#include "policyspec.h"
#include "rng.h"
#include "signinfactory.h"
#include "tenant.h"

namespace calens {

void synthesize(const SynthOptions& options, Dataset& out)
{
    using namespace synth;
    Rng rng(options.seed);
    const Tenant tenant(rng);
    for (int i = 0; i < kPolicyCount; ++i)
        out.addPolicy(buildPolicy(policySpec(i), tenant.policyIds[size_t(i)], tenant));
    tenant.addDirectory(out);

    // Newest first, as Graph lists them; each sign-in gets its own slot of the window plus jitter.
    const size_t n = options.signIns;
    const int64_t span = int64_t(std::max(options.days, 1)) * 86400000;
    const int64_t slot = n ? std::max<int64_t>(span / int64_t(n), 1) : 1;
    SignInFactory factory(tenant, rng);
    SignInDraft draft;
    for (size_t i = 0; i < n; ++i) {
        const int64_t offset
            = span - int64_t(i + 1) * slot + int64_t(rng.below(uint32_t(std::min<int64_t>(slot, 1 << 30))));
        const int64_t created = options.startMs + offset / 1000 * 1000; // whole seconds, like Graph
        const int day = int(offset / 86400000);
        factory.make(pickScenario(rng, i, n, day), created, draft);
        out.add(draft, 0);
    }
}

} // namespace calens
