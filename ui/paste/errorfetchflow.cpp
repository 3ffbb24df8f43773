// SPDX-License-Identifier: MIT
#include "errorfetchflow.h"

#include "connect/connectdialog.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "session/datasession.h"

#include "diagnosis/errormatch.h"

namespace calens {

void fetchAndDiagnose(MainWindow* origin, const ErrorText& error, const graph::FetchOptions& only, const QString& what)
{
    const bool keepLoaded = origin->dataset() && origin->dataset()->signInCount() > 0;
    MainWindow* target = origin;
    if (keepLoaded) {
        target = new MainWindow;
        target->setAttribute(Qt::WA_DeleteOnClose);
        target->show();
    }
    ConnectDialog* dialog = target->openConnectDialog();
    // Connected after the window's own handler, so the fetched sign-ins are the window's data by now.
    QObject::connect(dialog, &ConnectDialog::fetched, target, [target, error] {
        const Dataset* fetched = target->dataset();
        const ErrorMatch match = fetched ? matchErrorText(*fetched, error) : ErrorMatch {};
        if (match.found()) {
            target->diagnose(int(match.row));
            return;
        }
        target->messageBar()->show(MessageBar::Kind::Warning,
            MainWindow::tr("The tenant returned %n sign-in(s) for this error, none of them the one it names. A "
                           "sign-in can take a few minutes to reach the log: fetch again later, or widen the "
                           "window in Connect to tenant….",
                nullptr, fetched ? int(fetched->signInCount()) : 0));
    });
    dialog->limitTo(only,
        keepLoaded ? what + QLatin1Char(' ')
                + MainWindow::tr("They open in a new window; the sign-ins loaded in this one stay as they are.")
                   : what);
}

} // namespace calens
