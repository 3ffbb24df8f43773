// SPDX-License-Identifier: MIT
#include "replayevaluator.h"

#include "ipmatch.h"

namespace calens::whatif {

namespace {

// FNV-1a over the fields a condition reads, with a separator after each so that ("ab","c") != ("a","bc").
struct Hash
{
    uint64_t h = 1469598103934665603ULL;
    void byte(uint8_t b) { h = (h ^ b) * 1099511628211ULL; }
    void text(std::string_view s)
    {
        for (char c : s) byte(uint8_t(c));
        byte(0xff);
    }
    void number(uint64_t v)
    {
        for (int i = 0; i < 8; ++i) byte(uint8_t(v >> (i * 8)));
        byte(0xfe);
    }
    void list(const std::vector<std::string>& items)
    {
        number(items.size());
        for (const std::string& s : items) text(s);
    }
    void list(const std::optional<std::vector<std::string>>& items)
    {
        number(items.has_value());
        if (items) list(*items);
    }
    void optional(const std::optional<std::string>& s)
    {
        number(s.has_value());
        if (s) text(*s);
    }
};

// splitmix64: spreads a (key, policy, condition) triple over the map's buckets.
uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

ReplayEvaluator::ReplayEvaluator(const WhatIfEvaluator& evaluator)
    : m_evaluator(evaluator)
    , m_policies(evaluator.policies())
{
    // Whether a policy configures a condition depends on the policy alone: probe with an empty input.
    const WhatIfInput probe;
    for (const CaPolicy& p : m_policies) {
        m_before.push_back(m_evaluator.decidedBeforeConditions(p));
        uint16_t mask = (1u << int(ConditionKind::Identity)) | (1u << int(ConditionKind::Application));
        for (int k = int(ConditionKind::Platform); k < kConditionKinds; ++k)
            if (m_evaluator.condition(p, ConditionKind(k), probe).state != ConditionResult::State::NotConfigured)
                mask |= uint16_t(1u << k);
        m_configured.push_back(mask);
    }
    m_cache.reserve(1 << 16);
}

ReplayEvaluator::Keys ReplayEvaluator::keysOf(const WhatIfInput& in) const
{
    Keys keys {};
    {
        Hash h;
        h.number(uint64_t(in.identity));
        h.text(in.userId);
        h.text(in.servicePrincipalId);
        h.text(in.clientAppId); // a service principal is found by its app id when its object id is not listed
        h.text(in.tenantId);
        h.optional(in.guestType);
        h.text(in.externalTenantId);
        h.list(in.groupIds);
        h.list(in.roleTemplateIds);
        keys[size_t(ConditionKind::Identity)] = h.h;
    }
    {
        Hash h;
        h.list(in.apps);
        h.list(in.audiences);
        h.text(in.clientAppId);
        h.text(in.userAction);
        h.text(in.authContext);
        h.number(uint64_t(in.createdMs == INT64_MIN ? 2 : in.createdMs < kBaselineScopeChangeMs ? 0 : 1));
        keys[size_t(ConditionKind::Application)] = h.h;
    }
    auto one = [&](ConditionKind k, std::string_view v) {
        Hash h;
        h.text(v);
        keys[size_t(k)] = h.h;
    };
    one(ConditionKind::Platform, in.platform);
    one(ConditionKind::ClientApps, in.clientAppType);
    one(ConditionKind::SignInRisk, in.signInRisk);
    one(ConditionKind::UserRisk, in.userRisk);
    one(ConditionKind::InsiderRisk, in.insiderRisk);
    one(ConditionKind::ServicePrincipalRisk, in.servicePrincipalRisk);
    one(ConditionKind::AuthenticationFlow, in.authFlow);
    {
        Hash h;
        h.number(uint64_t(in.deviceRegistered.has_value() ? 1 + *in.deviceRegistered : 0));
        h.number(uint64_t(in.deviceCompliant.has_value() ? 1 + *in.deviceCompliant : 0));
        h.text(in.deviceTrustType);
        for (const auto& [k, v] : in.deviceProperties) {
            h.text(k);
            h.text(v);
        }
        keys[size_t(ConditionKind::Devices)] = h.h;
    }
    {
        // The location condition reads the address and the country only through named-location membership.
        Hash h;
        h.number(uint64_t(!in.ipAddress.empty() && parseAddress(in.ipAddress).has_value()));
        if (const auto* named = m_evaluator.directory().namedLocations)
            for (const NamedLocation& n : *named) h.byte(uint8_t(inNamedLocation(n, in)));
        keys[size_t(ConditionKind::Location)] = h.h;
    }
    return keys;
}

ReplayEvaluator::Decision ReplayEvaluator::decide(size_t policy, const WhatIfInput& in, const Keys& keys)
{
    Decision d;
    d.configured = m_configured[policy];
    if (m_before[policy]) {
        d.before = *m_before[policy];
        return d;
    }
    const CaPolicy& p = m_policies[policy];
    std::array<ConditionResult::State, kConditionKinds> states {};
    size_t n = 0;
    for (ConditionKind k : conditionsFor(in.identity)) {
        ConditionResult::State s = ConditionResult::State::NotConfigured;
        if (d.configured & (1u << int(k))) {
            const uint64_t key = mix(keys[size_t(k)] ^ mix((uint64_t(policy) << 8) | uint64_t(k)));
            auto it = m_cache.find(key);
            if (it == m_cache.end()) it = m_cache.emplace(key, m_evaluator.condition(p, k, in).state).first;
            s = it->second;
        }
        states[n++] = s;
        if (s == ConditionResult::State::NoMatch) d.failed |= uint16_t(1u << int(k));
        if (s == ConditionResult::State::Unknown || s == ConditionResult::State::Invalid)
            d.unknown |= uint16_t(1u << int(k));
    }
    d.outcome = WhatIfEvaluator::combine(std::span(states.data(), n));
    return d;
}

} // namespace calens::whatif
