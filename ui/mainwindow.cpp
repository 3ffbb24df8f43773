// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "connect/connectdialog.h"
#include "export/exportreportdialog.h"
#include "loadworker.h"
#include "messagebar.h"
#include "overview/overviewpanel.h"
#include "paste/errorfetchflow.h"
#include "paste/pasteerrordialog.h"
#include "query/incidenttreemodel.h"
#include "session/datasession.h"
#include "signindetails.h"
#include "theme.h"
#include "views/directoryview.h"
#include "views/incidentsview.h"
#include "views/policyresultsview.h"
#include "views/replayview.h"
#include "views/signinsview.h"
#include "views/whatifview.h"
#include "wizard/diagnosiswizard.h"

#include "ingest/timestamp.h"
#include "model/signinref.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace calens {

namespace {

// One line per input that could not be read or lost records: the file and the reason, for the message bar.
QString loadProblems(const std::vector<InputReport>& reports)
{
    QStringList lines;
    for (const InputReport& r : reports) {
        if (!r.error.isEmpty())
            lines << MainWindow::tr("%1: %2").arg(r.path, r.error);
        else if (r.skipped > 0)
            lines << MainWindow::tr("%1: %n record(s) skipped (see the Overview for why)", nullptr, int(r.skipped))
                         .arg(r.path);
    }
    if (lines.size() > 6) {
        const qsizetype more = lines.size() - 5;
        lines = lines.mid(0, 5);
        lines << MainWindow::tr("…and %n more file(s); the Overview lists them all.", nullptr, int(more));
    }
    return lines.join(QLatin1Char('\n'));
}

// The app's own dark palette, or back to what the desktop gave (style and palette as the app found them): with
// the choice off, the window follows the system palette, dark or light.
void applyPalette(bool dark)
{
    static const QPalette system = QApplication::palette();
    static const QString systemStyle = QApplication::style()->name();
    static bool ownDark = false;
    if (dark == ownDark) return;
    ownDark = dark;
    if (dark) {
        QApplication::setStyle(QStringLiteral("Fusion")); // native styles ignore much of a palette
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setStyle(systemStyle);
        QApplication::setPalette(system);
    }
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new DataSession(this))
    , m_loader(new LoadWorker(this))
    , m_tabs(new QTabWidget)
    , m_message(new MessageBar)
    , m_signIns(new SignInsView(m_session))
    , m_incidents(new IncidentsView(m_session))
    , m_whatIf(new WhatIfView(m_session))
    , m_replay(new ReplayView(m_session))
    , m_overview(new OverviewPanel(m_session))
    , m_filter(new QLineEdit)
    , m_quick(new QComboBox)
    , m_range(new QComboBox)
    , m_debounce(new QTimer(this))
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_status(new QLabel(tr("Open sign-in exports, a folder, or the demo tenant — or start from an error message.")))
    , m_counts(new QLabel)
{
    setWindowTitle(tr("CA Lens"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_counts->setObjectName(QStringLiteral("filterCounts"));
    auto* policyResults = new PolicyResultsView(m_session);
    auto* policies = new DirectoryView(DirectoryView::Kind::Policies, m_session);
    auto* locations = new DirectoryView(DirectoryView::Kind::NamedLocations, m_session);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->addTab(m_signIns, tr("Sign-ins"));
    m_tabs->addTab(policyResults, tr("Policy results"));
    m_tabs->addTab(policies, tr("Policies"));
    m_tabs->addTab(locations, tr("Named locations"));
    m_tabs->addTab(m_incidents, tr("Incidents"));
    m_tabs->addTab(m_whatIf, tr("What-If"));
    m_tabs->addTab(m_replay, tr("Log replay"));
    connect(m_replay, &ReplayView::whatIfRequested, this, [this](int row) {
        m_whatIf->useSignIn(row);
        m_tabs->setCurrentWidget(m_whatIf);
    });
    auto* central = new QWidget;
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_message);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto* dock = new QDockWidget(tr("Overview"));
    dock->setObjectName(QStringLiteral("overviewDock"));
    dock->setWidget(m_overview);
    // A figure or bar of the overview shows its sign-ins.
    connect(m_overview, &OverviewPanel::filterRequested, this, [this](const QString& term) {
        setFilterText(term);
        applyFilterNow();
        m_tabs->setCurrentWidget(m_signIns);
    });
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({ dock }, { 250 }, Qt::Horizontal); // until shown: then a share of the window (showEvent)

    statusBar()->addWidget(m_status, 1);
    // Where an empty window points: most admins start from an error a user or a job sent them.
    auto* paste = new QPushButton(tr("Paste an error…"));
    paste->setObjectName(QStringLiteral("pasteErrorButton"));
    paste->setToolTip(tr("Find and diagnose the sign-in behind an AADSTS error message (Ctrl+Shift+V)"));
    connect(paste, &QPushButton::clicked, this, [this] { pasteError(); });
    statusBar()->addWidget(paste);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250); // typing does not refilter a million rows per key
    connect(m_debounce, &QTimer::timeout, this, &MainWindow::applyFilterNow);
    connect(m_cancel, &QPushButton::clicked, m_loader, &LoadWorker::cancel);
    connect(m_loader, &LoadWorker::progress, this, &MainWindow::onProgress);
    connect(m_loader, &LoadWorker::signInsSoFar, this, [this](qint64 n) {
        if (!m_loader->isRunning()) return;
        if (m_session->loading())
            updateStatus(); // with the number of rows shown
        else
            m_counts->setText(loadingText(n));
    });
    connect(m_loader, &LoadWorker::rowsRead, m_session, &DataSession::showLoading);
    connect(m_loader, &LoadWorker::finished, this, &MainWindow::onLoaded);
    connect(m_session, &DataSession::snapshotChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DataSession::partialSnapshotChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DataSession::loadingStarted, this, [this] { setWholeLoadViewsEnabled(false); });
    connect(m_session, &DataSession::datasetChanged, this, [this] { setWholeLoadViewsEnabled(true); });
    connect(m_signIns, &SignInsView::filterRequested, this, &MainWindow::addFilterTerm);
    connect(m_incidents, &IncidentsView::filterRequested, this, [this](const QString& t) {
        setFilterText(t);
        applyFilterNow();
        m_tabs->setCurrentWidget(m_signIns);
    });
    connect(policies, &DirectoryView::filterRequested, this, [this](const QString& t) {
        addFilterTerm(t);
        m_tabs->setCurrentWidget(m_signIns);
    });
    connect(m_signIns, &SignInsView::diagnoseRequested, this, &MainWindow::diagnose);
    connect(m_incidents, &IncidentsView::diagnoseRequested, this, &MainWindow::diagnose);
    connect(policyResults, &PolicyResultsView::signInActivated, this, &MainWindow::diagnose);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // Opening What-If for the first time starts from the selected sign-in rather than an empty form.
        if (m_tabs->currentWidget() == m_whatIf && m_whatIf->isUnused())
            m_whatIf->useSignIn(m_signIns->currentSignIn());
    });
    buildToolBars();
    buildMenus();
    applyPalette(QSettings().value(QStringLiteral("ui/dark"), false).toBool());
    resize(1360, 860);
}

MainWindow::~MainWindow() = default;

QString MainWindow::loadingText(qint64 signIns) const
{
    return tr("Loading… %1 sign-ins so far").arg(QLocale().toString(signIns));
}

void MainWindow::setWholeLoadViewsEnabled(bool enabled)
{
    // The rows of a file still loading can be read and filtered; incidents, policy results, What-If,
    // replay and the directory views summarize everything and wait for the end of the load.
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i) == m_signIns) continue;
        m_tabs->setTabEnabled(i, enabled);
        m_tabs->setTabToolTip(i, enabled ? QString() : tr("Available when the load finishes"));
    }
    if (!enabled) m_tabs->setCurrentWidget(m_signIns);
    // The overview keeps the figures of what was loaded before until the new load is whole.
    m_overview->setEnabled(enabled);
    m_overview->setToolTip(enabled ? QString() : tr("Loading… the overview follows when the load finishes."));
}

bool MainWindow::wholeLoadReady()
{
    if (!m_session->loading()) return true;
    m_message->show(MessageBar::Kind::Info,
        tr("Available when the load finishes. Until then the sign-ins read so far can be browsed and filtered."));
    return false;
}

const Dataset* MainWindow::dataset() const
{
    return m_session->dataset().get();
}

void MainWindow::buildToolBars()
{
    QToolBar* inputs = addToolBar(tr("Inputs"));
    inputs->setObjectName(QStringLiteral("inputsToolBar"));
    QAction* open = inputs->addAction(tr("Open files…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open sign-in exports"));
        if (!files.isEmpty()) openPaths(files);
    });
    open->setShortcut(QKeySequence::Open);
    inputs->addAction(tr("Open folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of exports"));
        if (!dir.isEmpty()) openPaths({ dir });
    });
    inputs->addAction(tr("Demo tenant"), this, &MainWindow::openDemo);
    QAction* connectAction = inputs->addAction(tr("Connect to tenant…"), this, [this] { openConnectDialog(); });
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    addToolBarBreak();
    QToolBar* filter = addToolBar(tr("Filter"));
    filter->setObjectName(QStringLiteral("filterToolBar"));
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(
        tr("Filter: text, or field:value — error:53003 type:servicePrincipal policy:\"Require compliant "
           "device\" ip:10.0.0.0/8 result:failure control:mfa -app:teams"));
    // The box takes what the row leaves: at 1024 px the quick filter and the time range stay beside it rather
    // than falling into the toolbar's overflow menu.
    m_filter->setMinimumWidth(220);
    m_filter->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_quick->setObjectName(QStringLiteral("quickFilter"));
    m_quick->setAccessibleName(tr("Quick filter"));
    m_quick->addItem(tr("All sign-ins"), QString());
    m_quick->addItem(tr("Blocked by Conditional Access"), QStringLiteral("error:ca"));
    m_quick->addItem(tr("CA failures"), QStringLiteral("ca:failure"));
    m_quick->addItem(tr("Report-only failures"), QStringLiteral("result:reportOnlyFailure"));
    m_range->setObjectName(QStringLiteral("timeRange"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Whole time range"), 0);
    m_range->addItem(tr("Last 24 hours of the data"), 1);
    m_range->addItem(tr("Last 7 days of the data"), 7);
    filter->addWidget(m_filter);
    filter->addWidget(m_quick);
    filter->addWidget(m_range);
    connect(m_filter, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &MainWindow::applyFilterNow);
    connect(m_quick, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilterNow);
    connect(m_range, &QComboBox::currentIndexChanged, this,
        [this] { m_session->setRecentDays(m_range->currentData().toInt()); });
}

void MainWindow::buildMenus()
{
    QMenu* signIn = menuBar()->addMenu(tr("&Sign-in"));
    QAction* diag = signIn->addAction(tr("Diagnose…"), this, &MainWindow::diagnoseSelected);
    diag->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* paste = signIn->addAction(tr("Paste an error…"), this, [this] { pasteError(); });
    paste->setObjectName(QStringLiteral("pasteErrorAction"));
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QAction* whatIf = signIn->addAction(tr("What-If…"), this, [this] {
        if (!wholeLoadReady()) return;
        m_whatIf->useSignIn(m_signIns->currentSignIn());
        m_tabs->setCurrentWidget(m_whatIf);
    });
    whatIf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    QAction* copy = signIn->addAction(tr("Copy correlation ID"), this, [this] {
        const int row = m_signIns->currentSignIn();
        if (row < 0 || !dataset()) return;
        const std::string_view c = dataset()->signIn(uint32_t(row)).str(SF::CorrelationId);
        QApplication::clipboard()->setText(QString::fromUtf8(c.data(), qsizetype(c.size())));
    });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QMenu* report = menuBar()->addMenu(tr("&Report"));
    QAction* exportAction = report->addAction(tr("Export incident report…"), this, [this] { exportReport(); });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* replay = view->addAction(tr("Replay the log against the policies"), this, [this] {
        if (wholeLoadReady()) m_tabs->setCurrentWidget(m_replay);
    });
    replay->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction* focus = view->addAction(tr("Focus the filter"), this, [this] { m_filter->setFocus(); });
    focus->setShortcut(QKeySequence::Find);
    QAction* dark = view->addAction(tr("Dark palette"));
    dark->setCheckable(true);
    dark->setChecked(QSettings().value(QStringLiteral("ui/dark"), false).toBool());
    connect(dark, &QAction::toggled, this, [](bool on) {
        QSettings().setValue(QStringLiteral("ui/dark"), on);
        applyPalette(on);
    });
}

QString MainWindow::composedFilter() const
{
    QStringList parts;
    if (!m_filter->text().trimmed().isEmpty()) parts << m_filter->text().trimmed();
    if (!m_quick->currentData().toString().isEmpty()) parts << m_quick->currentData().toString();
    return parts.join(QLatin1Char(' '));
}

void MainWindow::setFilterText(const QString& text)
{
    m_filter->setText(text);
    m_debounce->start();
}

void MainWindow::applyFilterNow()
{
    m_debounce->stop();
    m_session->setFilter(composedFilter());
}

void MainWindow::addFilterTerm(const QString& term)
{
    const QString cur = m_filter->text().trimmed();
    if (cur.contains(term)) return;
    m_filter->setText(cur.isEmpty() ? term : cur + QLatin1Char(' ') + term);
    applyFilterNow();
}

ConnectDialog* MainWindow::openConnectDialog()
{
    auto* dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::ownSignInRefused, this, [this](const QString& text) { pasteError(text, true); });
    connect(
        dialog, &ConnectDialog::fetched, this, [this](std::shared_ptr<const Dataset> dataset, const QString& notes) {
            InputReport fetched;
            fetched.path = tr("Microsoft Graph fetch");
            fetched.format = Format::GraphJson;
            fetched.records = dataset->signInCount();
            for (const QString& line : notes.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) fetched.warnings << line;
            m_loader->cancel(); // a load still going on would replace what was just fetched
            m_session->setFilter(composedFilter());
            m_session->setDataset(std::move(dataset), { fetched }); // the overview follows
            m_status->setText(tr("%n sign-in(s) fetched", nullptr, int(m_session->dataset()->signInCount())));
        });
    dialog->show();
    return dialog;
}

PasteErrorDialog* MainWindow::pasteError(const QString& text, bool ownSignIn)
{
    if (!wholeLoadReady()) return nullptr;
    auto* dialog = new PasteErrorDialog(m_session->dataset(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!text.isEmpty()) dialog->setErrorText(text);
    dialog->setOwnSignIn(ownSignIn);
    connect(dialog, &PasteErrorDialog::diagnoseRequested, this, &MainWindow::diagnose);
    connect(dialog, &PasteErrorDialog::fetchRequested, this,
        [this, dialog](const graph::FetchOptions& only, const QString& what) {
            fetchAndDiagnose(this, dialog->extracted(), only, what);
        });
    dialog->show();
    return dialog;
}

ExportReportDialog* MainWindow::exportReport(const ReportFocus& focus)
{
    if (!m_session->dataset() || !wholeLoadReady()) return nullptr;
    // From the Incidents tab, the report starts on the selected incident (the admin can widen the scope).
    ReportFocus chosen = focus;
    if (!chosen.isSet() && m_tabs->currentWidget() == m_incidents && m_incidents->currentSignIn() >= 0)
        chosen.row = uint32_t(m_incidents->currentSignIn());
    auto* dialog = new ExportReportDialog(m_session->dataset(), m_incidents->model()->incidents(), chosen, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::diagnoseSelected()
{
    if (!wholeLoadReady()) return;
    if (!m_session->dataset() || m_session->dataset()->signInCount() == 0) {
        m_message->show(
            MessageBar::Kind::Info, tr("Nothing to diagnose yet: open sign-in exports, a folder, or the demo tenant."));
        return;
    }
    const bool incidents = m_tabs->currentWidget() == m_incidents;
    const int row = incidents ? m_incidents->currentSignIn() : m_signIns->currentSignIn();
    if (row < 0) {
        m_message->show(MessageBar::Kind::Info,
            incidents ? tr("Select an incident to diagnose, then press Ctrl+D (or double-click it).")
                      : tr("Select a sign-in to diagnose, then press Ctrl+D (or double-click it)."));
        return;
    }
    diagnose(row);
}

void MainWindow::diagnose(int row)
{
    if (row < 0 || !m_session->dataset() || !wholeLoadReady()) return;
    auto* wizard = new DiagnosisWizard(m_session->dataset(), uint32_t(row), this);
    connect(wizard, &DiagnosisWizard::addToReportRequested, this, [this, wizard](uint32_t focusRow) {
        exportReport(
            ReportFocus { focusRow, wizard->overrides() }); // that sign-in's incident, with the admin's answers
    });
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    emit wizardOpened(wizard);
}

void MainWindow::openPaths(const QStringList& paths)
{
    m_status->setText(tr("Reading %1…").arg(paths.join(QStringLiteral(", "))));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_loadClock.invalidate();
    m_loader->start(paths);
}

void MainWindow::openDemo()
{
    m_status->setText(tr("Building the demo tenant…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_loader->startDemo(1, 2000);
}

void MainWindow::onProgress(qint64 done, qint64 total, const QString& path)
{
    if (total > 0) m_progress->setValue(int(done * 1000 / total));
    if (done <= 0 || !m_loadClock.isValid()) m_loadClock.start();
    QString eta;
    const qint64 ms = m_loadClock.elapsed();
    if (total > 0 && done > 0 && ms > 1000) {
        const qint64 left = ms * (total - done) / done / 1000;
        eta = tr(" — %1 MB of %2 MB, about %3 s left").arg(done >> 20).arg(total >> 20).arg(left);
    }
    if (!path.isEmpty()) m_status->setText(tr("Reading %1…").arg(path) + eta);
}

void MainWindow::onLoaded(
    std::shared_ptr<const Dataset> dataset, const std::vector<InputReport>& reports, bool cancelled)
{
    m_progress->hide();
    m_cancel->hide();
    if (cancelled) {
        // As before rows were shown while loading: a cancelled load changes nothing.
        const bool shown = m_session->loading();
        m_session->restoreBeforeLoading();
        if (shown) setWholeLoadViewsEnabled(true); // the overview and the views show what was there before
        m_status->setText(shown ? tr("Loading cancelled; the sign-ins read so far are discarded and what was shown "
                                     "before is back.")
                                : tr("Loading cancelled; what was shown before is kept."));
        updateStatus();
        return;
    }
    const QString problems = loadProblems(reports);
    const bool nothingRead = dataset->signInCount() == 0 && dataset->policies().empty()
        && dataset->namedLocations().empty() && dataset->changes().empty();
    if (nothingRead && (m_session->dataset() || m_session->loading())) {
        // What was shown before stays: a file that holds nothing usable replaces nothing (nor do the rows of
        // a load it replaced).
        if (m_session->loading()) {
            m_session->restoreBeforeLoading();
            setWholeLoadViewsEnabled(true); // the overview and the views show what was there before
        }
        m_status->setText(tr("Nothing was read; what was shown before is kept."));
        m_message->show(MessageBar::Kind::Error, tr("Nothing could be read. %1").arg(problems));
        return;
    }
    if (nothingRead)
        m_message->show(MessageBar::Kind::Error, tr("Nothing could be read. %1").arg(problems));
    else if (!problems.isEmpty())
        m_message->show(MessageBar::Kind::Warning, problems);
    else
        m_message->hide();
    m_session->setFilter(composedFilter());
    m_session->setDataset(std::move(dataset), reports);
    m_status->setText(tr("%n sign-in(s) loaded", nullptr, int(m_session->dataset()->signInCount())));
    connect(m_session, &DataSession::snapshotChanged, this, &MainWindow::loaded, Qt::SingleShotConnection);
}

void MainWindow::updateStatus()
{
    const QuerySnapshot& s = m_session->snapshot();
    QString text = m_session->loading()
        ? loadingText(qint64(dataset()->signInCount()))
            + tr(" — %1 shown").arg(QLocale().toString(qulonglong(s.rows->size())))
        : tr("%1 of %2 sign-ins shown").arg(s.rows->size()).arg(dataset() ? dataset()->signInCount() : 0);
    if (!s.filterErrors.isEmpty()) text += QStringLiteral(" — ") + s.filterErrors.join(QStringLiteral("; "));
    m_counts->setText(text);
    m_filter->setToolTip(s.filterErrors.join(QLatin1Char('\n')));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_shown) return;
    m_shown = true;
    // The Overview takes a share of the window, not a fixed 250 px: on a 1024 px screen the tables keep room.
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("overviewDock")))
        resizeDocks({ dock }, { std::clamp(width() * 18 / 100, 170, 320) }, Qt::Horizontal);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (!paths.isEmpty()) openPaths(paths);
}

} // namespace calens
