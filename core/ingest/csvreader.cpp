// SPDX-License-Identifier: MIT
#include "csvreader.h"

#include "csvtokenizer.h"
#include "ingestsink.h"
#include "keytable.h"
#include "legacytext.h"

#include <string>

namespace calens {

namespace {

using K = SignInKey;
#define E(name, key)                                                                                                   \
    {                                                                                                                  \
        name, int(K::key)                                                                                              \
    }

// Portal download column titles, compared after trimming and collapsing spaces.
const KeyTable& portalColumns()
{
    static const KeyTable table {
        E("date (utc)", CreatedDateTime),
        E("date", CreatedDateTime),
        E("request id", Id),
        E("user agent", UserAgent),
        E("correlation id", CorrelationId),
        E("user id", UserId),
        E("user", UserDisplayName),
        E("username", UserPrincipalName),
        E("user type", UserType),
        E("cross tenant access type", CrossTenantAccessType),
        E("incoming token type", IncomingTokenType),
        E("authentication protocol", AuthenticationProtocol),
        E("unique token identifier", UniqueTokenId),
        E("original transfer method", OriginalTransferMethod),
        E("client credential type", ClientCredentialType),
        E("application", AppDisplayName),
        E("application id", AppId),
        E("resource", ResourceDisplayName),
        E("resource id", ResourceId),
        E("resource tenant id", ResourceTenantId),
        E("home tenant id", HomeTenantId),
        E("ip address", IpAddress),
        E("location", LocationCombined),
        E("status", PortalStatus),
        E("sign-in error code", StatusErrorCode),
        E("failure reason", StatusFailureReason),
        E("additional details", StatusAdditionalDetails),
        E("client app", ClientAppUsed),
        E("device id", DeviceId),
        E("device", DeviceName),
        E("browser", DeviceBrowser),
        E("operating system", DeviceOs),
        E("compliant", DeviceCompliant),
        E("managed", DeviceManaged),
        E("join type", DeviceTrustType),
        E("authentication requirement", AuthenticationRequirement),
        E("conditional access", ConditionalAccessStatus),
        E("managed identity type", MsiType),
        E("associated resource id", MsiResourceId),
        E("service principal id", ServicePrincipalId),
        E("service principal name", ServicePrincipalName),
        E("risk state", RiskState),
        E("risk level (aggregated)", RiskLevelAggregated),
        E("risk level (real-time)", RiskLevelDuringSignIn),
        E("risk detail", RiskDetail),
        E("ip address (seen by resource)", IpFromResource),
        E("token protection - sign in session", TokenProtectionStatus),
        E("token protection - sign in session statuscode", TokenProtectionCode),
    };
    return table;
}

#undef E

std::string normalise(std::string_view header)
{
    std::string out;
    bool space = false;
    for (char c : header) {
        if (c == ' ' || c == '\t' || c == '\xA0') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

SignInKey csvColumnKey(std::string_view header, Format format)
{
    std::string name = normalise(header);
    if (format == Format::PortalCsv) return SignInKey(portalColumns().find(name, int(K::Unknown)));
    // Log Analytics: "TimeGenerated [UTC]" -> "TimeGenerated".
    if (const size_t bracket = name.find(" ["); bracket != std::string::npos) name.resize(bracket);
    return signInKeyFor(name);
}

CsvReader::CsvReader(
    ByteSource& source, IngestSink& sink, InputReport& report, const Detection& detection, SignInType typeHint)
    : m_source(source)
    , m_sink(sink)
    , m_report(report)
    , m_detection(detection)
    , m_typeHint(typeHint)
    , m_builder(m_draft)
{
    m_builder.setScope(&m_scope);
}

void CsvReader::read()
{
    CsvTokenizer csv(m_source, m_sink, m_detection.bomLength);
    std::vector<std::string_view> cells;
    if (!csv.next(cells)) {
        m_report.error = csv.error().isEmpty() ? QStringLiteral("no header row") : csv.error();
        return;
    }
    std::vector<SignInKey> keys;
    bool hasPolicies = false;
    for (std::string_view h : cells) {
        keys.push_back(csvColumnKey(h, m_detection.format));
        if (keys.back() == SignInKey::AppliedPolicies) hasPolicies = true;
    }
    if (m_detection.format == Format::PortalCsv)
        m_report.warn(
            QStringLiteral("%1: CSV downloads from the Entra admin center carry only the overall Conditional "
                           "Access result, not which policy failed or which control was missing; use the JSON "
                           "download, Log Analytics or a Graph fetch for per-policy detail")
                .arg(m_report.path));
    else if (!hasPolicies)
        m_report.warn(QStringLiteral("%1: no ConditionalAccessPolicies column: per-policy detail is not in this export")
                          .arg(m_report.path));
    if (m_typeHint == SignInType::Unknown && m_detection.format == Format::PortalCsv) {
        bool hasUser = false, hasSp = false;
        for (SignInKey k : keys) {
            hasUser |= k == SignInKey::UserPrincipalName;
            hasSp |= k == SignInKey::ServicePrincipalId;
        }
        if (hasSp && !hasUser) m_typeHint = SignInType::ServicePrincipal;
    }

    uint64_t wrongWidth = 0;
    while (csv.next(cells)) {
        const QString where = QStringLiteral("line %1").arg(csv.rowLine());
        if (cells.size() != keys.size()) {
            ++wrongWidth;
            m_report.skip(
                where, QStringLiteral("%1 fields where the header has %2").arg(cells.size()).arg(keys.size()));
            continue;
        }
        m_scope.reset();
        m_builder.begin();
        bool legacy = false;
        for (size_t i = 0; i < cells.size(); ++i) {
            if (cells[i].empty() || keys[i] == SignInKey::Unknown) continue;
            std::string_view cell = cells[i];
            if (!isValidUtf8(cell)) {
                m_legacy.clear();
                appendWindows1252AsUtf8(cell, m_legacy);
                cell = m_scope.arena.copy(m_legacy);
                legacy = true;
            }
            JVal v(cell, m_scope, 0, true);
            m_builder.apply(keys[i], v);
        }
        m_builder.finish(m_typeHint);
        if (m_draft.get(SF::Id).empty() && m_draft.createdMs == INT64_MIN) {
            m_report.skip(where, QStringLiteral("no request id and no date"));
            continue;
        }
        ++m_report.records;
        m_legacyRows += legacy;
        m_sink.signIn(m_draft);
    }
    warnUnusableErrorCodes(m_report, m_builder);
    if (m_legacyRows)
        m_report.warn(QStringLiteral("%1: %2 row(s) were not UTF-8 and were read as Windows-1252 (Latin-1); check "
                                     "names with accents in them")
                          .arg(m_report.path)
                          .arg(m_legacyRows));
    if (csv.oversizedRows()) {
        m_report.skipped += csv.oversizedRows();
        m_report.warn(QStringLiteral("%1: %2 row(s) longer than %3 MiB were skipped (the first at line %4)")
                          .arg(m_report.path)
                          .arg(csv.oversizedRows())
                          .arg(CsvTokenizer::kMaxRow >> 20)
                          .arg(csv.firstOversizedLine()));
    }
    if (csv.unclosedQuote()) {
        m_report.truncated = true;
        m_report.warn(QStringLiteral("%1: a quoted field starting at line %2 is never closed (truncated file?); the %3 "
                                     "rows before it were kept")
                          .arg(m_report.path)
                          .arg(csv.nextLine())
                          .arg(m_report.records));
    } else if (!csv.error().isEmpty()) {
        m_report.warn(QStringLiteral("%1: reading stopped: %2; the %3 rows before it were kept")
                          .arg(m_report.path, csv.error())
                          .arg(m_report.records));
    }
    if (m_source.endedEarly()) {
        m_report.truncated = true;
        m_report.warn(QStringLiteral("%1: the compressed file ends early (truncated .gz); the %2 rows read were kept")
                          .arg(m_report.path)
                          .arg(m_report.records));
    }
}

} // namespace calens
