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

// A read-only view of one sign-in row; cheap to copy, valid while the dataset lives.
class SignInRef
{
public:
    SignInRef(const Dataset& d, uint32_t row)
        : m_d(&d)
        , m_row(row)
    { }

    uint32_t row() const { return m_row; }
    std::string_view str(SF f) const { return m_d->text(m_d->m_str[size_t(f)][m_row]); }
    StrId strId(SF f) const { return m_d->m_str[size_t(f)][m_row]; }
    int64_t createdMs() const { return m_d->m_created[m_row]; }
    bool hasErrorCode() const { return m_d->m_hasErrorCode[m_row]; }
    int32_t errorCode() const { return m_d->m_errorCode[m_row]; }
    SignInType type() const { return SignInType(m_d->m_type[m_row]); }
    Tristate isInteractive() const { return Tristate(m_d->m_interactive[m_row]); }
    CaStatus caStatus() const { return CaStatus(m_d->m_caStatus[m_row]); }
    RiskLevel riskDuringSignIn() const { return RiskLevel(m_d->m_riskDuring[m_row]); }
    RiskLevel riskAggregated() const { return RiskLevel(m_d->m_riskAggregated[m_row]); }
    RiskState riskState() const { return RiskState(m_d->m_riskState[m_row]); }
    AuthRequirement authRequirement() const { return AuthRequirement(m_d->m_authReq[m_row]); }
    MsiType msiType() const { return MsiType(m_d->m_msiType[m_row]); }
    TransferMethod transferMethod() const { return TransferMethod(m_d->m_transfer[m_row]); }
    Tristate isCompliant() const { return Tristate(m_d->m_compliant[m_row]); }
    Tristate isManaged() const { return Tristate(m_d->m_managed[m_row]); }
    uint8_t networkTypes() const { return m_d->m_networkTypes[m_row]; }
    Tristate policyDetail() const { return Tristate(m_d->m_policyDetail[m_row]); }
    uint16_t input() const { return m_d->m_input[m_row]; }
    uint64_t sourceOffset() const { return m_d->m_sourceOffset[m_row]; }
    uint32_t sourceLength() const { return m_d->m_sourceLength[m_row]; }

    std::span<const PolicyEval> evals() const
    {
        return { m_d->m_evals.data() + m_d->m_evalFirst[m_row], m_d->m_evalCount[m_row] };
    }
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
