// SPDX-License-Identifier: MIT
// Every format, both ways: the synthetic tenant written in format X and read back is the same dataset,
// as far as X carries it.
#include "export/writers.h"
#include "ingest/timestamp.h"
#include "support/loader.h"
#include "synth/synthesize.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace calens;
using namespace calens::test;

namespace {

// What a format does not carry, by design of the real export it mirrors.
struct Carries
{
    std::set<SF> missingText;
    bool policies = true; // per-policy results
    bool risk = true;
    bool network = true;
    bool msi = true;
    bool device = true;
};

Carries carried(Format f)
{
    Carries c;
    switch (f) {
    case Format::PortalCsv:
        // The portal CSV has no per-policy, risk, network-location or device-name columns.
        // "Managed Identity type" is blank on user rows: the sign-in type still says who is a managed identity.
        c.policies = c.risk = c.network = c.msi = false;
        c.missingText = { SF::OriginalRequestId, SF::DeviceName, SF::RiskDetail, SF::RiskEventTypes, SF::NetworkNames,
            SF::AuthContextRefs, SF::MsiAssociatedResourceId, SF::ServicePrincipalName, SF::ServicePrincipalId,
            SF::AdditionalDetails };
        break;
    case Format::LaCsv:
    case Format::LaJson:
        // The SigninLogs schema has no managed-identity or client-credential columns.
        c.msi = false;
        c.missingText = { SF::MsiAssociatedResourceId, SF::ClientCredentialType, SF::IncomingTokenType };
        break;
    default:
        break;
    }
    return c;
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formats_data();
    void formats();
    void directoryFiles();

private:
    Dataset m_source;
    QTemporaryDir m_dir;
};

void TestRoundTrip::initTestCase()
{
    SynthOptions options;
    options.seed = 3;
    options.signIns = 600;
    synthesize(options, m_source);
    QVERIFY(m_dir.isValid());
}

void TestRoundTrip::formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("name");
    for (const char* f : { "graph-json", "portal-json", "portal-csv", "la-csv", "la-json", "diag-records", "diag-jsonl",
             "powershell-json" }) {
        const QString format = QString::fromLatin1(f);
        const QString ext = format.endsWith(QLatin1String("csv")) ? QStringLiteral("csv") : QStringLiteral("json");
        QTest::newRow(f) << format << QStringLiteral("out-%1.%2").arg(format, ext);
        QTest::newRow(qPrintable(format + QStringLiteral(".gz")))
            << format << QStringLiteral("out-%1.%2.gz").arg(format, ext);
    }
    QTest::newRow("diag-jsonl tree") << QStringLiteral("diag-jsonl") << QStringLiteral("insights-tree");
    QTest::newRow("portal-csv folder") << QStringLiteral("portal-csv") << QStringLiteral("portal-folder");
}

void TestRoundTrip::formats()
{
    QFETCH(QString, format);
    QFETCH(QString, name);
    const Format f = *formatFromName(format.toStdString());
    const QString path = m_dir.filePath(name);
    QString error;
    QVERIFY2(writeSignIns(m_source, f, path, &error), qPrintable(error));

    const Loaded l = load(path);
    for (const InputReport& r : l.reports) {
        QVERIFY2(r.error.isEmpty(), qPrintable(r.path + QStringLiteral(": ") + r.error));
        QCOMPARE(q(formatName(r.format)), format); // detected from content, whatever the name
        QCOMPARE(r.skipped, uint64_t(0));
        QVERIFY(!r.truncated);
    }
    const Dataset& back = *l.dataset;
    QCOMPARE(back.signInCount(), m_source.signInCount());
    QCOMPARE(l.duplicates, uint64_t(0));
    const Carries c = carried(f);

    for (uint32_t row = 0; row < m_source.signInCount(); ++row) {
        const SignInRef a = m_source.signIn(row);
        const uint32_t other = back.findById(a.str(SF::Id));
        QVERIFY2(other != UINT32_MAX, a.str(SF::Id).data());
        const SignInRef b = back.signIn(other);
        const QString where = format + QStringLiteral(" sign-in ") + q(a.str(SF::Id)) + QStringLiteral(" ");
        // The portal's application and managed-identity downloads have 22-24 columns, not the users' 57.
        const bool workloadCsv = f == Format::PortalCsv
            && (a.type() == SignInType::ServicePrincipal || a.type() == SignInType::ManagedIdentity);
        static const std::set<SF> workloadColumns { SF::Id, SF::CorrelationId, SF::ServicePrincipalId,
            SF::ServicePrincipalName, SF::AppId, SF::AppDisplayName, SF::ResourceId, SF::ResourceDisplayName,
            SF::ResourceTenantId, SF::HomeTenantId, SF::IpAddress, SF::City, SF::State, SF::Country, SF::FailureReason,
            SF::MsiAssociatedResourceId };
        for (size_t fi = 0; fi < kStrFieldCount; ++fi) {
            const SF field = SF(fi);
            if (workloadCsv ? !workloadColumns.count(field) : c.missingText.count(field) > 0) continue;
            if (a.str(field) != b.str(field))
                QFAIL(qPrintable(where + q(fieldName(field)) + QStringLiteral(": '") + q(a.str(field))
                    + QStringLiteral("' came back as '") + q(b.str(field)) + QStringLiteral("'")));
        }
        QCOMPARE(b.createdMs(), a.createdMs());
        QCOMPARE(b.hasErrorCode(), a.hasErrorCode());
        QCOMPARE(b.errorCode(), a.errorCode());
        QCOMPARE(b.type(), a.type());
        QCOMPARE(b.caStatus(), a.caStatus());
        if (!workloadCsv) QCOMPARE(b.authRequirement(), a.authRequirement());
        if (c.device && !workloadCsv) {
            QCOMPARE(b.isCompliant(), a.isCompliant());
            QCOMPARE(b.isManaged(), a.isManaged());
        }
        if (c.risk) {
            QCOMPARE(b.riskDuringSignIn(), a.riskDuringSignIn());
            QCOMPARE(b.riskAggregated(), a.riskAggregated());
            QCOMPARE(b.riskState(), a.riskState());
        }
        if (c.network) QCOMPARE(b.networkTypes(), a.networkTypes());
        if (c.msi) QCOMPARE(b.msiType(), a.msiType());
        if (!c.policies) {
            QCOMPARE(b.policyDetail(), Tristate::Unset);
            continue;
        }
        QCOMPARE(b.policyDetail(), a.policyDetail());
        QCOMPARE(b.evals().size(), a.evals().size());
        for (size_t i = 0; i < a.evals().size(); ++i) {
            const PolicyEval& x = a.evals()[i];
            const PolicyEval& y = b.evals()[i];
            QCOMPARE(q(b.policyId(y)), q(a.policyId(x)));
            QCOMPARE(q(b.policyName(y)), q(a.policyName(x)));
            QCOMPARE(y.result, x.result);
            QCOMPARE(y.grant, x.grant);
            QCOMPARE(y.session, x.session);
            QCOMPARE(y.sessionNotSatisfied, x.sessionNotSatisfied);
            QCOMPARE(y.conditionsSatisfied, x.conditionsSatisfied);
            QCOMPARE(y.conditionsNotSatisfied, x.conditionsNotSatisfied);
            QCOMPARE(y.authStrengthResult, x.authStrengthResult);
            QCOMPARE(q(b.authStrengthId(y)), q(a.authStrengthId(x)));
            QCOMPARE(b.customGrants(y).size(), a.customGrants(x).size());
            const auto ia = a.includeRules(x), ib = b.includeRules(y);
            QCOMPARE(ib.size(), ia.size());
            for (size_t k = 0; k < ia.size(); ++k) {
                QCOMPARE(ib[k].condition, ia[k].condition);
                QCOMPARE(ib[k].rule, ia[k].rule);
            }
            QCOMPARE(b.excludeRules(y).size(), a.excludeRules(x).size());
        }
    }
}

void TestRoundTrip::directoryFiles()
{
    const QString policies = m_dir.filePath(QStringLiteral("policies.json"));
    const QString locations = m_dir.filePath(QStringLiteral("locations.json"));
    QString error;
    QVERIFY2(writePolicies(m_source, policies, &error), qPrintable(error));
    QVERIFY2(writeNamedLocations(m_source, locations, &error), qPrintable(error));
    const Loaded l = load(QStringList { policies, locations });
    QCOMPARE(l.reports[0].format, Format::Policies);
    QCOMPARE(l.reports[1].format, Format::NamedLocations);
    const auto& pa = m_source.policies();
    const auto& pb = l.dataset->policies();
    QCOMPARE(pb.size(), pa.size());
    for (size_t i = 0; i < pa.size(); ++i) {
        QCOMPARE(q(pb[i].id), q(pa[i].id));
        QCOMPARE(q(pb[i].displayName), q(pa[i].displayName));
        QCOMPARE(pb[i].state, pa[i].state);
        QCOMPARE(pb[i].grant, pa[i].grant);
        QCOMPARE(pb[i].session, pa[i].session);
        QCOMPARE(pb[i].includeUsers, pa[i].includeUsers);
        QCOMPARE(pb[i].excludeUsers, pa[i].excludeUsers);
        QCOMPARE(pb[i].includeApplications, pa[i].includeApplications);
        QCOMPARE(pb[i].includeLocations, pa[i].includeLocations);
        QCOMPARE(pb[i].excludeLocations, pa[i].excludeLocations);
        QCOMPARE(pb[i].includeServicePrincipals, pa[i].includeServicePrincipals);
        QCOMPARE(pb[i].signInRiskLevels, pa[i].signInRiskLevels);
    }
    const auto& la = m_source.namedLocations();
    const auto& lb = l.dataset->namedLocations();
    QCOMPARE(lb.size(), la.size());
    for (size_t i = 0; i < la.size(); ++i) {
        QCOMPARE(q(lb[i].id), q(la[i].id));
        QCOMPARE(lb[i].kind, la[i].kind);
        QCOMPARE(lb[i].isTrusted, la[i].isTrusted);
        QCOMPARE(lb[i].ranges.size(), la[i].ranges.size());
        QCOMPARE(lb[i].countries, la[i].countries);
    }
    // The graph-json fetch file carries them too, beside the sign-ins.
    const QString fetch = m_dir.filePath(QStringLiteral("fetch.json"));
    QVERIFY(writeSignIns(m_source, Format::GraphJson, fetch, &error));
    const Loaded f = load(fetch);
    QCOMPARE(f.dataset->policies().size(), pa.size());
    QCOMPARE(f.dataset->namedLocations().size(), la.size());
    QCOMPARE(f.dataset->servicePrincipals().size(), m_source.servicePrincipals().size());
    QCOMPARE(f.reports[0].records, uint64_t(m_source.signInCount()));
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
