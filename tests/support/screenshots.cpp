// SPDX-License-Identifier: MIT
// Writes the README's screenshots: every view, the Overview dock (empty and loaded), the wizard's pages, the fix
// dialog and "Paste an error…" on the demo tenant, the Sign-ins view while a bigger export is still loading; without
// --dark also the Incidents view and the Overview in the View menu's dark palette. Usage: calens_screenshots OUTDIR
// [--size WxH] [--dark]   (offscreen or under Xvfb; default 1400x900, light)
// --dark gives the application the Fusion style and a dark palette before the window opens, as a dark desktop
// theme would: the window follows it like any system palette.
#include "export/formatwriters.h"
#include "loadworker.h"
#include "session/datasession.h"
#include "synth/synthesize.h"
#include "ui/fix/fixdialog.h"
#include "ui/mainwindow.h"
#include "ui/paste/pasteerrordialog.h"
#include "ui/theme.h"
#include "ui/views/incidentsview.h"
#include "ui/wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <iterator>
#include <mutex>

using namespace calens;

namespace {

struct Options
{
    QString out = QStringLiteral("docs/screenshots");
    QSize size { 1400, 900 };
    bool dark = false;
};

bool parse(const QStringList& args, Options& o)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--dark")) {
            o.dark = true;
        } else if (a == QLatin1String("--size") && i + 1 < args.size()) {
            const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(args[++i]);
            if (!m.hasMatch()) return false;
            o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
        } else if (!a.startsWith(QLatin1Char('-'))) {
            o.out = a;
        } else {
            return false;
        }
    }
    return true;
}

void save(QWidget* w, const QDir& out, const QString& name)
{
    QTest::qWait(300);
    w->grab().save(out.filePath(name + QStringLiteral(".png")));
}

// The wizard on a scheduled refresh blocked by an MFA policy: a question, the cause, the fixes, the check,
// and the fix dialog of the first fix CA Lens can plan.
void wizardShots(MainWindow& window, const Options& o, const QDir& out)
{
    const Dataset* d = window.dataset();
    for (uint32_t r = 0; r < d->signInCount(); ++r) {
        const SignInRef s = d->signIn(r);
        if (s.errorCode() != 53003 || s.type() != SignInType::NonInteractiveUser) continue;
        bool mfa = false;
        for (const PolicyEval& e : s.evals()) mfa |= e.result == PolicyResult::Failure && e.grant == Grant::Mfa;
        if (!mfa) continue;
        DiagnosisWizard wizard(window.session()->dataset(), r);
        wizard.resize(wizard.size().boundedTo(o.size));
        wizard.show();
        save(&wizard, out, QStringLiteral("wizard-step"));
        for (int i = 0; i < wizard.stepPageCount(); ++i) wizard.next();
        save(&wizard, out, QStringLiteral("wizard-cause"));
        wizard.next();
        save(&wizard, out, QStringLiteral("wizard-fix"));
        wizard.next();
        save(&wizard, out, QStringLiteral("wizard-verify"));
        for (const auto& fix : wizard.diagnosis().fixes)
            if (FixDialog* dialog = fix.change ? wizard.openFixDialog(fix) : nullptr) {
                dialog->resize(dialog->size().boundedTo(o.size));
                save(dialog, out, QStringLiteral("fix-dialog"));
                dialog->close();
                break;
            }
        return;
    }
}

// The Sign-ins view with the first 1,500 sign-ins of a 4,000 sign-in export read: the reader is held
// there (LoadWorker's read gate) so the picture shows the loading state every time.
bool loadingShot(const QDir& out, const Options& options)
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
    window.resize(options.size);
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

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no setting of the admin's (a dark palette chosen in the app) leaks in
    Options o;
    if (!parse(QApplication::arguments(), o)) {
        qWarning("Usage: calens_screenshots OUTDIR [--size WxH] [--dark]");
        return 2;
    }
    if (o.dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    const QDir out(o.out);
    QDir().mkpath(out.path());
    MainWindow window;
    window.resize(o.size);
    window.show();
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
    save(dock, out, QStringLiteral("overview-empty")); // before anything is loaded
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
        save(&window, out, QLatin1String(names[i]));
    }
    save(dock, out, QStringLiteral("overview"));
    // The Incidents view and the Overview in the dark palette (the View menu's choice, restored afterwards).
    QAction* dark = nullptr;
    for (QAction* a : window.menuBar()->findChildren<QAction*>())
        if (a->text() == QLatin1String("Dark palette")) dark = a;
    if (dark && !o.dark) {
        const bool was = dark->isChecked();
        dark->setChecked(true);
        tabs->setCurrentWidget(window.incidentsView());
        save(&window, out, QStringLiteral("incidents-dark"));
        save(dock, out, QStringLiteral("overview-dark"));
        dark->setChecked(was);
    }
    // The selected sign-in's policies, at the end of the details pane.
    tabs->setCurrentIndex(0);
    if (auto* details = window.findChild<QAbstractItemView*>(QStringLiteral("signInDetails"))) {
        details->scrollToBottom();
        save(details, out, QStringLiteral("signin-details"));
    }
    wizardShots(window, o, out);
    // "Paste an error…" with a token error that matches nothing loaded: what it read and what to fetch.
    PasteErrorDialog* paste = window.pasteError(QStringLiteral(
        R"({"error":"invalid_grant","error_description":"AADSTS53003: Access has been blocked by Conditional )"
        R"(Access policies. The access policy does not allow token issuance. Trace ID: )"
        R"(9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a Correlation ID: 0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0 Timestamp: )"
        R"(2026-10-15 09:12:44Z","error_codes":[53003]})"));
    paste->resize(paste->size().boundedTo(o.size));
    save(paste, out, QStringLiteral("paste-error"));
    paste->close();
    return loadingShot(out, o) ? 0 : 1;
}
