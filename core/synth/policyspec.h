// SPDX-License-Identifier: MIT
#pragma once

#include "model/capolicy.h"
#include "model/enums.h"

#include <cstdint>

namespace calens::synth {

// The synthetic tenant's CA policies in compact form; both the Graph JSON and the per-sign-in
// evaluation are derived from it, so logs and policies agree.
struct PolicySpec
{
    enum Users : uint8_t
    {
        NoUsers,
        AllUsers,
        Guests,
        AdminRoles,
        Groups
    };
    enum SpScope : uint8_t
    {
        NoSps,
        AllSps,
        ListedSps
    };
    enum Location : uint8_t
    {
        AnyLocation,
        OutsideTrusted,
        BlockedCountries
    };

    const char* name;
    PolicyState state;
    Users users = AllUsers;
    uint32_t includeGroups = 0, excludeGroups = 0; // Grp:: bits
    SpScope sps = NoSps;
    uint32_t includeSps = 0, excludeSps = 0; // 1 << Sp
    uint32_t apps = 0; // resBit() mask, 0 = All
    bool office365 = false;
    bool userAction = false; // targets urn:user:registerdevice instead of apps
    uint8_t platforms = 0; // 1 << Platform, 0 = any
    uint8_t clientTypes = 0; // 1 << ClientType, 0 = any
    Location location = AnyLocation;
    bool signInRiskHigh = false, userRiskHigh = false, spRiskHigh = false;
    bool deviceCodeFlow = false;
    bool deviceFilterUnmanaged = false;
    uint16_t grant = 0; // Grant:: bits
    bool orOperator = false;
    uint16_t session = 0; // Session:: bits
    const char* custom = nullptr; // custom control name
    bool phishingResistant = false; // authentication strength ...0004
};

constexpr int kPolicyCount = 25;
const PolicySpec& policySpec(int index);

} // namespace calens::synth
