// SPDX-License-Identifier: MIT
// The window at 1024×700 and in a dark palette, measured on the real widgets (offscreen, demo tenant): the
// columns that say what happened are inside the viewport, the time range is not in a toolbar overflow, What-If
// shows its policy names without a horizontal scroll, the details pane's keys do not run into their values; in a
// dark palette the chart is dark and script colours and placeholders reach WCAG contrast 4.5.
#include "charts/timechart.h"
#include "session/datasession.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "views/signinsview.h"
#include "wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include <cmath>

using namespace calens;

namespace {

// WCAG 2 relative luminance and contrast, written out here so the test does not trust the app's own helper.
double luminance(const QColor& c)
{
    auto ch = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * ch(rgb.redF()) + 0.7152 * ch(rgb.greenF()) + 0.0722 * ch(rgb.blueF());
}
double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
// What a translucent colour looks like over its background.
QColor over(const QColor& fg, const QColor& bg)
{
    const double a = fg.alphaF();
    return QColor::fromRgbF(float(fg.redF() * a + bg.redF() * (1 - a)), float(fg.greenF() * a + bg.greenF() * (1 - a)),
        float(fg.blueF() * a + bg.blueF() * (1 - a)));
}

bool loadDemo(MainWindow& window)
{
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    return loaded.wait(test::kHangGuardMs);
}

int column(const QAbstractItemModel* model, const QString& header)
{
    for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == header) return c;
    return -1;
}

// A dark palette as a desktop theme hands it over: only the main roles set, the rest derived by Qt.
QPalette systemDarkPalette()
{
    QPalette p(QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return p;
}

DiagnosisWizard* wizardOnMfaBlock(MainWindow& window)
{
    const Dataset* d = window.dataset();
    for (uint32_t r = 0; r < d->signInCount(); ++r) {
        const SignInRef s = d->signIn(r);
        if (s.errorCode() != 53003 || s.type() != SignInType::NonInteractiveUser) continue;
        for (const PolicyEval& e : s.evals())
            if (e.result == PolicyResult::Failure && e.grant == Grant::Mfa) {
                QSignalSpy opened(&window, &MainWindow::wizardOpened);
                window.diagnose(int(r));
                return qobject_cast<DiagnosisWizard*>(opened.value(0).value(0).value<QWidget*>());
            }
    }
    return nullptr;
}

void showTabOf(MainWindow& window, QWidget* child)
{
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i)->isAncestorOf(child)) tabs->setCurrentIndex(i);
}

QWizardPage* goTo(DiagnosisWizard* wizard, const QString& page)
{
    for (int i = 0; i < 20 && wizard->currentPage()->objectName() != page; ++i) wizard->next();
    return wizard->currentPage()->objectName() == page ? wizard->currentPage() : nullptr;
}

} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void signInsAt1024x700();
    void whatIfAt1024x700();
    void detailsKeysBesideTheirValues();
    void wizardAndFixPageAt1024x700();
    void followsASystemDarkPalette();
    void ownDarkPaletteAndBack();

private:
    void checkDark(MainWindow& window, DiagnosisWizard* wizard);
    QPalette m_startPalette;
};

void TestLayouts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the Dark palette choice goes to a throwaway settings file
    QCoreApplication::setOrganizationName(QStringLiteral("calens-tests"));
    m_startPalette = QApplication::palette();
}

void TestLayouts::cleanup()
{
    QApplication::setPalette(m_startPalette);
}

void TestLayouts::signInsAt1024x700()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loadDemo(window));
    QCOMPARE(window.size(), QSize(1024, 700));
    QTableView* table = window.signInsView()->table();
    QVERIFY(table->model()->rowCount() > 0);
    // The columns that say what happened: time, who, which app, what the result was.
    for (const QString& header : { QStringLiteral("Time (UTC)"), QStringLiteral("Identity"),
             QStringLiteral("Application"), QStringLiteral("Error") }) {
        const int c = column(table->model(), header);
        QVERIFY2(c >= 0, qPrintable(header));
        const QRect cell = table->visualRect(table->model()->index(0, c));
        QVERIFY2(table->viewport()->rect().contains(cell),
            qPrintable(QStringLiteral("%1 at %2..%3, viewport %4 wide")
                           .arg(header)
                           .arg(cell.left())
                           .arg(cell.right())
                           .arg(table->viewport()->width())));
    }
    // The time is read whole.
    const int time = column(table->model(), QStringLiteral("Time (UTC)"));
    QVERIFY(table->columnWidth(time) >= static_cast<QAbstractItemView*>(table)->sizeHintForColumn(time));
    // The time range sits in the window, not in a toolbar's overflow menu.
    auto* range = window.findChild<QComboBox*>(QStringLiteral("timeRange"));
    QVERIFY(range->isVisible());
    const QRect inWindow(range->mapTo(&window, QPoint(0, 0)), range->size());
    QVERIFY2(window.rect().contains(inWindow), qPrintable(QStringLiteral("time range at x %1").arg(inWindow.x())));
    auto* filter = window.findChild<QWidget*>(QStringLiteral("filterEdit"));
    QVERIFY(filter->isVisible() && filter->width() >= 200);
    // The charts and the details stay, in proportion.
    QVERIFY(window.signInsView()->timeChart()->isVisible());
    QVERIFY(table->viewport()->height() >= 7 * table->verticalHeader()->defaultSectionSize());
}

void TestLayouts::whatIfAt1024x700()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(loadDemo(window));
    auto* results = window.findChild<QTableWidget*>(QStringLiteral("whatIfResults"));
    showTabOf(window, results);
    QTRY_VERIFY_WITH_TIMEOUT(results->rowCount() > 0, test::kHangGuardMs);
    QCoreApplication::processEvents();
    // The results get most of the width, and the policy names are there without scrolling sideways.
    QVERIFY2(results->width() >= window.width() * 45 / 100, qPrintable(QString::number(results->width())));
    QCOMPARE(results->horizontalScrollBar()->maximum(), 0);
    const QRect policy = results->visualRect(results->model()->index(0, 0));
    QVERIFY(results->viewport()->rect().contains(policy));
    QVERIFY2(policy.width() >= results->viewport()->width() / 3, qPrintable(QString::number(policy.width())));
    // A value cut short says all of itself in its tooltip.
    for (int r = 0; r < results->rowCount(); ++r)
        for (int c = 0; c < results->columnCount(); ++c) {
            const QTableWidgetItem* item = results->item(r, c);
            QVERIFY(item->toolTip().contains(item->text()));
        }
}

void TestLayouts::detailsKeysBesideTheirValues()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(loadDemo(window));
    // A sign-in with a named network: networkLocationDetails.networkNames is the longest key there is.
    QTableView* table = window.signInsView()->table();
    const Dataset* d = window.dataset();
    int select = -1;
    for (int r = 0; r < table->model()->rowCount() && select < 0; ++r) {
        const auto row = uint32_t(table->model()->index(r, 0).data(Qt::UserRole + 1).toInt());
        if (!d->signIn(row).str(SF::NetworkNames).empty()) select = r;
    }
    QVERIFY(select >= 0);
    table->setCurrentIndex(table->model()->index(select, 0));
    auto* details = window.findChild<QAbstractItemView*>(QStringLiteral("signInDetails"));
    QVERIFY2(details, "the details pane is a key/value view");
    QVERIFY(details->isVisible());
    const QAbstractItemModel* m = details->model();
    bool network = false;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex key = m->index(r, 0, parent), value = m->index(r, 1, parent);
            walk(key);
            if (value.data().toString().isEmpty()) continue;
            const QString label = key.data().toString();
            QVERIFY2(!label.contains(QLatin1Char('.')), qPrintable(label)); // words, not a Graph property path
            if (key.data(Qt::ToolTipRole).toString() == QLatin1String("networkLocationDetails.networkNames")) {
                network = true;
                if (auto* tree = qobject_cast<QTreeView*>(details)) tree->scrollTo(key);
                QCoreApplication::processEvents();
                const QRect k = details->visualRect(key), v = details->visualRect(value);
                QVERIFY(!k.isEmpty() && !v.isEmpty());
                QVERIFY2(k.right() < v.left(), qPrintable(QStringLiteral("%1 runs into its value").arg(label)));
                QVERIFY2(details->fontMetrics().horizontalAdvance(label) < k.width(), qPrintable(label));
            }
        }
    };
    walk({});
    QVERIFY(network);
    // A long value wraps onto a second line rather than being cut.
    const QModelIndex policies = m->index(m->rowCount() - 1, 0);
    QVERIFY(m->rowCount(policies) > 0);
    const QModelIndex first = m->index(0, 1, policies);
    const QRect cell = details->visualRect(first);
    QVERIFY(details->fontMetrics().horizontalAdvance(first.data().toString()) > cell.width()); // at 1024 px it is
    QVERIFY2(cell.height() >= 2 * details->fontMetrics().height(), qPrintable(first.data().toString()));
}

void TestLayouts::wizardAndFixPageAt1024x700()
{
    MainWindow window;
    window.resize(1024, 700);
    QVERIFY(loadDemo(window));
    DiagnosisWizard* wizard = wizardOnMfaBlock(window);
    QVERIFY(wizard);
    const QSize room(1024, 700 - 40); // a title bar
    wizard->resize(wizard->size().boundedTo(room));
    // No page widens the wizard past the screen (a long question in the header used to take it to 1306 px).
    for (int i = 0; i < 20 && wizard->currentPage()->objectName() != QLatin1String("fixesPage"); ++i) {
        QVERIFY2(wizard->width() <= room.width() && wizard->height() <= room.height(),
            qPrintable(QStringLiteral("%1: %2x%3")
                           .arg(wizard->currentPage()->objectName())
                           .arg(wizard->width())
                           .arg(wizard->height())));
        wizard->next();
    }
    QWizardPage* fixes = wizard->currentPage();
    QCOMPARE(fixes->objectName(), QStringLiteral("fixesPage"));
    QVERIFY(wizard->width() <= room.width() && wizard->height() <= room.height());
    auto* tabs = fixes->findChild<QTabWidget*>();
    QVERIFY(tabs && tabs->count() > 0);
    for (int i = 0; i < tabs->count(); ++i) {
        // A short title whole, the fix's full title in the tooltip: never a phrase cut off by "…".
        const QString title = tabs->tabText(i);
        QVERIFY2(!title.contains(QChar(0x2026)) && !title.endsWith(QLatin1String("...")), qPrintable(title));
        QVERIFY(tabs->tabToolTip(i).size() >= title.size());
        QVERIFY(tabs->tabBar()->tabRect(i).width() >= tabs->tabBar()->fontMetrics().horizontalAdvance(title));
    }
    // Every page has the same header: a title with a subtitle under it.
    for (int id : wizard->pageIds())
        QVERIFY2(!wizard->page(id)->subTitle().isEmpty(), qPrintable(wizard->page(id)->objectName()));
    wizard->close();
}

void TestLayouts::checkDark(MainWindow& window, DiagnosisWizard* wizard)
{
    QVERIFY(luminance(window.palette().color(QPalette::Base)) < 0.2);
    // The time chart is drawn on the dark palette, its labels readable on it.
    auto* view = window.signInsView()->timeChart()->findChild<QChartView*>();
    QVERIFY(view);
    const QImage shot = view->grab().toImage();
    const QColor background = shot.pixelColor(12, 10); // inside the chart, left of its title
    QVERIFY2(luminance(background) < 0.2, qPrintable(background.name()));
    QCOMPARE(shot.pixelColor(shot.width() - 12, 10), background);
    for (QAbstractAxis* axis : view->chart()->axes())
        QVERIFY2(
            contrast(axis->labelsBrush().color(), background) >= 4.5, qPrintable(axis->labelsBrush().color().name()));
    QVERIFY(contrast(view->chart()->titleBrush().color(), background) >= 4.5);

    // Placeholders (What-If's disagreements box) read at 4.5:1 on their base.
    auto* results = window.findChild<QTableWidget*>(QStringLiteral("whatIfResults"));
    showTabOf(window, results);
    for (auto* edit : results->parentWidget()->findChildren<QPlainTextEdit*>()) {
        const QPalette p = edit->palette();
        const QColor base = p.color(QPalette::Base);
        const double c = contrast(over(p.color(QPalette::PlaceholderText), base), base);
        QVERIFY2(c >= 4.5, qPrintable(QStringLiteral("placeholder contrast %1").arg(c)));
    }

    // Every colour of the fix script reads at 4.5:1 on the editor's base.
    QWizardPage* fixes = goTo(wizard, QStringLiteral("fixesPage"));
    QVERIFY(fixes);
    QCoreApplication::processEvents(); // a new highlighter colours on the next turn of the event loop
    const auto scripts = fixes->findChildren<QPlainTextEdit*>(QStringLiteral("fixScript"));
    QVERIFY(!scripts.isEmpty());
    int coloured = 0;
    for (QPlainTextEdit* script : scripts) {
        const QColor base = script->palette().color(QPalette::Base);
        QVERIFY(luminance(base) < 0.2);
        for (QTextBlock b = script->document()->begin(); b.isValid(); b = b.next())
            for (const QTextLayout::FormatRange& f : b.layout()->formats()) {
                if (!f.format.hasProperty(QTextFormat::ForegroundBrush)) continue;
                ++coloured;
                const QColor fg = f.format.foreground().color();
                QVERIFY2(contrast(fg, base) >= 4.5,
                    qPrintable(
                        QStringLiteral("%1 on %2 (%3)").arg(fg.name(), base.name(), b.text().mid(f.start, f.length))));
            }
    }
    QVERIFY(coloured > 0);
}

void TestLayouts::followsASystemDarkPalette()
{
    QApplication::setPalette(systemDarkPalette());
    MainWindow window; // opened after the desktop went dark: keeps its palette
    window.resize(1024, 700);
    window.show();
    QVERIFY(loadDemo(window));
    DiagnosisWizard* wizard = wizardOnMfaBlock(window);
    QVERIFY(wizard);
    checkDark(window, wizard);
    wizard->close();
}

void TestLayouts::ownDarkPaletteAndBack()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(loadDemo(window));
    QAction* dark = nullptr;
    for (QAction* a : window.menuBar()->findChildren<QAction*>())
        if (a->text() == QLatin1String("Dark palette")) dark = a;
    QVERIFY(dark);
    QVERIFY(!dark->isChecked());
    DiagnosisWizard* wizard = wizardOnMfaBlock(window);
    QVERIFY(wizard);
    QVERIFY(goTo(wizard, QStringLiteral("fixesPage")));
    dark->setChecked(true); // changed while the window and the wizard are open: the chart and the script follow
    QCoreApplication::processEvents();
    checkDark(window, wizard);
    wizard->close();
    dark->setChecked(false);
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::palette().color(QPalette::Base), m_startPalette.color(QPalette::Base));
}

QTEST_MAIN(TestLayouts)
#include "tst_layouts.moc"
