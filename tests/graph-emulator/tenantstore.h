// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"
#include "odatafilter.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace calens::emulator {

// The synthetic tenant as Graph serves it: every sign-in as its beta JSON object, newest first, plus the
// policies, named locations, service principals and a few policy-change audits.
class TenantStore
{
public:
    struct Record
    {
        std::string id, correlationId, userId, appId;
        int64_t createdMs = 0;
        int32_t errorCode = 0;
        SignInType type = SignInType::Unknown;
        std::string json;
        size_t caPolicyAt = std::string::npos; // where ,"appliedConditionalAccessPolicies": starts
    };
    struct Directory
    {
        std::string id, appId, json;
    };

    TenantStore(uint64_t seed, int signIns, int days);

    // Indexes of the records a sign-in list filter selects. `beta` false: v1.0 (interactive only).
    std::vector<size_t> select(const ODataFilter& filter, bool beta) const;
    // The record as served: without Prefer, report-only results read unknownFutureValue; with the
    // CA-permission fault the policy list is left out.
    std::string render(size_t index, bool preferUnknownEnums, bool hideCaPolicies) const;

    const std::vector<Record>& records() const { return m_records; }
    const std::vector<std::string>& policies() const { return m_policies; }
    const std::vector<std::string>& namedLocations() const { return m_namedLocations; }
    const std::vector<Directory>& servicePrincipals() const { return m_servicePrincipals; }
    std::vector<std::string> audits(const ODataFilter& filter) const;

private:
    std::vector<Record> m_records;
    std::vector<std::string> m_policies, m_namedLocations;
    std::vector<Directory> m_servicePrincipals;
    std::vector<std::pair<int64_t, std::string>> m_audits;
};

} // namespace calens::emulator
