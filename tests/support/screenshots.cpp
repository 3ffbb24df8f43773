// SPDX-License-Identifier: MIT
// Writes the README's screenshots: every view and the wizard on the demo tenant.
// Usage: calens_screenshots OUTDIR   (offscreen or under Xvfb)
#include "session/datasession.h"
#include "ui/mainwindow.h"
#include "ui/paste/pasteerrordialog.h"
#include "ui/wizard/diagnosiswizard.h"

#include "model/signinref.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
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
    // "Paste an error…" with a token error that matches nothing loaded: what it read and what to fetch.
    PasteErrorDialog* paste = window.pasteError(QStringLiteral(
        R"({"error":"invalid_grant","error_description":"AADSTS53003: Access has been blocked by Conditional )"
        R"(Access policies. The access policy does not allow token issuance. Trace ID: )"
        R"(9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a Correlation ID: 0b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0 Timestamp: )"
        R"(2026-10-15 09:12:44Z","error_codes":[53003]})"));
    QTest::qWait(300);
    paste->grab().save(out.filePath(QStringLiteral("paste-error.png")));
    return 0;
}
