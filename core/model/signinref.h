// SPDX-License-Identifier: MIT
#pragma once

#include "dataset.h"

#include <span>
#include <string_view>
#include <vector>

namespace calens {

struct RuleView
{
    uint8_t condition;
    uint8_t rule;
    std::string_view ruleText;
};

// A read-only view of one sign-in row; cheap to copy, valid while the dataset lives. Each accessor
// reads the value once, atomically (the row may be rewritten while a file loads: see Dataset).
class SignInRef
{
public:
    SignInRef(const Dataset& d, uint32_t row)
        : m_d(&d)
        , m_row(row)
    { }

    uint32_t row() const { return m_row; }
    std::string_view str(SF f) const { return m_d->text(strId(f)); }
    StrId strId(SF f) const { return m_d->m_str[size_t(f)].load(m_row); }
    int64_t createdMs() const { return m_d->m_created.load(m_row); }
    bool hasErrorCode() const { return m_d->m_hasErrorCode.load(m_row); }
    int32_t errorCode() const { return m_d->m_errorCode.load(m_row); }
    SignInType type() const { return SignInType(m_d->m_type.load(m_row)); }
    Tristate isInteractive() const { return Tristate(m_d->m_interactive.load(m_row)); }
    CaStatus caStatus() const { return CaStatus(m_d->m_caStatus.load(m_row)); }
    RiskLevel riskDuringSignIn() const { return RiskLevel(m_d->m_riskDuring.load(m_row)); }
    RiskLevel riskAggregated() const { return RiskLevel(m_d->m_riskAggregated.load(m_row)); }
    RiskState riskState() const { return RiskState(m_d->m_riskState.load(m_row)); }
    AuthRequirement authRequirement() const { return AuthRequirement(m_d->m_authReq.load(m_row)); }
    MsiType msiType() const { return MsiType(m_d->m_msiType.load(m_row)); }
    TransferMethod transferMethod() const { return TransferMethod(m_d->m_transfer.load(m_row)); }
    Tristate isCompliant() const { return Tristate(m_d->m_compliant.load(m_row)); }
    Tristate isManaged() const { return Tristate(m_d->m_managed.load(m_row)); }
    uint8_t networkTypes() const { return m_d->m_networkTypes.load(m_row); }
    Tristate policyDetail() const { return Tristate(m_d->m_policyDetail.load(m_row)); }
    uint16_t input() const { return m_d->m_input.load(m_row); }
    uint64_t sourceOffset() const { return m_d->m_sourceOffset.load(m_row); }
    uint32_t sourceLength() const { return m_d->m_sourceLength.load(m_row); }

    std::span<const PolicyEval> evals() const
    {
        const uint64_t span = m_d->m_evalSpan.load(m_row);
        if ((span & 0xFFFF) == 0) return {};
        return { m_d->m_evals.run(size_t(span >> 16)), size_t(span & 0xFFFF) };
    }
    // Index in Dataset::evals() of evals()[0].
    uint32_t firstEval() const { return uint32_t(m_d->m_evalSpan.load(m_row) >> 16); }
    std::string_view policyId(const PolicyEval& e) const { return m_d->text(m_d->m_policyRefs[e.policy].id); }
    std::string_view policyName(const PolicyEval& e) const
    {
        return m_d->text(m_d->m_policyRefs[e.policy].displayName);
    }
    std::vector<RuleView> includeRules(const PolicyEval& e) const;
    std::vector<RuleView> excludeRules(const PolicyEval& e) const;
    std::vector<std::string_view> customGrants(const PolicyEval& e) const;
    std::string_view authStrengthId(const PolicyEval& e) const;
    std::string_view authStrengthName(const PolicyEval& e) const;
    std::string_view resultText(const PolicyEval& e) const; // the original text; name(result) when known

private:
    const Dataset* m_d;
    uint32_t m_row;
};

inline SignInRef Dataset::signIn(uint32_t row) const
{
    return SignInRef(*this, row);
}

} // namespace calens
