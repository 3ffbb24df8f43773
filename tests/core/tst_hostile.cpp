// SPDX-License-Identifier: MIT
// The hostile-input corpus (tests/data/hostile/, described by its expected.tsv) and the hostile cases too big
// or too odd to commit (100 MB values, 10^5-deep nesting, symlink loops, pipes, unreadable and growing files),
// made here in a temporary folder. Each: the documented outcome and message, the good records still counted,
// bounded time and bounded memory. tests/cli/tst_hostile_cli.cpp runs the same table through `calens analyze`.
#include "ingest/ingestjob.h"
#include "ingest/timestamp.h"
#include "support/loader.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace calens;
using namespace calens::test;

namespace {

constexpr qint64 kHugeValue = 100 << 20; // 100 MiB in one value

// Peak resident memory of this process so far (VmHWM), in MiB.
qint64 peakMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong() >> 10;
    return 0;
}

QString writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray rec(int i, const QByteArray& extra = {})
{
    return QByteArrayLiteral("{\"id\":\"h-") + QByteArray::number(i)
        + QByteArrayLiteral("\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"status\":{\"errorCode\":53003}") + extra
        + QByteArrayLiteral("}");
}

struct Expected
{
    QString file;
    int records = 0; // -1: refused
    int skipped = 0;
    QString message;
};

std::vector<Expected> table()
{
    QFile f(testData(QStringLiteral("hostile/expected.tsv")));
    if (!f.open(QIODevice::ReadOnly)) qFatal("no hostile/expected.tsv");
    std::vector<Expected> rows;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() < 3) qFatal("bad line in expected.tsv: %s", line.constData());
        rows.push_back({ QString::fromUtf8(cols[0]), cols[1].toInt(), cols[2].toInt(),
            cols.size() > 3 ? QString::fromUtf8(cols[3]) : QString() });
    }
    return rows;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void corpus_data();
    void corpus();
    void buffers_data() { corpus_data(); }
    void buffers();
    void everyFileIsListed();
    void numbersOutOfRange();
    void datesOutOfRange();
    void keysAndTypes();
    void huge_data();
    void huge();
    void deep_data();
    void deep();
    void symlinkLoops();
    void pipesAndDevices();
    void unreadableFile();
    void growingFile();

private:
    QTemporaryDir m_dir;
};

void TestHostile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestHostile::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QString>("message");
    for (const Expected& e : table())
        QTest::newRow(qPrintable(e.file)) << e.file << e.records << e.skipped << e.message;
}

static void check(const InputReport& r, const Dataset& data, int records, int skipped, const QString& message)
{
    const QString all = r.warnings.join(QLatin1Char('\n'));
    if (records < 0) {
        QVERIFY2(!r.error.isEmpty(), "refused with a reason");
        QVERIFY2(r.error.contains(message) || all.contains(message), qPrintable(r.error + QLatin1Char('\n') + all));
        QCOMPARE(data.signInCount(), size_t(0));
        return;
    }
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(int(r.records), records);
    QCOMPARE(int(r.skipped), skipped);
    QCOMPARE(data.signInCount(), size_t(r.records - r.duplicates)); // the good records are all there
    QVERIFY2(all.contains(message), qPrintable(all));
}

void TestHostile::corpus()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(QString, message);
    const Loaded l = load(testData(QStringLiteral("hostile/") + file));
    QCOMPARE(l.reports.size(), size_t(1));
    QVERIFY(l.reports[0].path.endsWith(file));
    check(l.reports[0], *l.dataset, records, skipped, message);
    if (!message.isEmpty() && records >= 0)
        QVERIFY2(l.reports[0].warnings.join(QLatin1Char(' ')).contains(file), "names the file");
}

// The same bytes through IngestJob::readBuffer (pasted exports, Graph pages, fuzzing): the same outcome.
void TestHostile::buffers()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(QString, message);
    QFile f(testData(QStringLiteral("hostile/") + file));
    QVERIFY(f.open(QIODevice::ReadOnly));
    Dataset data;
    IngestJob job(data);
    job.readBuffer(f.readAll(), file);
    QCOMPARE(job.reports().size(), size_t(1));
    check(job.reports()[0], data, records, skipped, message);
}

void TestHostile::everyFileIsListed()
{
    QStringList listed;
    for (const Expected& e : table()) listed << e.file;
    QStringList present = QDir(testData(QStringLiteral("hostile"))).entryList(QDir::Files, QDir::Name);
    present.removeAll(QStringLiteral("expected.tsv"));
    present.removeAll(QStringLiteral("generate.py"));
    listed.sort();
    QCOMPARE(listed, present);
    QVERIFY(listed.size() >= 40);
}

void TestHostile::numbersOutOfRange()
{
    // Out-of-range error codes never wrap into another, real-looking code; the record is kept.
    for (const char* name : { "errorcode-1e300.json", "errorcode-2pow63.json", "errorcode-int32-overflow.json" }) {
        const Loaded l = load(testData(QStringLiteral("hostile/") + QLatin1String(name)));
        const int32_t code = l.byId("h-2").errorCode();
        QVERIFY2(code == 0 || code == -1, name); // 0: not given
        QCOMPARE(l.byId("h-1").errorCode(), 53003);
    }
    QCOMPARE(load(testData(QStringLiteral("hostile/errorcode-negative.json"))).byId("h-2").errorCode(), -1);
    const Loaded csv = load(testData(QStringLiteral("hostile/errorcode-csv-huge.csv")));
    QVERIFY(csv.byId("r2").errorCode() != 53003);
    QCOMPARE(csv.byId("r3").errorCode(), 53003);
}

void TestHostile::datesOutOfRange()
{
    const Loaded y0 = load(testData(QStringLiteral("hostile/date-year0.json")));
    QCOMPARE(y0.byId("h-2").createdMs(), kNoTime); // there is no year 0
    const Loaded y9999 = load(testData(QStringLiteral("hostile/date-year9999.json")));
    QCOMPARE(q(formatIso(y9999.byId("h-2").createdMs())), QStringLiteral("9999-12-31T23:59:59.999Z"));
    const Loaded garbage = load(testData(QStringLiteral("hostile/date-garbage.json")));
    for (const char* id : { "h-2", "h-3", "h-4" }) QCOMPARE(garbage.byId(id).createdMs(), kNoTime);
    const Loaded ps = load(testData(QStringLiteral("hostile/date-ps-huge.json")));
    QCOMPARE(ps.byId("ps-1").createdMs(), kNoTime); // 20 digits of milliseconds: not a date
    QCOMPARE(q(formatIso(ps.byId("ps-2").createdMs())), QStringLiteral("0001-01-01T00:00:00Z"));
    const Loaded csv = load(testData(QStringLiteral("hostile/date-garbage.csv")));
    QCOMPARE(csv.byId("r2").createdMs(), kNoTime);
    QCOMPARE(csv.byId("r3").createdMs(), kNoTime);
}

void TestHostile::keysAndTypes()
{
    const Loaded dup = load(testData(QStringLiteral("hostile/duplicate-ids.json")));
    QCOMPARE(dup.dataset->signInCount(), size_t(2));
    QCOMPARE(dup.duplicates, uint64_t(1));
    const Loaded num = load(testData(QStringLiteral("hostile/wrong-type-id-number.json")));
    QCOMPARE(num.dataset->signInCount(), size_t(3)); // a numeric id is still an id
    const Loaded code = load(testData(QStringLiteral("hostile/wrong-type-errorcode-string.json")));
    QCOMPARE(code.byId("h-2").errorCode(), 53003); // "53003" as a string
}

void TestHostile::huge_data()
{
    QTest::addColumn<QByteArray>("prefix"); // then 100 MiB of `fill`, then `suffix`
    QTest::addColumn<char>("fill");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("records");
    const QByteArray r1 = rec(1), r3 = rec(3);
    QTest::newRow("string") << "[" + r1 + ",{\"id\":\"h-2\",\"userAgent\":\"" << 'a' << "\"}," + r3 + "]"
                            << QStringLiteral("string.json") << 3;
    QTest::newRow("number") << "[" + r1 + ",{\"id\":\"h-2\",\"status\":{\"errorCode\":" << '9' << "}}," + r3 + "]"
                            << QStringLiteral("number.json") << 3;
    QTest::newRow("key") << "[" + r1 + ",{\"id\":\"h-2\",\"" << 'k' << "\":1}," + r3 + "]" << QStringLiteral("key.json")
                         << 3;
    QTest::newRow("whitespace") << "[" + r1 + "," << ' ' << r3 + "]" << QStringLiteral("blank.json") << 2;
    QTest::newRow("jsonl line") << r1 + "\n{\"id\":\"h-2\",\"userAgent\":\"" << 'x' << "\"}\n" + r3 + "\n"
                                << QStringLiteral("line.jsonl") << 3;
    QTest::newRow("csv field") << QByteArray(
        "\"Date (UTC)\",\"Request ID\",\"Username\",\"Sign-in error code\"\n"
        "\"2026-10-01T08:00:00Z\",\"r1\",\"a@contoso.com\",\"53003\"\n\"2026-10-01T08:00:00Z\",\"r2\",\"")
                               << 'b'
                               << QByteArray(
                                      "\",\"53003\"\n\"2026-10-01T08:00:00Z\",\"r3\",\"c@contoso.com\",\"53003\"\n")
                               << QStringLiteral("field.csv") << 3;
}

void TestHostile::huge()
{
    QFETCH(QByteArray, prefix);
    QFETCH(char, fill);
    QFETCH(QByteArray, suffix);
    QFETCH(QString, name);
    QFETCH(int, records);
    const QString path = m_dir.filePath(name);
    {
        QByteArray content = prefix + QByteArray(kHugeValue, fill) + suffix;
        writeFile(path, content);
    }
    {
        const Loaded l = load(path);
        const InputReport& r = l.reports[0];
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        // The record with the huge value may be kept or skipped (with a warning), never the others.
        QVERIFY2(int(r.records) == records || (int(r.records) == records - 1 && r.skipped == 1),
            qPrintable(QStringLiteral("%1 records, %2 skipped: %3")
                           .arg(r.records)
                           .arg(r.skipped)
                           .arg(r.warnings.join(QLatin1Char('\n')))));
        QVERIFY(l.dataset->findById(name.endsWith(QLatin1String(".csv")) ? "r3" : "h-3") != UINT32_MAX);
    }
    QFile::remove(path);
    // A value is held at most a few times over (file bytes aside, nothing is read whole).
    QVERIFY2(peakMiB() < 900 * CALENS_SLOWDOWN, qPrintable(QString::number(peakMiB())));
}

void TestHostile::deep_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("message"); // in the error when records == -1
    const int depth = 100000;
    const QByteArray objects = QByteArray("{\"a\":").repeated(depth) + "1" + QByteArray(depth, '}');
    const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
    QTest::newRow("top-level arrays") << arrays << -1 << QString();
    QTest::newRow("top-level objects") << objects << -1 << QString();
    QTest::newRow("record is deep") << "[" + rec(1) + "," + objects + "," + rec(3) + "]" << 2 << QString();
    QTest::newRow("deep value") << "[" + rec(1) + "," + rec(2, ",\"status\":" + objects) + "," + rec(3) + "]" << 2
                                << QString();
    QTest::newRow("deep in policies") << "[" + rec(1) + ","
            + rec(2, ",\"appliedConditionalAccessPolicies\":[" + objects + "]")
            + "]" << 1 << QString();
    QTest::newRow("jsonl deep line") << rec(1) + "\n" + objects + "\n" + rec(3) + "\n" << 2 << QString();
    QTest::newRow("unclosed") << "[" + rec(1) + "," + QByteArray(depth, '[') << 1 << QString();
}

void TestHostile::deep()
{
    QFETCH(QByteArray, content);
    QFETCH(int, records);
    const QString path = writeFile(m_dir.filePath(QStringLiteral("deep.json")), content);
    const Loaded l = load(path);
    const InputReport& r = l.reports[0];
    if (records < 0) {
        QVERIFY2(!r.error.isEmpty() || r.records == 0, qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(l.dataset->signInCount(), size_t(0));
    } else {
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY2(int(r.records) >= records, qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(l.byId("h-1").errorCode(), 53003);
    }
}

void TestHostile::symlinkLoops()
{
    const QString root = m_dir.filePath(QStringLiteral("links"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/a")) && QDir().mkpath(root + QStringLiteral("/b")));
    writeFile(root + QStringLiteral("/a/one.json"), "[" + rec(1) + "]");
    QVERIFY(QFile::link(root + QStringLiteral("/b"), root + QStringLiteral("/a/to-b"))); // a -> b -> a
    QVERIFY(QFile::link(root + QStringLiteral("/a"), root + QStringLiteral("/b/to-a")));
    QVERIFY(QFile::link(root + QStringLiteral("/a/nowhere"), root + QStringLiteral("/a/dangling.json")));
    const QString self = root + QStringLiteral("/self.json");
    QVERIFY(QFile::link(self, self));
    const Loaded folder = load(root + QStringLiteral("/a"));
    QCOMPARE(folder.dataset->signInCount(), size_t(1));
    const Loaded direct = load(self);
    QCOMPARE(direct.reports.size(), size_t(1));
    QVERIFY2(direct.reports[0].error.contains(QLatin1String("symbolic links")), qPrintable(direct.reports[0].error));
}

void TestHostile::pipesAndDevices()
{
    // A FIFO with no writer: opening it for reading used to wait forever.
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString& path : { fifo, QStringLiteral("/dev/zero"), QStringLiteral("/dev/null") }) {
        const Loaded l = load(path);
        QVERIFY2(l.reports[0].error.contains(QLatin1String("not a regular file")), qPrintable(l.reports[0].error));
    }
    // In a folder, pipes are not files at all.
    const QString dir = m_dir.filePath(QStringLiteral("withpipe"));
    QVERIFY(QDir().mkpath(dir));
    QCOMPARE(::mkfifo(QFile::encodeName(dir + QStringLiteral("/p.json")).constData(), 0600), 0);
    writeFile(dir + QStringLiteral("/one.json"), "[" + rec(1) + "]");
    QCOMPARE(load(dir).dataset->signInCount(), size_t(1));
}

void TestHostile::unreadableFile()
{
    if (::geteuid() == 0) QSKIP("running as root (as CI does): chmod 000 does not stop root from reading");
    const QString path = writeFile(m_dir.filePath(QStringLiteral("locked.json")), "[" + rec(1) + "]");
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    const Loaded l = load(path);
    QVERIFY2(l.reports[0].error.contains(QLatin1String("Permission denied")), qPrintable(l.reports[0].error));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestHostile::growingFile()
{
    // Another program appends while the file is read: reading stops at the size the file had when it was
    // opened, keeps every record up to there and says that the file grew. The appending happens inside the
    // read (from its first progress report), so the outcome does not depend on timing.
    const QString path = m_dir.filePath(QStringLiteral("growing.jsonl"));
    QByteArray start;
    for (int i = 0; i < 20000; ++i) start += rec(i) + '\n';
    writeFile(path, start);
    QFile appender(path);
    QVERIFY(appender.open(QIODevice::Append));
    int appended = 0;
    Dataset dataset;
    IngestJob job(dataset);
    job.setProgress([&](uint64_t, uint64_t, const QString&) {
        for (int k = 0; k < 1000 && appended < 200000; ++k) appender.write(rec(20000 + appended++) + '\n');
        appender.flush();
    });
    job.addInputs({ path });
    job.run();
    QVERIFY2(appended > 0, "the file grew during the read");
    const InputReport& r = job.reports()[0];
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(int(r.records), 20000);
    QCOMPARE(dataset.signInCount(), size_t(20000));
    QVERIFY(dataset.findById("h-19999") != UINT32_MAX);
    QCOMPARE(dataset.findById("h-20000"), UINT32_MAX);
    QVERIFY2(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("grew while it was read")),
        qPrintable(r.warnings.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
