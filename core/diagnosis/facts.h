// SPDX-License-Identifier: MIT
#pragma once

#include "answer.h"
#include "model/dataset.h"
#include "model/signinref.h"

#include <string_view>

namespace calens {

// The evidence rules: each named fact answers one flowchart question about a sign-in (and, for the
// policy questions, one of its failing policies), quoting the record fields it read.
class FactSheet
{
public:
    FactSheet(const Dataset& dataset, uint32_t row);

    // `policy` is the evaluation under consideration for policy-level facts (nullptr otherwise).
    Fact get(std::string_view name, const PolicyEval* policy) const;

    const SignInRef& signIn() const { return m_signIn; }
    const Dataset& dataset() const { return m_d; }
    const CaPolicy* definition(const PolicyEval& e) const; // the tenant's policy, when loaded
    QString principalKind() const; // "user" | "servicePrincipal" | "managedIdentity"
    QString principalId() const;
    QString principalName() const;
    bool isWorkload() const;
    std::vector<const PolicyEval*> failing() const; // enforced failures, in log order
    std::vector<const PolicyEval*> reportOnlyFailing() const;
    QStringList controlsOf(const PolicyEval& e) const; // policy enum names plus custom control names

    Fact ipTrust(const PolicyEval* policy) const;

private:
    Fact caErrorCode() const;
    Fact hasPolicyDetail() const;
    Fact hasFailingPolicy() const;
    Fact conditionBits(const PolicyEval& e, uint32_t bits, const char* what) const;
    Fact grantFact(const PolicyEval& e, uint16_t bits, const char* what) const;
    Fact deviceSatisfies(const PolicyEval& e) const;
    Fact principalRunsJob() const;
    Fact principalExcluded(const PolicyEval& e) const;
    Fact interactiveUser() const;
    Fact strongerAuth(const PolicyEval& e) const;
    Fact requiresMfa(const PolicyEval& e) const;

    const Dataset& m_d;
    SignInRef m_signIn;
};

QString qs(std::string_view s);

} // namespace calens
