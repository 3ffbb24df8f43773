// SPDX-License-Identifier: MIT
// Issue 14 items 4 and 12 at the level of exporter::OutputFile / OutputSet: regular files only, OS errors named,
// the temporary file created exclusively, and a set that says which of its files were written.
#include "export/outputfile.h"
#include "export/outputpaths.h"
#include "export/outputset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace calens::exporter;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool isFifo(const QString& path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

} // namespace

class TestOutputFile : public QObject
{
    Q_OBJECT
private slots:
    void fifoRefused();
    void symlinkToRegularFileWritesTheTarget();
    void writeErrorNamesOsError();
    void temporaryFileIsPrivateAndRemoved();
    void setSaysWhichFilesWereWritten();
    void checkOutputPathsNamesTheProblem();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestOutputFile::fifoRefused()
{
    const QString fifo = path(QStringLiteral("fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QString error;
    QVERIFY(!writeFileAtomically(fifo, "data", &error));
    QVERIFY2(error.startsWith(fifo) && error.contains(QLatin1String("a FIFO")), qPrintable(error));
    QVERIFY(isFifo(fifo));
    OutputFile gz;
    QVERIFY(!gz.open(fifo, &error));
    QVERIFY(isFifo(fifo));
}

void TestOutputFile::symlinkToRegularFileWritesTheTarget()
{
    const QString target = path(QStringLiteral("target.txt")), link = path(QStringLiteral("link.txt"));
    QVERIFY(QFile::link(target, link)); // dangling at first
    QString error;
    QVERIFY2(writeFileAtomically(link, "one", &error), qPrintable(error));
    QCOMPARE(readAll(target), QByteArray("one"));
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY2(writeFileAtomically(link, "two", &error), qPrintable(error));
    QCOMPARE(readAll(target), QByteArray("two"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestOutputFile::writeErrorNamesOsError()
{
    // A file-size limit fails writes with EFBIG, as a full disk fails them with ENOSPC.
    const QString target = path(QStringLiteral("limited.txt"));
    QVERIFY(writeFileAtomically(target, "old", nullptr));
    struct rlimit old;
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = old;
    limited.rlim_cur = 4096;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    QString error;
    const bool ok = writeFileAtomically(target, QByteArray(100000, 'x'), &error);
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(target) && error.contains(QLatin1String("File too large")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("Unknown error")));
    QCOMPARE(readAll(target), QByteArray("old"));
}

void TestOutputFile::temporaryFileIsPrivateAndRemoved()
{
    const QString target = path(QStringLiteral("private/out.json"));
    OutputFile file;
    QString error;
    QVERIFY2(file.open(target, &error), qPrintable(error));
    const QStringList temps = QDir(path(QStringLiteral("private"))).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(temps.size(), 1);
    QVERIFY2(temps.first().startsWith(QLatin1String(".out.json.calens-part-")), qPrintable(temps.first()));
    file.buffer() = "{}";
    QVERIFY(file.commit(&error));
    QCOMPARE(QDir(path(QStringLiteral("private"))).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("out.json") });
    {
        OutputFile abandoned;
        QVERIFY(abandoned.open(target, &error));
        abandoned.buffer() = "half";
    } // destroyed without commit: the target stays, the temporary goes
    QCOMPARE(readAll(target), QByteArray("{}"));
    QCOMPARE(QDir(path(QStringLiteral("private"))).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestOutputFile::setSaysWhichFilesWereWritten()
{
    const QString a = path(QStringLiteral("set-a")), b = path(QStringLiteral("set-b"));
    OutputSet set;
    QString error;
    QVERIFY(set.add(a, "A", &error) && set.add(b, "B", &error));
    // A FIFO appears where the second file goes, after it was written: it is not replaced, and the message says
    // that the first file was.
    QVERIFY(::mkfifo(QFile::encodeName(b).constData(), 0600) == 0);
    QVERIFY(!set.publish(&error));
    QVERIFY2(error.contains(b) && error.contains(QLatin1String("already written: ") + a), qPrintable(error));
    QCOMPARE(readAll(a), QByteArray("A"));
    QVERIFY(isFifo(b));
}

void TestOutputFile::checkOutputPathsNamesTheProblem()
{
    const QString in = path(QStringLiteral("in.json"));
    QVERIFY(writeFileAtomically(in, "{}", nullptr));
    QVERIFY(checkOutputPaths({ { QStringLiteral("-o"), path(QStringLiteral("new.pdf")) } }, { in }).isEmpty());
    QVERIFY(checkOutputPaths({ { QStringLiteral("-o"), in } }, { in }).contains(QLatin1String("is also an input")));
    QVERIFY(checkOutputPaths({ { QStringLiteral("-o"), m_dir.path() } }, {}).contains(QLatin1String("a folder")));
    QVERIFY(checkOutputPaths({ { QStringLiteral("-o"), m_dir.path(), true } }, {}).isEmpty());
    QVERIFY(checkOutputPaths({ { QStringLiteral("-o"), path(QStringLiteral("x")) },
                                 { QStringLiteral("--json"), path(QStringLiteral("x")) } },
        {})
                .contains(QLatin1String("named by both -o and --json")));
}

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
