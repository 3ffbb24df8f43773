// SPDX-License-Identifier: MIT
// The window loads inputs and the demo tenant off the UI thread and shows them.
#include "support/testpaths.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace calens;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensFixtureFolder();
    void opensDemoTenant();
};

void TestMainWindow::opensFixtureFolder()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openPaths({ test::fixture(QString()) });
    QVERIFY(loaded.wait(30000));
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 5);
    auto* details = window.findChild<QPlainTextEdit*>();
    QVERIFY(details && !details->toPlainText().isEmpty()); // the first row is selected and shown
    auto* summary = window.findChild<QTextBrowser*>();
    QVERIFY(summary->toPlainText().contains(QLatin1String("5 sign-ins")));
    QVERIFY(summary->toPlainText().contains(QLatin1String("What-If request"))); // passed-over inputs are explained
}

void TestMainWindow::opensDemoTenant()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(window.dataset()->signInCount(), size_t(2000));
    auto* summary = window.findChild<QTextBrowser*>();
    QVERIFY(summary->toPlainText().contains(QLatin1String("blocked by Conditional Access")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
