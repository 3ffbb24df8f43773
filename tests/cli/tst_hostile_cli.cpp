// SPDX-License-Identifier: MIT
// The hostile-input corpus through `calens analyze --json`, as scripts meet it: exit 0 with the records and
// warnings, or exit 2 with exactly one stderr line naming the path and the reason; never a crash or a hang;
// bounded time and bounded memory of the child (its peak RSS from getrusage(RUSAGE_CHILDREN)).
#include "support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>

using namespace calens::test;

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run analyze(const QString& path)
{
    QProcess p;
    p.start(calensBinary(), { QStringLiteral("analyze"), path, QStringLiteral("--json") });
    Run r;
    if (!p.waitForFinished(kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
    } else {
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

long childPeakMiB()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_maxrss >> 10; // KiB on Linux
}

void checkRefused(const Run& r, const QString& path, const QString& message)
{
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QString line = QString::fromLocal8Bit(lines[0]);
    QVERIFY2(line.contains(path), qPrintable(line));
    QVERIFY2(message.isEmpty() || line.contains(message) || line.contains(QLatin1String("no record could be read")),
        qPrintable(line));
}

} // namespace

class TestHostileCli : public QObject
{
    Q_OBJECT
private slots:
    void corpus_data();
    void corpus();
    void hugeValue();
    void pipeAndLinkLoop();
    void growingFile();
};

void TestHostileCli::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<QString>("message");
    QFile f(testData(QStringLiteral("hostile/expected.tsv")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QList<QByteArray> c = line.split('\t');
        QTest::newRow(c[0].constData()) << QString::fromUtf8(c[0]) << c[1].toInt() << c[2].toInt()
                                        << (c.size() > 3 ? QString::fromUtf8(c[3]) : QString());
    }
}

void TestHostileCli::corpus()
{
    QFETCH(QString, file);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(QString, message);
    const QString path = testData(QStringLiteral("hostile/") + file);
    const Run r = analyze(path);
    if (records < 0) return checkRefused(r, path, message);
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonObject in = o.value(QStringLiteral("inputs")).toArray().at(0).toObject();
    QCOMPARE(in.value(QStringLiteral("records")).toInt(), records);
    QCOMPARE(in.value(QStringLiteral("skipped")).toInt(), skipped);
    QCOMPARE(o.value(QStringLiteral("signIns")).toInt(), records - in.value(QStringLiteral("duplicates")).toInt());
    QString warnings;
    for (const QJsonValue& w : in.value(QStringLiteral("warnings")).toArray())
        warnings += w.toString() + QLatin1Char('\n');
    QVERIFY2(warnings.contains(message), qPrintable(warnings));
    QVERIFY(childPeakMiB() < 600);
}

void TestHostileCli::hugeValue()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"id\":\"a\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"userAgent\":\"");
        f.write(QByteArray(100 << 20, 'u'));
        f.write("\"},{\"id\":\"b\",\"createdDateTime\":\"2026-10-01T00:00:00Z\"}]");
    }
    const Run r = analyze(path);
    QCOMPARE(r.code, 0);
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("signIns")).toInt() >= 1);
    QVERIFY2(
        childPeakMiB() < 600 * CALENS_SLOWDOWN, qPrintable(QString::number(childPeakMiB()))); // ~3.5x the value today
}

void TestHostileCli::pipeAndLinkLoop()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Run p = analyze(fifo); // used to wait forever for a writer
    checkRefused(p, fifo, QStringLiteral("not a regular file"));
    const QString loop = dir.filePath(QStringLiteral("loop.json"));
    QVERIFY(QFile::link(loop, loop));
    checkRefused(analyze(loop), loop, QStringLiteral("symbolic link"));
}

void TestHostileCli::growingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("growing.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    auto rec = [](int i) -> QByteArray {
        return "{\"id\":\"g-" + QByteArray::number(i) + "\",\"createdDateTime\":\"2026-10-01T00:00:00Z\"}\n";
    };
    for (int i = 0; i < 50000; ++i) f.write(rec(i));
    f.flush();
    QProcess p;
    p.start(calensBinary(), { QStringLiteral("analyze"), path, QStringLiteral("--json") });
    QVERIFY(p.waitForStarted());
    // Append while it reads, a bounded amount: the reader stops at the size it saw when it opened the file.
    int i = 50000;
    for (int batch = 0; p.state() != QProcess::NotRunning && batch < 400; ++batch) {
        for (int k = 0; k < 500; ++k) f.write(rec(i++));
        f.flush();
        p.waitForFinished(5);
    }
    QVERIFY2(p.state() == QProcess::NotRunning || p.waitForFinished(kHangGuardMs), "reading a growing file ends");
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const int n = out.value(QStringLiteral("signIns")).toInt();
    QVERIFY2(n >= 50000 && n <= i, qPrintable(QString::number(n)));
}

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostile_cli.moc"
