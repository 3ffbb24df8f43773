// SPDX-License-Identifier: MIT
// Facts about the location condition of one failing policy. Whether the sign-in is in a location the policy
// includes or excludes is the What-If's answer (identity/conditional-access/concept-assignment-network.md); these
// facts add what a log shows around it: the address the resource saw, IPv6 egress, GPS-based countries.
#include "facts.h"

#include "whatif/conditions.h"
#include "whatif/ipmatch.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace calens {

namespace {

// The "All Compliant Network locations" named location of Global Secure Access, as Graph names it.
constexpr std::string_view kCompliantNetworkId = "3d46dbda-8382-466a-856d-eb00cbc6b910";

bool hasId(const std::vector<std::string>& ids, std::string_view id)
{
    return std::any_of(ids.begin(), ids.end(), [id](const std::string& s) { return equalsIgnoreCase(s, id); });
}

// The named locations a policy lets through: its excluded ones, "AllTrusted" meaning every trusted location.
std::vector<const NamedLocation*> allowedLocations(const Dataset& d, const CaPolicy* def)
{
    std::vector<const NamedLocation*> out;
    for (const NamedLocation& n : d.namedLocations()) {
        const bool allowed = def
            ? (hasId(def->excludeLocations, n.id) || (hasId(def->excludeLocations, "AllTrusted") && n.isTrusted))
            : n.isTrusted;
        if (allowed) out.push_back(&n);
    }
    return out;
}

bool isIpv6(std::string_view ip)
{
    const auto a = whatif::parseAddress(ip);
    if (!a) return false;
    // IPv4 is held as ::ffff:a.b.c.d.
    for (int i = 0; i < 10; ++i)
        if ((*a)[size_t(i)]) return true;
    return !((*a)[10] == 0xff && (*a)[11] == 0xff);
}

} // namespace

Fact FactSheet::ipInPolicyExcludedLocations(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const QString ip = qs(m_signIn.str(SF::IpAddress));
    const auto c = ask(e, "location");
    if (!c) {
        Fact f = ipTrust(p);
        f.evidence.prepend(QStringLiteral("the definition of '%1' was not loaded: compared with the trusted named "
                                          "locations, which a location policy usually excludes")
                               .arg(policy));
        return f;
    }
    const QString line = QStringLiteral("What-If on the current definition: %1").arg(qs(c->detail));
    using State = whatif::ConditionResult::State;
    if (c->state == State::NotConfigured)
        return { Answer::No,
            { QStringLiteral("'%1' has no location condition in its current definition").arg(policy) } };
    if (c->excluded == whatif::Tri::Yes || c->included == whatif::Tri::No)
        return { Answer::Yes,
            { line,
                QStringLiteral("by today's definition '%1' would not apply at %2, yet the log says it applied: the "
                               "policy or the named location changed after the sign-in")
                    .arg(policy, ip) } };
    if (c->state == State::Match) return { Answer::No, { line } };
    return { Answer::Unknown, { line } };
}

Fact FactSheet::policyLocationUsesGps(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const CaPolicy* def = definition(e);
    if (!def)
        return { Answer::Unknown,
            { QStringLiteral("the definition of '%1' was not loaded, so its named locations are not known")
                    .arg(policy) } };
    for (const NamedLocation& n : m_d.namedLocations()) {
        if (n.kind != NamedLocation::Kind::Country || !equalsIgnoreCase(n.countryLookupMethod, "authenticatorAppGps"))
            continue;
        if (hasId(def->includeLocations, n.id) || hasId(def->excludeLocations, n.id))
            return { Answer::Yes,
                { QStringLiteral("'%1' uses the country location '%2', which finds the country by the Microsoft "
                                 "Authenticator app's GPS, not by the IP address")
                        .arg(policy, qs(n.displayName)),
                    QStringLiteral("the sign-in log's country (%1) comes from the IP address, so it cannot show what "
                                   "GPS said; a user who does not share location in Authenticator is outside every "
                                   "GPS-based country")
                        .arg(quoted(m_signIn.str(SF::Country))) } };
    }
    return { Answer::No, { QStringLiteral("'%1' uses no GPS-based country location").arg(policy) } };
}

Fact FactSheet::caeStrictLocationMismatch(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    bool strict = e.conditionsSatisfied & (1u << 11); // ipAddressSeenByResourceProvider
    if (const CaPolicy* def = definition(e)) {
        const auto j = nlohmann::json::parse(def->json, nullptr, false);
        if (j.is_object()) {
            const auto s = j.find("sessionControls");
            if (s != j.end() && s->is_object()) {
                const auto cae = s->find("continuousAccessEvaluation");
                if (cae != s->end() && cae->is_object()) {
                    const auto mode = cae->find("mode");
                    strict |= mode != cae->end() && mode->is_string()
                        && equalsIgnoreCase(mode->get<std::string>(), "strictLocation");
                }
            }
        }
    }
    const std::string_view entra = m_signIn.str(SF::IpAddress), resource = m_signIn.str(SF::IpFromResource);
    if (!strict) return { Answer::No, { QStringLiteral("'%1' does not enforce strict location").arg(policy) } };
    const QString seen
        = QStringLiteral("ipAddress (seen by Microsoft Entra) is %1, ipAddressFromResourceProvider is %2")
              .arg(quoted(entra), quoted(resource));
    if (resource.empty())
        return { Answer::Unknown,
            { QStringLiteral("'%1' enforces strict location (continuous access evaluation), but the record does not "
                             "say which address the resource saw")
                    .arg(policy),
                seen } };
    if (equalsIgnoreCase(entra, resource)) return { Answer::No, { seen, QStringLiteral("both saw the same address") } };
    return { Answer::Yes,
        { seen,
            QStringLiteral("'%1' enforces strict location: the address the resource saw counts too, and it differs "
                           "from the one Microsoft Entra saw (split tunnelling, or another egress for the resource)")
                .arg(policy) } };
}

Fact FactSheet::policyUsesCompliantNetwork(const PolicyEval* p) const
{
    const PolicyEval& e = *p;
    const QString policy = qs(m_signIn.policyName(e));
    const CaPolicy* def = definition(e);
    if (!def)
        return { Answer::Unknown,
            { QStringLiteral("the definition of '%1' was not loaded, so its locations are not known").arg(policy) } };
    if (!hasId(def->excludeLocations, kCompliantNetworkId) && !hasId(def->includeLocations, kCompliantNetworkId))
        return { Answer::No, { QStringLiteral("'%1' does not use the compliant network location").arg(policy) } };
    return { Answer::Yes,
        { QStringLiteral("'%1' uses the \"All Compliant Network locations\" location of Global Secure Access: only "
                         "traffic through the Global Secure Access client of a compliant network counts, whatever "
                         "the IP address")
                .arg(policy),
            QStringLiteral("the sign-in's address %1 is not evidence of the compliant network")
                .arg(quoted(m_signIn.str(SF::IpAddress))) } };
}

Fact FactSheet::ipv6AgainstIpv4Ranges(const PolicyEval* p) const
{
    const std::string_view ip = m_signIn.str(SF::IpAddress);
    if (!isIpv6(ip)) return { Answer::No, { QStringLiteral("%1 is not an IPv6 address").arg(quoted(ip)) } };
    const std::vector<const NamedLocation*> allowed = allowedLocations(m_d, definition(*p));
    size_t v4 = 0, v6 = 0;
    QStringList names;
    for (const NamedLocation* n : allowed) {
        if (n->kind != NamedLocation::Kind::Ip) continue;
        names << QLatin1Char('\'') + qs(n->displayName) + QLatin1Char('\'');
        for (const std::string& r : n->rangeTexts) (r.find(':') != std::string::npos ? v6 : v4)++;
    }
    if (allowed.empty() || v4 + v6 == 0)
        return { Answer::Unknown,
            { QStringLiteral("the sign-in came from the IPv6 address %1; the allowed IP ranges are not loaded")
                    .arg(qs(ip)) } };
    if (v6 > 0)
        return { Answer::No,
            { QStringLiteral("the allowed locations (%1) hold %2 IPv6 range(s); %3 is in none of them")
                    .arg(names.join(QStringLiteral(", ")))
                    .arg(v6)
                    .arg(qs(ip)) } };
    return { Answer::Yes,
        { QStringLiteral("the sign-in came from the IPv6 address %1, while the allowed locations (%2) hold only IPv4 "
                         "ranges (%3): the network egresses over IPv6 too")
                .arg(qs(ip), names.join(QStringLiteral(", ")))
                .arg(v4) } };
}

} // namespace calens
