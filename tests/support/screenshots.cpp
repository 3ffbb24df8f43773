// SPDX-License-Identifier: MIT
// Writes the README's screenshots: every view and the wizard on the demo tenant, and the Sign-ins view
// while a bigger export is still loading.
// Usage: calens_screenshots OUTDIR   (offscreen or under Xvfb)
#include "export/formatwriters.h"
#include "loadworker.h"
#include "session/datasession.h"
#include "synth/synthesize.h"
#include "ui/mainwindow.h"
#include "ui/wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <iterator>
#include <mutex>

using namespace calens;

// The Sign-ins view with the first 1,500 sign-ins of a 4,000 sign-in export read: the reader is held
// there (LoadWorker's read gate) so the picture shows the loading state every time.
static bool loadingShot(const QDir& out)
{
    QTemporaryDir dir;
    Dataset export4000;
    SynthOptions o;
    o.signIns = 4000;
    o.seed = 7;
    synthesize(o, export4000);
    const QString file = dir.filePath(QStringLiteral("SignIns_2026-10.json"));
    if (!exporter::writeGraphJson(export4000, file, nullptr)) return false;
    struct Gate
    {
        std::mutex mutex;
        std::condition_variable released;
        bool open = false;
    };
    auto gate = std::make_shared<Gate>();
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.loader()->setReadGate([gate](qint64 n) {
        std::unique_lock lock(gate->mutex);
        if (n == 1500) gate->released.wait(lock, [&] { return gate->open; });
    });
    QSignalSpy loaded(&window, &MainWindow::loaded);
    window.openPaths({ file });
    auto* table = window.findChild<QTableView*>(QStringLiteral("signInTableView"));
    const bool shown = QTest::qWaitFor([&] { return table->model()->rowCount() == 1500; }, 60000);
    QTest::qWait(2500); // the charts of a loading file follow every two seconds
    if (shown) window.grab().save(out.filePath(QStringLiteral("signins-loading.png")));
    {
        std::lock_guard lock(gate->mutex);
        gate->open = true;
    }
    gate->released.notify_all();
    return shown && loaded.wait(60000);
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QDir out(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots"));
    QDir().mkpath(out.path());
    MainWindow window;
    window.resize(1400, 900);
    window.show();
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
    return loadingShot(out) ? 0 : 1;
}
