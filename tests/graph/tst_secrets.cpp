// SPDX-License-Identifier: MIT
// No secret ever on disk or on the console: a full client-secret session and a full device-code session of
// `calens fetch` against the Graph emulator, with HOME, XDG_* and TMPDIR pointed at one temporary folder, then
// `calens report` (unredacted) on what was fetched. Every file written there, and every process's stdout and
// stderr, is searched for the client secret and for every access and refresh token the emulator issued.
#include "emulatorprocess.h"
#include "support/testpaths.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using calens::test::EmulatorProcess;

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QProcessEnvironment m_env;
    const QString m_secret = QStringLiteral("calens-secret-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<Run> m_runs; // every process's output, scanned at the end
    QStringList m_fetched;

    Run run(const QStringList& args)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.setWorkingDirectory(m_root.filePath(QStringLiteral("work")));
        p.start(calens::test::calensBinary(), args);
        Run r;
        if (!p.waitForFinished(calens::test::kHangGuardMs)) {
            p.kill();
            p.waitForFinished();
        } else {
            r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        }
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        m_runs << r;
        return r;
    }

    QStringList fetchArgs(const EmulatorProcess& emu, const QString& out, const QStringList& how) const
    {
        return QStringList { QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
            QStringLiteral("--client-id"), QStringLiteral("11111111-2222-3333-4444-555555555555"),
            QStringLiteral("--authority-url"), emu.url(), QStringLiteral("--graph-url"), emu.url(),
            QStringLiteral("--since"), QStringLiteral("2026-10-02T00:00:00Z"), QStringLiteral("--until"),
            QStringLiteral("2026-10-05T00:00:00Z"), QStringLiteral("-o"), out }
        + how;
    }

    // The needles: each secret as written, and the forms a careless writer might use instead.
    static QList<QByteArray> forms(const QByteArray& s)
    {
        return { s, s.toBase64(), s.toPercentEncoding(), QByteArray(s).replace('-', "\\u002d") };
    }

    static QString findIn(const QByteArray& haystack, const QList<QByteArray>& needles)
    {
        for (const QByteArray& n : needles)
            if (haystack.contains(n)) return QString::fromLatin1(n.left(24)) + QStringLiteral("...");
        return {};
    }

    QList<QByteArray> m_needles;

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (const char* d : { "home", "config", "cache", "data", "tmp", "work" })
            QVERIFY(QDir(m_root.path()).mkpath(QLatin1String(d)));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_root.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root.filePath(QStringLiteral("cache")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("data")));
        m_env.insert(QStringLiteral("TMPDIR"), m_root.filePath(QStringLiteral("tmp")));
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_env.insert(QStringLiteral("CALENS_TEST_CLIENT_SECRET"), m_secret);
    }

    void sessions()
    {
        EmulatorProcess emu({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--sign-ins"),
            QStringLiteral("600"), QStringLiteral("--client-secret"), m_secret, QStringLiteral("--interval"),
            QStringLiteral("0"), QStringLiteral("--fault"), QStringLiteral("expire:after=2:count=1") });
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));

        const QString secretOut = m_root.filePath(QStringLiteral("work/secret.json"));
        const Run s = run(fetchArgs(
            emu, secretOut, { QStringLiteral("--client-secret-env"), QStringLiteral("CALENS_TEST_CLIENT_SECRET") }));
        QVERIFY2(s.code == 0, s.err.constData());

        const QString deviceOut = m_root.filePath(QStringLiteral("work/device.json"));
        const Run d = run(fetchArgs(emu, deviceOut, { QStringLiteral("--device-code") }));
        QVERIFY2(d.code == 0, d.err.constData());
        QVERIFY(d.err.contains("enter the code"));
        m_fetched = { secretOut, deviceOut };

        const QJsonArray tokens = QJsonDocument::fromJson(emu.get(QStringLiteral("/_emulator/tokens"))).array();
        QVERIFY2(tokens.size() >= 3, "an access token per session, a refresh token, and one after expiry");
        bool refresh = false;
        for (const QJsonValue& t : tokens) {
            const QByteArray token = t.toString().toLatin1();
            QVERIFY(token.size() >= 16);
            refresh |= token.startsWith("emu-rt-");
            m_needles << forms(token);
        }
        QVERIFY2(refresh, "the device-code session got a refresh token");
        m_needles << forms(m_secret.toLatin1());
    }

    void reports()
    {
        QVERIFY(!m_fetched.isEmpty());
        for (const QString& in : m_fetched) {
            const QString base = m_root.filePath(QStringLiteral("work/") + QFileInfo(in).baseName());
            const Run r = run({ QStringLiteral("report"), in, QStringLiteral("-o"), base + QStringLiteral(".pdf"),
                QStringLiteral("--html"), base + QStringLiteral(".html"), QStringLiteral("--json"),
                base + QStringLiteral(".report.json") });
            QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
            if (r.code != 0) continue;
            QVERIFY(QFileInfo(base + QStringLiteral(".html")).size() > 0);
            // PDF text streams are compressed: search the text poppler extracts as well.
            const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
            if (!pdftotext.isEmpty())
                QCOMPARE(
                    QProcess::execute(pdftotext, { base + QStringLiteral(".pdf"), base + QStringLiteral(".txt") }), 0);
        }
    }

    void nothingLeaks()
    {
        QVERIFY(!m_needles.isEmpty());
        QVERIFY(!findIn("x" + m_secret.toLatin1().toBase64() + "x", m_needles).isEmpty()); // the search works
        for (const Run& r : std::as_const(m_runs)) {
            QVERIFY2(findIn(r.out, m_needles).isEmpty(), qPrintable(findIn(r.out, m_needles)));
            QVERIFY2(findIn(r.err, m_needles).isEmpty(), qPrintable(findIn(r.err, m_needles)));
        }
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QString hit = findIn(f.readAll(), m_needles);
            QVERIFY2(hit.isEmpty(), qPrintable(path + QStringLiteral(": ") + hit));
            ++files;
        }
        QVERIFY(files >= 4); // two fetch files and at least one report
        qInfo("%d files, %d needles, %d runs", files, int(m_needles.size()), int(m_runs.size()));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
