// SPDX-License-Identifier: MIT
#include "export/writers.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace calens;
using nlohmann::json;

namespace {

constexpr Format kFormats[] = { Format::GraphJson, Format::PortalJson, Format::PortalCsv, Format::LaCsv, Format::LaJson,
    Format::DiagRecords, Format::DiagJsonl, Format::PowershellJson };

QString fmtName(Format f)
{
    return QString::fromLatin1(formatName(f).data(), qsizetype(formatName(f).size()));
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A digest of a file, or of every file below a folder (relative names included).
QByteArray digest(const QString& path)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (QFileInfo(path).isDir()) {
        QStringList files;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) files << it.next();
        files.sort();
        for (const QString& f : files) {
            h.addData(QDir(path).relativeFilePath(f).toUtf8());
            h.addData(readAll(f));
        }
    } else {
        h.addData(readAll(path));
    }
    return h.result();
}

json parseJson(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
    return json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

const CaPolicy* policyById(const Dataset& d, std::string_view id)
{
    for (const CaPolicy& p : d.policies())
        if (p.id == id) return &p;
    return nullptr;
}

bool inTrustedLocation(const Dataset& d, std::string_view ipText)
{
    const auto ip = IpAddress::parse(ipText);
    if (!ip) return false;
    for (const NamedLocation& l : d.namedLocations())
        if (l.isTrusted)
            for (const IpRange& r : l.ranges)
                if (r.contains(*ip)) return true;
    return false;
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT

private:
    Dataset m_data; // seed 1, 2000 sign-ins (the demo tenant)

private slots:
    void initTestCase()
    {
        SynthOptions o;
        synthesize(o, m_data);
    }

    void directory()
    {
        QCOMPARE(m_data.signInCount(), size_t(2000));
        QVERIFY(m_data.policies().size() >= 24);
        bool reportOnly = false, disabled = false, workload = false, strength = false, location = false;
        for (const CaPolicy& p : m_data.policies()) {
            const json j = json::parse(p.json);
            QCOMPARE(QString::fromStdString(j.at("id").get<std::string>()), QString::fromStdString(p.id));
            QCOMPARE(QString::fromStdString(j.at("state").get<std::string>()), QString::fromStdString(p.stateText));
            reportOnly |= p.state == PolicyState::ReportOnly;
            disabled |= p.state == PolicyState::Disabled;
            workload |= !p.includeServicePrincipals.empty();
            strength |= p.authStrengthId == "00000000-0000-0000-0000-000000000004";
            location |= !p.excludeLocations.empty() && p.excludeLocations.front() == "AllTrusted";
        }
        QVERIFY(reportOnly && disabled && workload && strength && location);
        bool v6 = false, country = false, untrusted = false;
        for (const NamedLocation& l : m_data.namedLocations()) {
            QVERIFY(json::parse(l.json).is_object());
            for (const IpRange& r : l.ranges) v6 |= r.v6;
            country |= l.kind == NamedLocation::Kind::Country;
            untrusted |= l.kind == NamedLocation::Kind::Ip && !l.isTrusted;
        }
        QVERIFY(v6 && country && untrusted);
        QVERIFY(m_data.servicePrincipals().size() >= 6);
    }

    void signInShape()
    {
        std::set<std::string_view> ids;
        int types[5] = {};
        size_t blocked = 0;
        for (uint32_t r = 0; r < m_data.signInCount(); ++r) {
            const SignInRef s = m_data.signIn(r);
            QCOMPARE(s.evals().size(), m_data.policies().size());
            QVERIFY(ids.insert(s.str(SF::Id)).second);
            ++types[int(s.type())];
            bool anyFailure = false;
            for (const PolicyEval& e : s.evals()) anyFailure |= e.result == PolicyResult::Failure;
            if (anyFailure) QCOMPARE(s.caStatus(), CaStatus::Failure);
            if (s.errorCode() == 53003) ++blocked;
            QVERIFY(s.createdMs() >= SynthOptions().startMs);
            QVERIFY(s.createdMs() < SynthOptions().startMs + 14 * 86400000LL);
            if (s.type() == SignInType::ManagedIdentity) QVERIFY(s.msiType() != MsiType::None);
        }
        for (int t = 0; t < 4; ++t) QVERIFY(types[t] > 50);
        QVERIFY2(blocked >= 60 && blocked <= 120, qPrintable(QString::number(blocked)));
    }

    void everyCauseIsPresent()
    {
        // Counted the way the contract defines each cause, from the data alone.
        QMap<QString, int> n;
        for (uint32_t r = 0; r < m_data.signInCount(); ++r) {
            const SignInRef s = m_data.signIn(r);
            if (s.errorCode() != 0 && s.errorCode() != 53003 && s.errorCode() != 53002) ++n[QStringLiteral("not-ca")];
            if (s.errorCode() == 53002) ++n[QStringLiteral("approved-app")];
            if (s.errorCode() != 53003) continue;
            const PolicyEval* failing = nullptr;
            for (const PolicyEval& e : s.evals())
                if (e.result == PolicyResult::Failure) failing = &e;
            if (!failing) {
                ++n[QStringLiteral("unknown")];
                continue;
            }
            const CaPolicy* p = policyById(m_data, s.policyId(*failing));
            QVERIFY(p);
            const uint16_t g = failing->grant;
            const bool workload
                = s.type() == SignInType::ServicePrincipal || s.str(SF::UserPrincipalName).starts_with("svc-");
            const bool risky
                = !p->signInRiskLevels.empty() || !p->userRiskLevels.empty() || !p->servicePrincipalRiskLevels.empty();
            if ((g & (Grant::CompliantDevice | Grant::DomainJoinedDevice)) && s.isCompliant() != Tristate::True)
                ++n[QStringLiteral("device")];
            if ((g & Grant::Mfa) && s.type() == SignInType::NonInteractiveUser) ++n[QStringLiteral("mfa-nonint")];
            if (!p->excludeLocations.empty() && !inTrustedLocation(m_data, s.str(SF::IpAddress)))
                ++n[QStringLiteral("location")];
            if ((g & Grant::Block) && p->includeLocations.empty() && !risky && workload)
                ++n[QStringLiteral("workload")];
            if (risky && (s.riskDuringSignIn() == RiskLevel::High || s.riskAggregated() == RiskLevel::High))
                ++n[QStringLiteral("risk")];
            if ((g & Grant::Block) && p->includeLocations.empty() && !risky && !workload) ++n[QStringLiteral("block")];
            if (g & Grant::ApprovedApplication) ++n[QStringLiteral("approved-app")];
            if (failing->authStrengthResult == AuthStrengthResult::CannotSatisfy) ++n[QStringLiteral("strength")];
            if (g & Grant::TermsOfUse) ++n[QStringLiteral("tou")];
        }
        for (const char* cause : { "device", "mfa-nonint", "location", "workload", "risk", "block", "approved-app",
                 "strength", "tou", "unknown", "not-ca" })
            QVERIFY2(n.value(QString::fromLatin1(cause)) > 0, cause);
        // A tiny tenant still gets every cause.
        Dataset small;
        SynthOptions o;
        o.signIns = 40;
        synthesize(o, small);
        int blocked = 0;
        for (uint32_t r = 0; r < small.signInCount(); ++r) blocked += small.signIn(r).errorCode() == 53003;
        QVERIFY(blocked >= 9);
    }

    void deterministicBytes_data()
    {
        QTest::addColumn<int>("format");
        for (Format f : kFormats) QTest::newRow(qPrintable(fmtName(f))) << int(f);
    }
    void deterministicBytes()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        QByteArray digests[3];
        const uint64_t seeds[3] = { 7, 7, 8 };
        for (int i = 0; i < 3; ++i) {
            Dataset d;
            SynthOptions o;
            o.seed = seeds[i];
            o.signIns = 150;
            synthesize(o, d);
            const QString path = dir.filePath(QStringLiteral("run%1").arg(i));
            QString error;
            QVERIFY2(writeSignIns(d, Format(format), path, &error), qPrintable(error));
            digests[i] = digest(path);
        }
        QCOMPARE(digests[0], digests[1]);
        QVERIFY(digests[0] != digests[2]);
    }

    void wellFormed()
    {
        Dataset d;
        SynthOptions o;
        o.signIns = 120;
        synthesize(o, d);
        QTemporaryDir dir;
        QString error;
        auto write = [&](Format f, const QString& name, const WriteOptions& opts = {}) {
            const QString path = dir.filePath(name);
            if (!writeSignIns(d, f, path, &error, opts)) qWarning("%s", qPrintable(error));
            return path;
        };

        const QByteArray graphBytes = readAll(write(Format::GraphJson, QStringLiteral("g.json")));
        QVERIFY(graphBytes.startsWith(
            "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":["));
        const json graph = parseJson(graphBytes);
        QCOMPARE(graph.at("value").size(), size_t(120));
        QCOMPARE(graph.at("policies").size(), d.policies().size());
        QCOMPARE(graph.at("namedLocations").size(), d.namedLocations().size());
        QCOMPARE(graph.at("servicePrincipals").size(), d.servicePrincipals().size());
        const json& first = graph.at("value").at(0);
        QCOMPARE(first.at("appliedConditionalAccessPolicies").size(), d.policies().size());
        QVERIFY(first.at("appliedConditionalAccessPolicies").at(0).at("conditionsSatisfied").is_string());
        QVERIFY(first.at("status").at("errorCode").is_number());

        QVERIFY(parseJson(readAll(write(Format::PortalJson, QStringLiteral("p.json")))).is_array());

        const json records = parseJson(readAll(write(Format::DiagRecords, QStringLiteral("d.json"))));
        const json& rec = records.at("records").at(0);
        QVERIFY(rec.at("resultType").is_string());
        QVERIFY(
            rec.at("properties").at("appliedConditionalAccessPolicies").at(0).at("conditionsSatisfied").is_number());
        QVERIFY(rec.at("properties").at("createdDateTime").get<std::string>().ends_with("+00:00"));

        const QString tree = write(Format::DiagJsonl, QStringLiteral("blobs"));
        int lines = 0;
        QDirIterator it(tree, { QStringLiteral("PT1H.json") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            QVERIFY(f.contains(QLatin1String("/insights-logs-")) && f.contains(QLatin1String("/tenantId=")));
            for (const QByteArray& line : readAll(f).split('\n'))
                if (!line.isEmpty()) {
                    QVERIFY(parseJson(line).contains("properties"));
                    ++lines;
                }
        }
        QCOMPARE(lines, 120);

        const json la = parseJson(readAll(write(Format::LaJson, QStringLiteral("la.json"))));
        const json& table = la.at("tables").at(0);
        QCOMPARE(table.at("columns").size(), size_t(76));
        for (const json& row : table.at("rows")) {
            QCOMPARE(row.size(), size_t(76));
            QVERIFY(row.at(75).get<std::string>().find("SignIn") != std::string::npos
                || row.at(75).get<std::string>() == "SigninLogs");
        }

        const QByteArray laCsv = readAll(write(Format::LaCsv, QStringLiteral("la.csv")));
        const QByteArray laHeader = readAll(test::fixture(QStringLiteral("la_signinlogs_kql_export_2rows.csv")));
        QCOMPARE(laCsv.left(laCsv.indexOf("\r\n")), laHeader.left(laHeader.indexOf('\n')));

        const QString csvDir = write(Format::PortalCsv, QStringLiteral("portal"));
        const QStringList csvs = QDir(csvDir).entryList(QDir::Files, QDir::Name);
        QCOMPARE(csvs.size(), 4);
        const QByteArray header
            = readAll(test::fixture(QStringLiteral("portal_signins_interactive_header_57cols.csv")));
        for (const QString& f : csvs) {
            const QByteArray bytes = readAll(QDir(csvDir).filePath(f));
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF\"Date (UTC)\""));
            if (f.startsWith(QLatin1String("InteractiveSignIns_")) || f.startsWith(QLatin1String("NonInteractive")))
                QCOMPARE(bytes.mid(3, bytes.indexOf("\r\n") - 3), header.trimmed());
        }

        WriteOptions shallow;
        shallow.psDepth = 2;
        const QByteArray ps2 = readAll(write(Format::PowershellJson, QStringLiteral("ps2.json"), shallow));
        const QByteArray ps10 = readAll(write(Format::PowershellJson, QStringLiteral("ps10.json")));
        const QByteArray typeName
            = "\"Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppliedConditionalAccessPolicy\"";
        QVERIFY(ps2.contains(typeName));
        QVERIFY(!ps10.contains(typeName));
        QVERIFY(ps10.contains("\"UserPrincipalName\":  \""));
        QCOMPARE(parseJson(ps2).size(), size_t(120));
        QCOMPARE(parseJson(ps10).at(0).at("AppliedConditionalAccessPolicies").size(), d.policies().size());

        const QByteArray gz = readAll(write(Format::GraphJson, QStringLiteral("g.json.gz")));
        QVERIFY(gz.startsWith("\x1f\x8b"));

        QVERIFY(writePolicies(d, dir.filePath(QStringLiteral("pol.json")), &error));
        QCOMPARE(parseJson(readAll(dir.filePath(QStringLiteral("pol.json")))).at("value").size(), d.policies().size());
        QVERIFY(writeNamedLocations(d, dir.filePath(QStringLiteral("nl.json")), &error));
        QVERIFY(parseJson(readAll(dir.filePath(QStringLiteral("nl.json"))))
                    .at("@odata.context")
                    .get<std::string>()
                    .ends_with("namedLocations"));
    }

    void unwritablePath()
    {
        Dataset d;
        SynthOptions o;
        o.signIns = 5;
        synthesize(o, d);
        QString error;
        QVERIFY(!writeSignIns(d, Format::GraphJson, QStringLiteral("/proc/calens-nope/x.json"), &error));
        QVERIFY(error.startsWith(QLatin1String("/proc/calens-nope/x.json")));
        QVERIFY(!writeSignIns(d, Format::Policies, QStringLiteral("/tmp/x.json"), &error));
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
