// SPDX-License-Identifier: MIT
// The command table: a mistyped command is named with the closest one (not taken as a file for the window), the
// window without a display says so instead of aborting in Qt, and every command's help names the command.
#include "support/testpaths.h"

#include <QProcess>
#include <QTest>

using calens::test::CliRun;
using calens::test::runCalens;

class TestCommandsCli : public QObject
{
    Q_OBJECT
private slots:
    void mistypedCommand_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("meant");
        QTest::newRow("British spelling") << "analyse"
                                          << "analyze";
        QTest::newRow("missing letter") << "diagnos"
                                        << "diagnose";
        QTest::newRow("prefix") << "key"
                                << "keychain";
        QTest::newRow("nothing close") << "frobnicate"
                                       << "";
    }
    void mistypedCommand()
    {
        QFETCH(QString, typed);
        QFETCH(QString, meant);
        const CliRun r = runCalens({ typed, QStringLiteral("x.json") });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QByteArray("unknown command '" + typed.toUtf8() + "'")), r.err.constData());
        if (meant.isEmpty())
            QVERIFY2(!r.err.contains("did you mean"), r.err.constData());
        else
            QVERIFY2(r.err.contains(QByteArray("did you mean '" + meant.toUtf8() + "'")), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void windowWithoutADisplay()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(QString::fromLatin1(name));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CALENS_BINARY), { QStringLiteral("no-such-export.json") });
        QVERIFY(p.waitForFinished(calens::test::kHangGuardMs));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // not Qt's platform-plugin abort
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("no display"));
    }

    void helpNamesTheCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        for (const char* c :
            { "analyze", "diagnose", "whatif", "fetch", "fix", "keychain", "report", "synth", "la", "adx" })
            QTest::newRow(c) << QStringList { QString::fromLatin1(c), QStringLiteral("--help") }
                             << QStringLiteral("Usage: calens %1 ").arg(QString::fromLatin1(c));
        QTest::newRow("replay") << QStringList { QStringLiteral("whatif"), QStringLiteral("--replay"),
            QStringLiteral("--help") }
                                << QStringLiteral("Usage: calens whatif --replay ");
    }
    void helpNamesTheCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        const CliRun r = runCalens(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(usage.toUtf8()), r.out.left(80).constData());
    }
};

QTEST_GUILESS_MAIN(TestCommandsCli)
#include "tst_commands_cli.moc"
