// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calens {
class Dataset;
}

namespace calens::synth {

class Rng;

// Target resources (what CA policies select as "cloud apps").
enum Res : uint8_t
{
    PowerBi,
    AzureMgmt,
    Exchange,
    SharePoint,
    Teams,
    Graph,
    Databricks,
    Storage,
    Sql,
    KeyVault,
    HrPortal,
    ResCount
};
constexpr uint32_t resBit(Res r)
{
    return 1u << r;
}

// Directory groups (bit masks) used by policy include/exclude lists.
namespace Grp {
enum : uint32_t
{
    BreakGlass = 1,
    ServiceAccounts = 2,
    Contractors = 4,
    DataEngineers = 8,
    Hr = 16,
    Vendors = 32
};
constexpr int Count = 6;
} // namespace Grp

// Service principals, in this order; the bit is 1 << index.
enum Sp : uint8_t
{
    SpGateway,
    SpAdf,
    SpDatabricks,
    SpFabric,
    SpSalesSync,
    SpBackup,
    MiFunction,
    MiEtl,
    MiIrHost,
    SpCount
};

enum Platform : uint8_t
{
    Windows,
    MacOS,
    IOS,
    Android,
    Linux,
    PlatformCount
};
enum ClientType : uint8_t
{
    CtBrowser,
    CtMobileDesktop,
    CtExchangeActiveSync,
    CtOther,
    ClientTypeCount
};

struct Resource
{
    const char* appId;
    const char* name;
};

struct User
{
    std::string id, upn, displayName;
    uint32_t groups = 0;
    bool guest = false;
    bool admin = false;
    int homeSite = 0;
};

struct AppIdentity
{
    std::string spId, appId, name, resourceId;
    MsiType msi = MsiType::NotSet; // NotSet: an application, not a managed identity
    int site = 0;
};

// An egress network: where sign-ins come from.
struct Site
{
    const char* city;
    const char* state;
    const char* country;
    uint32_t base; // IPv4 network address
    int prefix;
    bool trusted;
    const char* networkName; // named location the range belongs to ("" = none)
};

// The fixed directory of the synthetic tenant; sign-in drafts point into its strings.
class Tenant
{
public:
    explicit Tenant(Rng& rng);

    std::string tenantId, partnerTenantId;
    std::string groupIds[Grp::Count];
    std::string trustedHqId, trustedOfficeId, trustedAzureId, guestWifiId, countryBlockId;
    std::string touAgreementId;
    std::vector<std::string> policyIds; // by policy index
    std::vector<User> users; // members first, then service accounts, then guests
    std::vector<AppIdentity> sps; // indexed by Sp

    static const Resource& resource(int r);
    static const Site& site(int s);
    static int siteCount();

    void addDirectory(Dataset& out) const; // named locations and service principals
};

} // namespace calens::synth
