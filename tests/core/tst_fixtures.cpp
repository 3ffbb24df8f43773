// SPDX-License-Identifier: MIT
// Every public sample from Microsoft's documentation loads with the right values.
#include "ingest/timestamp.h"
#include "support/loader.h"
#include "support/testpaths.h"

#include <QTest>

using namespace calens;
using namespace calens::test;

class TestFixtures : public QObject
{
    Q_OBJECT
private slots:
    void graphBetaList();
    void diagnosticRecord();
    void logAnalyticsCsv();
    void logAnalyticsPolicyRows();
    void conditionalAccessPolicy();
    void namedLocations();
    void whatIfResponseIsPolicies();
    void whatIfRequestIsNotEvidence();
    void portalCsvHeaderOnly();
    void wholeFolder();
};

void TestFixtures::graphBetaList()
{
    const Loaded l = load(fixture(QStringLiteral("graph_beta_signins_list_response.json")));
    QCOMPARE(l.reports.size(), size_t(1));
    QCOMPARE(l.reports[0].format, Format::GraphJson);
    QCOMPARE(l.reports[0].records, uint64_t(1));
    QCOMPARE(l.reports[0].skipped, uint64_t(0));
    const SignInRef s = l.byId("1691d37b-8579-43a7-966a-0f35583c1300");
    QCOMPARE(q(formatIso(s.createdMs())), QStringLiteral("2021-06-30T16:34:32Z"));
    QCOMPARE(q(s.str(SF::UserPrincipalName)), QStringLiteral("testaccount1@contoso.com"));
    QCOMPARE(q(s.str(SF::UserDisplayName)), QStringLiteral("Test contoso"));
    QCOMPARE(q(s.str(SF::UserId)), QStringLiteral("26be570a-1111-5555-b4e2-a37c6808512d"));
    QCOMPARE(q(s.str(SF::AppId)), QStringLiteral("c44b4083-3bb0-49c1-b47d-974e53cbdf3c"));
    QCOMPARE(q(s.str(SF::AppDisplayName)), QStringLiteral("Azure Portal"));
    QCOMPARE(q(s.str(SF::ResourceDisplayName)), QStringLiteral("Windows Azure Service Management API"));
    QCOMPARE(q(s.str(SF::ResourceId)), QStringLiteral("797f4846-ba00-4fd7-ba43-dac1f8f63013"));
    QCOMPARE(q(s.str(SF::IpAddress)), QStringLiteral("131.107.159.37"));
    QCOMPARE(q(s.str(SF::ClientAppUsed)), QStringLiteral("Browser"));
    QCOMPARE(q(s.str(SF::CorrelationId)), QStringLiteral("5d295068-919b-4017-85d8-44be2f5f5483"));
    QCOMPARE(s.caStatus(), CaStatus::NotApplied);
    QCOMPARE(s.isInteractive(), Tristate::True);
    QCOMPARE(s.type(), SignInType::InteractiveUser);
    QVERIFY(s.hasErrorCode());
    QCOMPARE(s.errorCode(), 50126);
    QCOMPARE(q(s.str(SF::FailureReason)),
        QStringLiteral("Error validating credentials due to invalid username or password."));
    QVERIFY(q(s.str(SF::AdditionalDetails)).contains(QChar(0x00A0))); // the \u00a0 escape, decoded
    QCOMPARE(q(s.str(SF::OperatingSystem)), QStringLiteral("Windows 10"));
    QCOMPARE(q(s.str(SF::Browser)), QStringLiteral("Edge 91.0.864"));
    QCOMPARE(s.isCompliant(), Tristate::False);
    QCOMPARE(s.isManaged(), Tristate::False);
    QCOMPARE(q(s.str(SF::City)), QStringLiteral("Redmond"));
    QCOMPARE(q(s.str(SF::State)), QStringLiteral("Washington"));
    QCOMPARE(q(s.str(SF::Country)), QStringLiteral("US"));
    QCOMPARE(s.networkTypes(), uint8_t(NetworkType::NamedNetwork));
    QCOMPARE(q(s.str(SF::NetworkNames)), QStringLiteral("North America"));
    // Duplicate keys: the later value wins, as in most JSON readers.
    QCOMPARE(q(s.str(SF::HomeTenantId)), QStringLiteral("99081087-73c4-48d1-a112-f60ff75114f7"));
    QCOMPARE(q(s.str(SF::IncomingTokenType)), QStringLiteral("Primary Refresh Token"));
    QCOMPARE(s.riskDuringSignIn(), RiskLevel::None);
    QCOMPARE(s.riskState(), RiskState::None);
    QCOMPARE(s.authRequirement(), AuthRequirement::SingleFactor);
    QCOMPARE(s.policyDetail(), Tristate::True); // an empty list, not a missing one
    QCOMPARE(s.evals().size(), size_t(0));
}

void TestFixtures::diagnosticRecord()
{
    const Loaded l = load(fixture(QStringLiteral("entra_diagnostic_signinlogs_record.json")));
    QCOMPARE(l.reports[0].format, Format::DiagJsonl);
    QCOMPARE(l.reports[0].records, uint64_t(1));
    const SignInRef s = l.byId("0231f922-93fa-4005-bb11-b344eca03c01");
    QCOMPARE(q(formatIso(s.createdMs())), QStringLiteral("2019-03-12T16:02:15.552Z"));
    QCOMPARE(s.type(), SignInType::InteractiveUser); // category SignInLogs
    QCOMPARE(s.errorCode(), 50140);
    QCOMPARE(q(s.str(SF::UserDisplayName)), QStringLiteral("Timothy Perkins"));
    // The sign-in's own correlation id (in properties), not the envelope's.
    QCOMPARE(q(s.str(SF::CorrelationId)), QStringLiteral("bbbb1111-cc22-3333-44dd-555555eeeeee"));
    QCOMPARE(q(s.str(SF::DeviceId)), QStringLiteral("8bfcb982-6856-4402-924c-ada2486321cc"));
    QCOMPARE(q(s.str(SF::City)), QStringLiteral("Bellevue"));
    QCOMPARE(s.caStatus(), CaStatus::NotApplied);
    QVERIFY(s.evals().size() >= 5);
    const PolicyEval& first = s.evals()[0];
    QCOMPARE(q(s.policyId(first)), QStringLiteral("ae11ffaa-9879-44e0-972c-7538fd5c4d1a"));
    QCOMPARE(q(s.policyName(first)), QStringLiteral("HR app access policy"));
    QCOMPARE(first.result, PolicyResult::NotApplied);
    QCOMPARE(first.grant, uint16_t(Grant::Mfa)); // "Mfa" as the logs write it
    QCOMPARE(first.conditionsSatisfied, 0u); // written as an integer
    QCOMPARE(s.evals()[1].result, PolicyResult::NotEnabled);
    // authenticationRequirementPolicies: where the requirement came from (security defaults would show here).
    QCOMPARE(q(s.str(SF::AuthRequirementPolicies)), QStringLiteral("multiConditionalAccess"));
}

void TestFixtures::logAnalyticsCsv()
{
    const Loaded l = load(fixture(QStringLiteral("la_signinlogs_kql_export_2rows.csv")));
    QCOMPARE(l.reports[0].format, Format::LaCsv);
    QCOMPARE(l.reports[0].records, uint64_t(2));
    // Both rows carry the same redacted Id but are minutes apart: two sign-ins.
    QCOMPARE(l.dataset->signInCount(), size_t(2));
    const SignInRef a = l.signIn(0);
    QCOMPARE(q(formatIso(a.createdMs())), QStringLiteral("2023-09-19T13:42:37.848Z")); // "9/19/2023, 1:42:37.848 PM"
    QCOMPARE(a.errorCode(), 0);
    QCOMPARE(a.type(), SignInType::InteractiveUser);
    QCOMPARE(q(a.str(SF::AppDisplayName)), QStringLiteral("Azure Portal"));
    QCOMPARE(q(a.str(SF::OperatingSystem)), QStringLiteral("Windows10")); // from the DeviceDetail JSON cell
    QCOMPARE(q(a.str(SF::TrustType)), QStringLiteral("Azure AD joined"));
    QCOMPARE(a.isCompliant(), Tristate::True);
    QCOMPARE(a.isManaged(), Tristate::True);
    QCOMPARE(a.caStatus(), CaStatus::NotApplied);
    QCOMPARE(a.authRequirement(), AuthRequirement::SingleFactor);
    QCOMPARE(q(a.str(SF::Country)), QStringLiteral("US"));
    QCOMPARE(a.policyDetail(), Tristate::Unset); // the author emptied ConditionalAccessPolicies
    // SessionLifetimePolicies is JSON text in the cell: its expirationRequirement values are kept.
    QCOMPARE(
        q(a.str(SF::SessionLifetimePolicies)), QStringLiteral("rememberMultifactorAuthenticationOnTrustedDevices"));
    QCOMPARE(q(a.str(SF::AuthRequirementPolicies)), QString());
    const SignInRef b = l.signIn(1);
    QCOMPARE(q(formatIso(b.createdMs())), QStringLiteral("2023-09-19T11:21:02.145Z"));
    QCOMPARE(b.errorCode(), 50140);
}

void TestFixtures::logAnalyticsPolicyRows()
{
    const Loaded l = load(fixture(QStringLiteral("entra_la_conditionalaccesspolicies_expanded.json")));
    QCOMPARE(l.reports[0].format, Format::LaPolicyRows);
    QCOMPARE(l.reports[0].records, uint64_t(4));
    const SignInRef s = l.byId("225a4a9c-aeb7-42c1-8d4d-f17c5fd7cf00"); // RequestId minus "-40"
    QCOMPARE(s.evals().size(), size_t(4));
    QCOMPARE(q(formatIso(s.createdMs())), QStringLiteral("2023-09-09T22:57:40.402Z"));
    const PolicyEval& e = s.evals()[0];
    QCOMPARE(q(s.policyId(e)), QStringLiteral("dd4fe198-0671-4057-ab7d-255bf4e31096"));
    QCOMPARE(e.result, PolicyResult::ReportOnlyNotApplied);
    QCOMPARE(e.conditionsSatisfied, 1u); // application
    QCOMPARE(e.conditionsNotSatisfied, 2u); // users
    const auto include = s.includeRules(e); // JSON strings inside the array
    QCOMPARE(include.size(), size_t(2));
    QCOMPARE(q(conditionName(include[0].condition)), QStringLiteral("application"));
    QCOMPARE(q(ruleName(include[0].rule)), QStringLiteral("allApps"));
    QCOMPARE(q(ruleName(include[1].rule)), QStringLiteral("groupId"));
    QCOMPARE(q(s.authStrengthId(e)), QStringLiteral("00000000-0000-0000-0000-000000000004"));
    QCOMPARE(e.authStrengthResult, AuthStrengthResult::SingleRegistrationRequired);
    QVERIFY(e.grant & Grant::AuthenticationStrength);
    QCOMPARE(s.evals()[1].grant, uint16_t(Grant::CompliantDevice)); // "RequireCompliantDevice"
    QVERIFY(!l.reports[0].warnings.isEmpty()); // says the sign-in row itself was not among the inputs
}

void TestFixtures::conditionalAccessPolicy()
{
    const Loaded l = load(fixture(QStringLiteral("graph_v1_conditionalaccesspolicy_get_response.json")));
    QCOMPARE(l.reports[0].format, Format::Policies);
    QCOMPARE(l.dataset->policies().size(), size_t(1));
    const CaPolicy& p = l.dataset->policies()[0];
    QCOMPARE(q(p.id), QStringLiteral("6b5e999b-0ba8-4186-a106-e0296c1c4358"));
    QCOMPARE(q(p.displayName), QStringLiteral("Demo app for documentation"));
    QCOMPARE(p.state, PolicyState::Disabled);
    QCOMPARE(p.includeApplications, std::vector<std::string> { "All" });
    QCOMPARE(p.excludeApplications.size(), size_t(7));
    QVERIFY(std::find(p.excludeUsers.begin(), p.excludeUsers.end(), "GuestsOrExternalUsers") != p.excludeUsers.end());
    QCOMPARE(p.includeRoles.size(), size_t(3));
    QCOMPARE(p.signInRiskLevels, (std::vector<std::string> { "medium", "low" }));
    QCOMPARE(q(p.grantOperator), QStringLiteral("OR"));
    QCOMPARE(p.grant,
        uint16_t(Grant::Mfa | Grant::CompliantDevice | Grant::DomainJoinedDevice | Grant::ApprovedApplication
            | Grant::CompliantApplication | Grant::TermsOfUse));
    QCOMPARE(p.termsOfUse.size(), size_t(2));
    QCOMPARE(p.session, uint16_t(Session::CloudAppSecurity | Session::SignInFrequency));
    QCOMPARE(p.includeLocations, std::vector<std::string> { "AllTrusted" });
    QCOMPARE(p.excludeLocations.front(), std::string("00000000-0000-0000-0000-000000000000")); // MFA trusted IPs
}

void TestFixtures::namedLocations()
{
    const Loaded l = load(fixture(QStringLiteral("graph_v1_namedlocations_list_response.json")));
    QCOMPARE(l.reports[0].format, Format::NamedLocations);
    const auto& locs = l.dataset->namedLocations();
    QCOMPARE(locs.size(), size_t(3));
    QCOMPARE(locs[0].kind, NamedLocation::Kind::Ip);
    QCOMPARE(locs[0].isTrusted, false);
    QCOMPARE(locs[0].ranges.size(), size_t(2));
    QVERIFY(locs[0].ranges[1].contains(*IpAddress::parse("127.126.125.77")));
    QVERIFY(!locs[0].ranges[1].contains(*IpAddress::parse("127.126.124.77")));
    QCOMPARE(locs[1].kind, NamedLocation::Kind::Country);
    QCOMPARE(locs[1].countries, (std::vector<std::string> { "US", "CA" }));
    QCOMPARE(locs[2].isTrusted, true);
    // "…:9d62/48" has host bits set: the range is the /48 network.
    QVERIFY(locs[2].ranges[0].contains(*IpAddress::parse("2001:4898:80e8::1")));
    QVERIFY(locs[2].ranges[0].contains(*IpAddress::parse("2001:4898:80e8:ffff::1")));
    QVERIFY(!locs[2].ranges[0].contains(*IpAddress::parse("2001:4898:80e9::1")));
}

void TestFixtures::whatIfResponseIsPolicies()
{
    const Loaded l = load(fixture(QStringLiteral("graph_v1_whatif_evaluate_response_example1.json")));
    QCOMPARE(l.reports[0].format, Format::Policies);
    const auto& ps = l.dataset->policies();
    QCOMPARE(ps.size(), size_t(2));
    QCOMPARE(q(ps[1].id), QStringLiteral("37d51c45-8c60-4f82-98e0-6e1451cecf7c"));
    QCOMPARE(ps[1].state, PolicyState::ReportOnly);
    QCOMPARE(ps[1].grant, uint16_t(Grant::Mfa | Grant::PasswordChange));
    QCOMPARE(q(ps[1].grantOperator), QStringLiteral("AND"));
}

void TestFixtures::whatIfRequestIsNotEvidence()
{
    const Loaded l = load(fixture(QStringLiteral("graph_v1_whatif_evaluate_request_example1.json")));
    QCOMPARE(l.reports[0].format, Format::Unknown);
    QVERIFY2(l.reports[0].error.contains(QLatin1String("What-If request")), qPrintable(l.reports[0].error));
}

void TestFixtures::portalCsvHeaderOnly()
{
    const Loaded l = load(fixture(QStringLiteral("portal_signins_interactive_header_57cols.csv")));
    QCOMPARE(l.reports[0].format, Format::PortalCsv);
    QCOMPARE(l.reports[0].records, uint64_t(0));
    QVERIFY(l.reports[0].error.isEmpty());
    QVERIFY(l.reports[0].warnings.join(QLatin1Char(' ')).contains(QLatin1String("not which policy failed")));
}

void TestFixtures::wholeFolder()
{
    const Loaded l = load(fixture(QString()));
    // SOURCES.md and the What-If request are passed over; everything else loads.
    int readable = 0;
    for (const auto& r : l.reports)
        if (r.error.isEmpty()) ++readable;
    QCOMPARE(readable, 8);
    QCOMPARE(l.dataset->signInCount(), size_t(1 + 1 + 2 + 1));
    QCOMPARE(l.dataset->policies().size(), size_t(3));
    QCOMPARE(l.dataset->namedLocations().size(), size_t(3));
}

QTEST_GUILESS_MAIN(TestFixtures)
#include "tst_fixtures.moc"
