// SPDX-License-Identifier: MIT
#include "csvout.h"
#include "formatwriters.h"
#include "model/signinref.h"
#include "outputfile.h"
#include "signinjson.h"
#include "timefmt.h"

#include <QDir>

#include <algorithm>
#include <array>

namespace calens::exporter {

namespace {

// Exactly the portal's interactive / non-interactive header, quirks included (trailing spaces,
// double space, the duplicated "Incoming token type").
constexpr std::array<std::string_view, 57> kUserHeader { "Date (UTC)", "Request ID", "User agent", "Correlation ID",
    "User ID", "User", "Username", "User type", "Cross tenant access type", "Incoming token type",
    "Authentication Protocol", "Unique token identifier", "Original transfer method", "Client credential type",
    "Token Protection - Sign In Session", "Token Protection - Sign In Session StatusCode", "Application",
    "Application ID ", "App owner tenant ID", "Resource", "Resource ID ", "Resource tenant ID",
    "Resource owner tenant ID", "Home tenant ID", "Home tenant name", "IP address", "Location", "Status",
    "Sign-in error code", "Failure reason", "Client app", "Device ID", "Browser", "Operating System", "Compliant",
    "Managed", "Join Type", "Multifactor authentication result", "Multifactor authentication auth method",
    "Multifactor authentication auth detail", "Authentication requirement", "Sign-in identifier", "Session ID",
    "IP address (seen by resource)", "Through Global Secure Access", "Global Secure Access IP address",
    "Autonomous system  number", "Flagged for review", "Token issuer type", "Incoming token type", "Token issuer name",
    "Latency", "Conditional Access", "Managed Identity type", "Associated Resource Id", "Federated Token Id",
    "Federated Token Issuer" };
// ApplicationSignIns (formats.md §3.1). The MSI file is assumed to be the same plus the two managed
// identity columns of the user header: no verbatim MSISignIns header was found.
constexpr std::array<std::string_view, 24> kAppHeader { "Date (UTC)", "Request ID", "Correlation ID",
    "Service principal ID", "Service principal name", "Credential key ID", "Credential thumbprint", "Application",
    "Application ID ", "App owner tenant ID", "Resource", "Resource ID ", "Resource tenant ID",
    "Resource owner tenant ID", "Home tenant ID", "Home tenant name", "IP address", "Location", "Status",
    "Sign-in error code", "Failure reason", "Conditional Access", "Managed Identity type", "Associated Resource Id" };

std::string_view boolWord(Tristate t)
{
    return t == Tristate::True ? "True" : t == Tristate::False ? "False" : "";
}

struct Cells
{
    std::string date, location, code;
    void fill(const SignInRef& s)
    {
        date.clear();
        appendIsoSeconds(date, s.createdMs());
        location.clear();
        for (SF f : { SF::City, SF::State, SF::Country }) {
            const std::string_view v = s.str(f);
            if (v.empty()) continue;
            if (!location.empty()) location += ", ";
            location += v;
        }
        code = std::to_string(s.errorCode());
    }
};

void userRow(std::string& out, const SignInRef& s, Cells& c)
{
    c.fill(s);
    CsvRow r(out, true);
    const std::string_view incoming = s.str(SF::IncomingTokenType);
    for (std::string_view v : { std::string_view(c.date), s.str(SF::Id), s.str(SF::UserAgent), s.str(SF::CorrelationId),
             s.str(SF::UserId), s.str(SF::UserDisplayName), s.str(SF::UserPrincipalName), s.str(SF::UserType),
             s.str(SF::CrossTenantAccessType), incoming, s.str(SF::AuthenticationProtocol), s.str(SF::UniqueTokenId),
             s.transferMethod() == TransferMethod::NotSet ? std::string_view() : name(s.transferMethod()),
             s.str(SF::ClientCredentialType), std::string_view(), std::string_view(), s.str(SF::AppDisplayName),
             s.str(SF::AppId), std::string_view(), s.str(SF::ResourceDisplayName), s.str(SF::ResourceId),
             s.str(SF::ResourceTenantId), std::string_view(), s.str(SF::HomeTenantId), std::string_view(),
             s.str(SF::IpAddress), std::string_view(c.location), statusWord(s.errorCode()), std::string_view(c.code),
             s.str(SF::FailureReason), s.str(SF::ClientAppUsed), s.str(SF::DeviceId), s.str(SF::Browser),
             s.str(SF::OperatingSystem), boolWord(s.isCompliant()), boolWord(s.isManaged()), s.str(SF::TrustType),
             std::string_view(), std::string_view(), std::string_view(), name(s.authRequirement()),
             s.str(SF::UserPrincipalName), std::string_view(), std::string_view(), std::string_view("False"),
             std::string_view(), std::string_view(), std::string_view("False"), std::string_view("AzureAD"), incoming,
             std::string_view(), std::string_view(), name(s.caStatus()), name(s.msiType()),
             s.str(SF::MsiAssociatedResourceId), std::string_view(), std::string_view() })
        r.field(v);
    r.end();
}

void appRow(std::string& out, const SignInRef& s, Cells& c, bool msi)
{
    c.fill(s);
    CsvRow r(out, true);
    for (std::string_view v : { std::string_view(c.date), s.str(SF::Id), s.str(SF::CorrelationId),
             s.str(SF::ServicePrincipalId), s.str(SF::ServicePrincipalName), std::string_view(), std::string_view(),
             s.str(SF::AppDisplayName), s.str(SF::AppId), std::string_view(), s.str(SF::ResourceDisplayName),
             s.str(SF::ResourceId), s.str(SF::ResourceTenantId), std::string_view(), s.str(SF::HomeTenantId),
             std::string_view(), s.str(SF::IpAddress), std::string_view(c.location), statusWord(s.errorCode()),
             std::string_view(c.code), s.str(SF::FailureReason), name(s.caStatus()) })
        r.field(v);
    if (msi) {
        r.field(name(s.msiType()));
        r.field(s.str(SF::MsiAssociatedResourceId));
    }
    r.end();
}

int fileOf(const SignInRef& s)
{
    switch (s.type()) {
    case SignInType::NonInteractiveUser:
        return 1;
    case SignInType::ServicePrincipal:
        return 2;
    case SignInType::ManagedIdentity:
        return 3;
    case SignInType::InteractiveUser:
        return 0;
    default:
        return s.isInteractive() == Tristate::False ? 1 : 0;
    }
}

} // namespace

bool writePortalCsv(const Dataset& data, const QString& folder, QString* error)
{
    if (!QDir().mkpath(folder)) {
        if (error) *error = QStringLiteral("%1: cannot create the folder").arg(folder);
        return false;
    }
    int64_t first = INT64_MAX, last = INT64_MIN;
    std::array<size_t, 4> counts {};
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        const SignInRef s = data.signIn(row);
        first = std::min(first, s.createdMs());
        last = std::max(last, s.createdMs());
        ++counts[size_t(fileOf(s))];
    }
    std::string range;
    if (data.signInCount()) {
        appendDate(range, first);
        range += '_';
        appendDate(range, last);
    }
    const char* names[] = { "InteractiveSignIns_", "NonInteractiveSignIns_", "ApplicationSignIns_", "MSISignIns_" };
    Cells cells;
    for (int f = 0; f < 4; ++f) {
        if (!counts[size_t(f)]) continue;
        OutputFile file;
        const QString path = QDir(folder).filePath(
            QString::fromLatin1(names[f]) + QString::fromStdString(range) + QStringLiteral(".csv"));
        if (!file.open(path, error)) return false;
        std::string& out = file.buffer();
        out += "\xEF\xBB\xBF";
        CsvRow header(out, true);
        if (f < 2)
            for (std::string_view h : kUserHeader) header.field(h);
        else
            for (size_t i = 0; i < (f == 3 ? kAppHeader.size() : kAppHeader.size() - 2); ++i)
                header.field(kAppHeader[i]);
        header.end();
        for (uint32_t row = 0; row < data.signInCount(); ++row) {
            const SignInRef s = data.signIn(row);
            if (fileOf(s) != f) continue;
            if (f < 2)
                userRow(out, s, cells);
            else
                appRow(out, s, cells, f == 3);
            if (!file.flushIfFull()) break;
        }
        if (!file.commit(error)) return false;
    }
    return true;
}

} // namespace calens::exporter
