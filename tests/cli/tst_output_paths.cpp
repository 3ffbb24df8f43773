// SPDX-License-Identifier: MIT
// Issue 14 item 4 (and 12): outputs of `report`, `synth` and `fetch` never replace a device node or a FIFO,
// never overwrite an input, never share one file, name the OS error when writing fails, and a report set is
// replaced together or not at all. Device nodes are made inside a temporary folder (mknod, as root): the
// machine's own /dev/null and /dev/full are never used as targets.
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace calens::test;

namespace {

QString fileType(const QString& path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) return QStringLiteral("missing");
    if (S_ISCHR(st.st_mode)) return QStringLiteral("char %1:%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
    if (S_ISFIFO(st.st_mode)) return QStringLiteral("fifo");
    if (S_ISLNK(st.st_mode)) return QStringLiteral("symlink");
    if (S_ISREG(st.st_mode)) return QStringLiteral("file");
    return QStringLiteral("other");
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

// One line on stderr that names the path, exit 2.
void checkRefused(const CliRun& r, const QString& path, const char* why)
{
    QVERIFY2(r.code == 2, r.err.constData());
    int lines = 0; // Qt's own start-up notes (QStandardPaths) are not calens's
    for (const QByteArray& line : r.err.split('\n')) lines += line.startsWith("calens");
    QVERIFY2(lines == 1, r.err.constData());
    QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains(why), r.err.constData());
}

} // namespace

class TestOutputPaths : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fifoIsNeverReplaced_data();
    void fifoIsNeverReplaced();
    void deviceNodeIsNeverReplaced_data();
    void deviceNodeIsNeverReplaced();
    void outputThatIsAnInput();
    void twoOutputsOnOneFile();
    void writeErrorNamesTheOsError();
    void plantedTemporaryLinkIsNotFollowed();
    void reportSetIsReplacedTogether();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QStringList reportArgs(const QString& pdf) const
    {
        return { QStringLiteral("report"), m_input, QStringLiteral("-o"), pdf };
    }
    // The files the folder holds besides the ones named, hidden temporaries included.
    QStringList leftovers(const QStringList& expected) const
    {
        QStringList out;
        for (const QString& f :
            QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
            if (!expected.contains(f)) out << f;
        return out;
    }
    QTemporaryDir m_dir;
    QString m_input;
};

void TestOutputPaths::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_input = path(QStringLiteral("tenant.json"));
    const CliRun r = runCalens({ QStringLiteral("synth"), QStringLiteral("--seed"), QStringLiteral("3"),
        QStringLiteral("--sign-ins"), QStringLiteral("300"), QStringLiteral("-o"), m_input });
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestOutputPaths::fifoIsNeverReplaced_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("report -o") << "-o";
    QTest::newRow("report --html") << "--html";
    QTest::newRow("report --json") << "--json";
    QTest::newRow("synth -o") << "synth -o";
    QTest::newRow("synth --policies-out") << "synth --policies-out";
    QTest::newRow("fetch -o") << "fetch -o";
}

void TestOutputPaths::fifoIsNeverReplaced()
{
    QFETCH(QString, option);
    const QString fifo = path(QStringLiteral("out.fifo"));
    QFile::remove(fifo);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QStringList args;
    if (option.startsWith(QLatin1String("synth"))) {
        args = { QStringLiteral("synth"), QStringLiteral("--sign-ins"), QStringLiteral("10"), QStringLiteral("-o"),
            option == QLatin1String("synth -o") ? fifo : path(QStringLiteral("s.json")) };
        if (option != QLatin1String("synth -o")) args << QStringLiteral("--policies-out") << fifo;
    } else if (option.startsWith(QLatin1String("fetch"))) {
        args = { QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("t"),
            QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--client-secret-env"),
            QStringLiteral("CALENS_NO_SUCH_VAR"), QStringLiteral("-o"), fifo };
    } else {
        args = reportArgs(option == QLatin1String("-o") ? fifo : path(QStringLiteral("r.pdf")));
        if (option != QLatin1String("-o")) args << option << fifo;
    }
    checkRefused(runCalens(args), fifo, "not a regular file (a FIFO)");
    QCOMPARE(fileType(fifo), QStringLiteral("fifo"));
    QVERIFY(!QFile::exists(path(QStringLiteral("r.pdf"))));
}

void TestOutputPaths::deviceNodeIsNeverReplaced_data()
{
    QTest::addColumn<int>("minorNumber");
    QTest::newRow("like /dev/null (1:3)") << 3;
    QTest::newRow("like /dev/full (1:7)") << 7;
}

void TestOutputPaths::deviceNodeIsNeverReplaced()
{
    QFETCH(int, minorNumber);
    const QString node = path(QStringLiteral("device-%1").arg(minorNumber));
    if (!QFile::exists(node)
        && ::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, unsigned(minorNumber))) != 0)
        QSKIP("mknod needs root (CAP_MKNOD); the FIFO cases cover the rest");
    const QString expected = QStringLiteral("char 1:%1").arg(minorNumber);
    for (const QStringList& extra : { QStringList {}, QStringList { QStringLiteral("--json"), node },
             QStringList { QStringLiteral("--html"), node } }) {
        const QStringList args = reportArgs(extra.isEmpty() ? node : path(QStringLiteral("r.pdf"))) + extra;
        checkRefused(runCalens(args), node, "not a regular file (a character device)");
        QCOMPARE(fileType(node), expected);
    }
    // Through a symlink too.
    const QString link = path(QStringLiteral("link-to-device"));
    QFile::remove(link);
    QVERIFY(QFile::link(node, link));
    checkRefused(runCalens({ QStringLiteral("synth"), QStringLiteral("--sign-ins"), QStringLiteral("10"),
                     QStringLiteral("-o"), link }),
        link, "a character device");
    QCOMPARE(fileType(node), expected);
    QCOMPARE(fileType(link), QStringLiteral("symlink"));
}

void TestOutputPaths::outputThatIsAnInput()
{
    const QByteArray before = readAll(m_input);
    for (const QString& option : { QStringLiteral("-o"), QStringLiteral("--json"), QStringLiteral("--html") }) {
        QStringList args = reportArgs(option == QLatin1String("-o") ? m_input : path(QStringLiteral("r.pdf")));
        if (option != QLatin1String("-o")) args << option << m_input;
        checkRefused(runCalens(args), m_input, "is also an input");
    }
    // Named another way, and a file read from an input folder.
    const QString folder = path(QStringLiteral("in"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(m_input, folder + QStringLiteral("/export.json")));
    checkRefused(runCalens({ QStringLiteral("report"), folder, QStringLiteral("-o"),
                     folder + QStringLiteral("/./export.json") }),
        QStringLiteral("export.json"), "is also an input");
    QCOMPARE(readAll(folder + QStringLiteral("/export.json")), before);
    QCOMPARE(readAll(m_input), before);
}

void TestOutputPaths::twoOutputsOnOneFile()
{
    const QString out = path(QStringLiteral("same.out"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("sub"))));
    checkRefused(runCalens(reportArgs(out) << QStringLiteral("--html") << out), out, "named by both -o and --html");
    checkRefused(
        runCalens(reportArgs(out) << QStringLiteral("--json") << m_dir.path() + QStringLiteral("/sub/../same.out")),
        QStringLiteral("same.out"), "named by both");
    QVERIFY(!QFile::exists(out));
    checkRefused(runCalens({ QStringLiteral("synth"), QStringLiteral("--sign-ins"), QStringLiteral("10"),
                     QStringLiteral("-o"), out, QStringLiteral("--policies-out"), out }),
        out, "named by both");
}

void TestOutputPaths::writeErrorNamesTheOsError()
{
    // A file-size limit makes writes fail with EFBIG the way a full disk fails with ENOSPC (SIGXFSZ ignored,
    // as an inherited disposition, so the write returns the error instead of killing the process).
    const QString pdf = path(QStringLiteral("limited.pdf"));
    writeFile(pdf, "old report");
    QProcess p;
    p.start(QStringLiteral("/bin/bash"),
        { QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 4; exec \"$@\""), QStringLiteral("calens"),
            calensBinary(), QStringLiteral("report"), m_input, QStringLiteral("-o"), pdf });
    QVERIFY(p.waitForFinished(kHangGuardMs));
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.contains(pdf.toUtf8()) && err.contains("File too large"), err.constData());
    QVERIFY2(!err.contains("Unknown error"), err.constData());
    QCOMPARE(readAll(pdf), QByteArray("old report"));
    QVERIFY2(leftovers({}).filter(QStringLiteral("calens-part")).isEmpty(),
        qPrintable(leftovers({}).join(QLatin1Char(' '))));
    // The exporters (synth) the same way.
    p.start(QStringLiteral("/bin/bash"),
        { QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 4; exec \"$@\""), QStringLiteral("calens"),
            calensBinary(), QStringLiteral("synth"), QStringLiteral("-o"), path(QStringLiteral("big.json")) });
    QVERIFY(p.waitForFinished(kHangGuardMs));
    const QByteArray synthErr = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(synthErr.contains("File too large"), synthErr.constData());
    QVERIFY(!QFile::exists(path(QStringLiteral("big.json"))));
}

void TestOutputPaths::plantedTemporaryLinkIsNotFollowed()
{
    // Someone who can write to the folder plants the temporary name an older version used, pointing at a
    // file of the victim's; the export must neither write through it nor remove the victim.
    const QString victim = path(QStringLiteral("victim.txt"));
    writeFile(victim, "precious");
    const QString out = path(QStringLiteral("planted.json"));
    QVERIFY(QFile::link(victim, out + QStringLiteral(".calens-part")));
    const CliRun r = runCalens(
        { QStringLiteral("synth"), QStringLiteral("--sign-ins"), QStringLiteral("10"), QStringLiteral("-o"), out });
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(readAll(victim), QByteArray("precious"));
    QCOMPARE(fileType(out), QStringLiteral("file"));
    QVERIFY(readAll(out).startsWith("{"));
}

void TestOutputPaths::reportSetIsReplacedTogether()
{
    const QString pdf = path(QStringLiteral("set.pdf")), html = path(QStringLiteral("set.html"));
    const QString json = path(QStringLiteral("set.json"));
    for (const QString& f : { pdf, html, json }) writeFile(f, "old");
    // The JSON cannot be written (its folder is missing): no file of the set changes.
    const QString badJson = path(QStringLiteral("missing/set.json"));
    const CliRun r
        = runCalens(reportArgs(pdf) << QStringLiteral("--html") << html << QStringLiteral("--json") << badJson);
    QVERIFY2(
        r.code == 2 && r.err.contains("missing/set.json") && r.err.contains("no file was written"), r.err.constData());
    for (const QString& f : { pdf, html, json }) QCOMPARE(readAll(f), QByteArray("old"));
    // All three when all can be written.
    const CliRun ok
        = runCalens(reportArgs(pdf) << QStringLiteral("--html") << html << QStringLiteral("--json") << json);
    QVERIFY2(ok.code == 0, ok.err.constData());
    QVERIFY(readAll(pdf).startsWith("%PDF-") && readAll(html).contains("<html") && readAll(json).startsWith("{"));
}

QTEST_GUILESS_MAIN(TestOutputPaths)
#include "tst_output_paths.moc"
