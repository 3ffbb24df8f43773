// SPDX-License-Identifier: MIT
// Writes the README's screenshots: every view, the Overview dock (empty and loaded) and the wizard on the demo
// tenant, and the Incidents view and the Overview in the dark palette.
// Usage: calens_screenshots OUTDIR   (offscreen or under Xvfb)
#include "session/datasession.h"
#include "ui/mainwindow.h"
#include "ui/views/incidentsview.h"
#include "ui/wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <iterator>

using namespace calens;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QDir out(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots"));
    QDir().mkpath(out.path());
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    QTest::qWait(300);
    dock->grab().save(out.filePath(QStringLiteral("overview-empty.png"))); // before anything is loaded
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openDemo();
    if (!loaded.wait(60000)) return 1;
    QTest::qWait(1500); // incidents cluster on a worker
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("viewTabs"));
    const char* names[]
        = { "signins", "policy-results", "policies", "named-locations", "incidents", "whatif", "replay" };
    window.setFilterText(QStringLiteral("error:ca"));
    window.applyFilterNow();
    QTest::qWait(800);
    for (int i = 0; i < tabs->count() && i < int(std::size(names)); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(300);
        window.grab().save(out.filePath(QStringLiteral("%1.png").arg(QLatin1String(names[i]))));
    }
    dock->grab().save(out.filePath(QStringLiteral("overview.png")));
    // The Incidents view and the Overview in the dark palette (the View menu's choice, restored afterwards).
    QAction* dark = nullptr;
    for (QAction* a : window.menuBar()->findChildren<QAction*>())
        if (a->text() == QLatin1String("Dark palette")) dark = a;
    if (dark) {
        const bool was = dark->isChecked();
        dark->setChecked(true);
        tabs->setCurrentWidget(window.incidentsView());
        QTest::qWait(300);
        window.grab().save(out.filePath(QStringLiteral("incidents-dark.png")));
        dock->grab().save(out.filePath(QStringLiteral("overview-dark.png")));
        dark->setChecked(was);
    }
    // The wizard on a scheduled refresh blocked by an MFA policy.
    const Dataset* d = window.dataset();
    for (uint32_t r = 0; r < d->signInCount(); ++r) {
        const SignInRef s = d->signIn(r);
        if (s.errorCode() != 53003 || s.type() != SignInType::NonInteractiveUser) continue;
        bool mfa = false;
        for (const PolicyEval& e : s.evals()) mfa |= e.result == PolicyResult::Failure && e.grant == Grant::Mfa;
        if (!mfa) continue;
        DiagnosisWizard wizard(window.session()->dataset(), r);
        wizard.show();
        QTest::qWait(300);
        wizard.grab().save(out.filePath(QStringLiteral("wizard-step.png")));
        for (int i = 0; i < wizard.stepPageCount(); ++i) wizard.next();
        QTest::qWait(200);
        wizard.grab().save(out.filePath(QStringLiteral("wizard-cause.png")));
        wizard.next();
        QTest::qWait(200);
        wizard.grab().save(out.filePath(QStringLiteral("wizard-fix.png")));
        break;
    }
    return 0;
}
