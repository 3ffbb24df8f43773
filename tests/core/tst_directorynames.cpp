// SPDX-License-Identifier: MIT
// The Policies view names what the data can name: no GUID where the tenant's data holds a name.
#include "query/directorytablemodels.h"
#include "synth/synthesize.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QTest>

#include <numeric>

using namespace calens;

class TestDirectoryNames : public QObject
{
    Q_OBJECT
private slots:
    void policiesAreReadInNames();
};

void TestDirectoryNames::policiesAreReadInNames()
{
    Dataset d;
    SynthOptions o;
    o.seed = 1;
    synthesize(o, d);
    std::vector<uint32_t> all(d.signInCount());
    std::iota(all.begin(), all.end(), 0u);
    PolicyTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(PolicyTableModel::computeRows(d, all));
    auto row = [&](const char* prefix) {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, PolicyTableModel::Name).data().toString().startsWith(QLatin1String(prefix))) return r;
        return -1;
    };
    const QRegularExpression guid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    // Service principals listed by id are named from the tenant's service principals.
    const QString ca011 = model.index(row("CA011"), PolicyTableModel::Includes).data().toString();
    QVERIFY2(!ca011.contains(guid), qPrintable(ca011));
    QVERIFY2(ca011.contains(QLatin1String("service principals:")), qPrintable(ca011));
    QVERIFY(model.index(row("CA014"), PolicyTableModel::Includes)
                .data()
                .toString()
                .contains(QLatin1String("all service principals of the tenant")));
    // The grant reads as controls; a custom control by its name; the state in the admin center's words.
    QCOMPARE(model.index(row("CA020"), PolicyTableModel::Grant).data().toString(),
        QStringLiteral("custom control 'RequireDuoMfa'"));
    QCOMPARE(model.index(row("CA016"), PolicyTableModel::Grant).data().toString(),
        QStringLiteral("multifactor authentication"));
    QCOMPARE(model.index(row("CA017"), PolicyTableModel::State).data().toString(), QStringLiteral("Report-only"));
    // Built-in roles by name (their template ids are the same in every tenant).
    const QString ca008 = model.index(row("CA008"), PolicyTableModel::Includes).data().toString();
    QVERIFY2(ca008.contains(QLatin1String("Global Administrator"))
            && ca008.contains(QLatin1String("Security Administrator")) && !ca008.contains(guid),
        qPrintable(ca008));
    // Ids the data cannot name say what they are.
    const QString ca016 = model.index(row("CA016"), PolicyTableModel::Excludes).data().toString();
    QVERIFY2(ca016.contains(QLatin1String("group ")), qPrintable(ca016));
}

QTEST_GUILESS_MAIN(TestDirectoryNames)
#include "tst_directorynames.moc"
