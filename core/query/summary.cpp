// SPDX-License-Identifier: MIT
#include "summary.h"

#include "diagnosis/incidents.h"
#include "model/signinref.h"

#include <unordered_map>

namespace calens {

namespace {
// The contract's unmetControls keys, each with the grant bit(s) it counts.
struct Unmet
{
    const char* name;
    uint16_t bits;
};
constexpr Unmet kUnmet[] = {
    { "mfa", Grant::Mfa },
    { "compliantDevice", Grant::CompliantDevice },
    { "domainJoinedDevice", Grant::DomainJoinedDevice },
    { "approvedApplication", Grant::ApprovedApplication },
    { "compliantApplication", Grant::CompliantApplication },
    { "passwordChange", Grant::PasswordChange },
    { "block", Grant::Block },
    { "authenticationStrength", Grant::AuthenticationStrength },
    { "termsOfUse", Grant::TermsOfUse },
    { "other", Grant::Other | Grant::RiskRemediation },
};
} // namespace

const char* unmetControlName(size_t index)
{
    return index < std::size(kUnmet) ? kUnmet[index].name : "";
}

uint16_t unmetControlBits(size_t index)
{
    return index < std::size(kUnmet) ? kUnmet[index].bits : 0;
}

QString blockedByCaText(const Summary& s)
{
    const uint64_t other = s.blockedByCa - s.blocked53003;
    if (other == 0) return QStringLiteral("%1 blocked by Conditional Access (error 53003)").arg(s.blockedByCa);
    return QStringLiteral(
        "%1 blocked by Conditional Access (%2 with error 53003, %3 with other Conditional Access codes)")
        .arg(s.blockedByCa)
        .arg(s.blocked53003)
        .arg(other);
}

Summary summarize(const Dataset& d)
{
    Summary s;
    s.signIns = d.signInCount();
    std::unordered_map<StrId, size_t> policyIndex; // policy id -> index in s.policies
    std::vector<size_t> refToPolicy(d.policyRefs().size(), SIZE_MAX);
    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        const SignInRef si = d.signIn(row);
        ++s.types[size_t(si.type())];
        ++s.caStatus[size_t(si.caStatus())];
        if (si.hasErrorCode()) ++s.errorCodes[si.errorCode()];
        const bool blocked = si.hasErrorCode() && si.errorCode() == 53003;
        if (blocked) ++s.blocked53003;
        if (si.hasErrorCode() && isConditionalAccessBlock(si.errorCode())) ++s.blockedByCa;
        if (si.createdMs() != INT64_MIN) {
            s.first = std::min(s.first, si.createdMs());
            s.last = std::max(s.last, si.createdMs());
        }
        if (si.policyDetail() != Tristate::True) ++s.withoutPolicyDetail;
        for (const PolicyEval& e : si.evals()) {
            size_t& slot = refToPolicy[e.policy];
            if (slot == SIZE_MAX) {
                const PolicyRef& ref = d.policyRefs()[e.policy];
                auto [it, inserted] = policyIndex.try_emplace(ref.id, s.policies.size());
                if (inserted)
                    s.policies.push_back({ std::string(d.text(ref.id)), std::string(d.text(ref.displayName)), {} });
                slot = it->second;
            }
            ++s.policies[slot].results[size_t(e.result)];
            if (blocked && e.result == PolicyResult::Failure)
                for (size_t i = 0; i < std::size(kUnmet); ++i)
                    if (e.grant & kUnmet[i].bits) ++s.unmetControls[i];
        }
    }
    // Names from the tenant's policy list win over what logs recorded (policies get renamed).
    for (auto& p : s.policies)
        for (const CaPolicy& def : d.policies())
            if (def.id == p.id && !def.displayName.empty()) p.displayName = def.displayName;
    return s;
}

} // namespace calens
