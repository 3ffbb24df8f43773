// SPDX-License-Identifier: MIT
#include "tenant.h"

#include "model/dataset.h"
#include "rng.h"

#include <nlohmann/json.hpp>

namespace calens::synth {

namespace {

const Resource kResources[ResCount] = {
    { "00000009-0000-0000-c000-000000000000", "Power BI Service" },
    { "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API" },
    { "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online" },
    { "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online" },
    { "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services" },
    { "00000003-0000-0000-c000-000000000000", "Microsoft Graph" },
    { "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", "AzureDatabricks" },
    { "e406a681-f3d4-42a8-90b6-c2b029497af1", "Azure Storage" },
    { "022907d3-0f1b-48f7-badc-1ba6abab6d66", "Azure SQL Database" },
    { "cfa8b339-82a2-471a-a3c9-0fc0be7a4093", "Azure Key Vault" },
    { "5f0c1d2e-7b3a-4c59-9e61-2a8d4b7c9e10", "Contoso HR Portal" },
};

constexpr uint32_t ip(uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// Public ranges chosen to look like real egress (no RFC 1918, CGNAT or documentation ranges).
const Site kSites[] = {
    { "Amsterdam", "Noord-Holland", "NL", ip(145, 34, 96, 0), 24, true, "Contoso HQ" },
    { "Seattle", "Washington", "US", ip(67, 185, 64, 0), 22, true, "Contoso Seattle office" },
    { "Amsterdam", "Noord-Holland", "NL", ip(20, 61, 42, 0), 28, true, "Azure egress (NAT gateway)" },
    { "Redmond", "Washington", "US", ip(73, 53, 0, 0), 16, false, "" },
    { "Utrecht", "Utrecht", "NL", ip(84, 26, 0, 0), 16, false, "" },
    { "London", "England", "GB", ip(92, 40, 0, 0), 16, false, "" },
    { "Amsterdam", "Noord-Holland", "NL", ip(52, 174, 88, 0), 24, false, "" }, // Databricks workspace egress
    { "Amsterdam", "Noord-Holland", "NL", ip(91, 198, 174, 0), 27, false, "Guest Wi-Fi" },
    { "Moscow", "Moscow", "RU", ip(95, 165, 0, 0), 16, false, "" },
    { "Berlin", "Berlin", "DE", ip(62, 45, 0, 0), 16, false, "" },
};

const char* kFirst[]
    = { "Adele", "Alex", "Diego", "Grady", "Henrietta", "Isaiah", "Johanna", "Joni", "Lee", "Lidia", "Lynne", "Megan",
          "Miriam", "Nestor", "Patti", "Pradeep", "Sanne", "Tom", "Wouter", "Yara", "Ruben", "Femke", "Noah", "Emma" };
const char* kLast[] = { "Vance", "Wilber", "Siciliani", "Archie", "Mueller", "Langer", "Lauren", "Sherman", "Gu",
    "Holloway", "Robbins", "Bowen", "Graham", "Wilke", "Fernandez", "Gupta", "de Vries", "Jansen", "Bakker", "Visser" };

std::string lowerNoSpace(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (c != ' ') out += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    return out;
}

} // namespace

const Resource& Tenant::resource(int r)
{
    return kResources[r];
}
const Site& Tenant::site(int s)
{
    return kSites[s];
}
int Tenant::siteCount()
{
    return int(sizeof kSites / sizeof kSites[0]);
}

Tenant::Tenant(Rng& rng)
{
    tenantId = rng.guid();
    partnerTenantId = rng.guid();
    for (auto& g : groupIds) g = rng.guid();
    trustedHqId = rng.guid();
    trustedOfficeId = rng.guid();
    trustedAzureId = rng.guid();
    guestWifiId = rng.guid();
    countryBlockId = rng.guid();
    touAgreementId = rng.guid();
    for (int i = 0; i < 25; ++i) policyIds.push_back(rng.guid());

    auto addUser = [&](std::string name, std::string upn, uint32_t groups, bool admin, int site) {
        users.push_back({ rng.guid(), std::move(upn), std::move(name), groups, false, admin, site });
    };
    for (int i = 0; i < 48; ++i) {
        // Distinct first names for the first 24 and a numeric suffix after keep every UPN unique.
        std::string first = kFirst[i < 24 ? i : int(rng.below(sizeof kFirst / sizeof *kFirst))];
        std::string last = kLast[rng.below(sizeof kLast / sizeof *kLast)];
        std::string upn = lowerNoSpace(first) + "." + lowerNoSpace(last) + (i >= 24 ? std::to_string(i) : "");
        uint32_t groups = 0;
        if (i >= 36 && i < 42) groups |= Grp::DataEngineers;
        if (i >= 30 && i < 34) groups |= Grp::Contractors;
        if (i >= 26 && i < 30) groups |= Grp::Hr;
        if (i >= 42 && i < 44) groups |= Grp::Vendors;
        addUser(std::string(first).append(" ").append(last), upn + "@contoso.com", groups, i < 3, i % 3 == 1 ? 1 : 0);
    }
    addUser("Break Glass Admin", "breakglass01@contoso.onmicrosoft.com", Grp::BreakGlass, true, 0);
    addUser("svc-pbirefresh", "svc-pbirefresh@contoso.com", Grp::ServiceAccounts, false, 0);
    addUser("svc-pbigateway", "svc-pbigateway@contoso.com", Grp::ServiceAccounts, false, 0);
    addUser("svc-adf-etl", "svc-adf-etl@contoso.com", Grp::ServiceAccounts, false, 2);
    addUser("svc-databricks-etl", "svc-databricks-etl@contoso.com", Grp::ServiceAccounts, false, 2);
    const char* guests[] = { "alex.kim", "maria.rossi", "omar.haddad", "sofia.berg", "li.wei" };
    for (const char* g : guests) {
        User u { rng.guid(), std::string(g) + "@fabrikam.com", "", 0, true, false, 9 };
        u.displayName = std::string(1, char(g[0] - 32)) + (g + 1);
        users.push_back(std::move(u));
    }

    auto addSp = [&](std::string name, MsiType msi, int site, std::string resourceId) {
        sps.push_back({ rng.guid(), rng.guid(), std::move(name), std::move(resourceId), msi, site });
    };
    const std::string sub = "/subscriptions/" + rng.guid() + "/resourceGroups/rg-contoso-data/providers/";
    addSp("Power BI On-premises Data Gateway (GW-PBI-01)", MsiType::NotSet, 0, {});
    addSp("ADF self-hosted IR (adf-contoso-prod)", MsiType::NotSet, 2, {});
    addSp("Databricks workspace dbw-contoso-analytics", MsiType::NotSet, 2, {});
    addSp("Fabric Data Pipeline (fab-sales-ingest)", MsiType::NotSet, 2, {});
    addSp("Contoso Sales Sync", MsiType::NotSet, 2, {});
    addSp("Contoso Backup Automation", MsiType::NotSet, 1, {});
    addSp("func-contoso-orders", MsiType::SystemAssigned, 2, sub + "Microsoft.Web/sites/func-contoso-orders");
    addSp("id-contoso-etl", MsiType::UserAssigned, 2,
        sub + "Microsoft.ManagedIdentity/userAssignedIdentities/id-contoso-etl");
    addSp("vm-ir-host-02", MsiType::SystemAssigned, 2, sub + "Microsoft.Compute/virtualMachines/vm-ir-host-02");
}

void Tenant::addDirectory(Dataset& out) const
{
    using nlohmann::ordered_json;
    const char* created = "2025-03-14T09:12:44.1234567Z";
    // NOLINTNEXTLINE(performance-unnecessary-value-param): a few calls with braced lists, once per tenant
    auto ipLocation = [&](const std::string& id, const char* name, bool trusted, std::vector<std::string> cidrs) {
        NamedLocation l;
        l.id = id;
        l.displayName = name;
        l.kind = NamedLocation::Kind::Ip;
        l.isTrusted = trusted;
        ordered_json ranges = ordered_json::array();
        for (const std::string& c : cidrs) {
            const bool v6 = c.find(':') != std::string::npos;
            ranges.push_back(
                { { "@odata.type", v6 ? "#microsoft.graph.iPv6CidrRange" : "#microsoft.graph.iPv4CidrRange" },
                    { "cidrAddress", c } });
            if (auto r = IpRange::parseCidr(c)) l.ranges.push_back(*r);
            l.rangeTexts.push_back(c);
        }
        l.json = ordered_json {
            { "@odata.type", "#microsoft.graph.ipNamedLocation" }, { "id", id }, { "displayName", name },
            { "createdDateTime", created }, { "modifiedDateTime", created }, { "isTrusted", trusted },
            { "ipRanges", ranges }
        }.dump();
        out.addNamedLocation(std::move(l));
    };
    // The IPv6 range is written with host bits set, as admins often do.
    ipLocation(trustedHqId, "Contoso HQ", true, { "145.34.96.0/24", "2a01:111:f40c:1a2b::17/48" });
    ipLocation(trustedOfficeId, "Contoso Seattle office", true, { "67.185.64.0/22" });
    ipLocation(trustedAzureId, "Azure egress (NAT gateway)", true, { "20.61.42.0/28" });
    ipLocation(guestWifiId, "Guest Wi-Fi", false, { "91.198.174.0/27" });

    NamedLocation c;
    c.id = countryBlockId;
    c.displayName = "Blocked countries";
    c.kind = NamedLocation::Kind::Country;
    c.countries = { "RU", "KP", "IR", "BY" };
    c.countryLookupMethod = "clientIpAddress";
    c.json = ordered_json {
        { "@odata.type", "#microsoft.graph.countryNamedLocation" }, { "id", c.id }, { "displayName", c.displayName },
        { "createdDateTime", created }, { "modifiedDateTime", created }, { "countriesAndRegions", c.countries },
        { "includeUnknownCountriesAndRegions", false }, { "countryLookupMethod", c.countryLookupMethod }
    }.dump();
    out.addNamedLocation(std::move(c));

    for (const AppIdentity& a : sps) {
        ServicePrincipal sp;
        sp.id = a.spId;
        sp.appId = a.appId;
        sp.displayName = a.name;
        sp.servicePrincipalType = a.msi == MsiType::NotSet ? "Application" : "ManagedIdentity";
        sp.appOwnerOrganizationId = a.msi == MsiType::NotSet ? tenantId : "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
        if (a.msi == MsiType::NotSet) sp.tags = { "WindowsAzureActiveDirectoryIntegratedApp" };
        ordered_json j { { "id", sp.id }, { "appId", sp.appId }, { "displayName", sp.displayName },
            { "servicePrincipalType", sp.servicePrincipalType },
            { "appOwnerOrganizationId", sp.appOwnerOrganizationId }, { "accountEnabled", true }, { "tags", sp.tags } };
        if (a.msi != MsiType::NotSet)
            j["alternativeNames"]
                = { "isExplicit=" + std::string(a.msi == MsiType::UserAssigned ? "True" : "False"), a.resourceId };
        sp.json = j.dump();
        out.addServicePrincipal(std::move(sp));
    }
}

} // namespace calens::synth
