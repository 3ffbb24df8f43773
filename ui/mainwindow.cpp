// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "loadworker.h"
#include "query/signintablemodel.h"
#include "query/summary.h"
#include "signindetails.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>

namespace calens {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new LoadWorker(this))
    , m_model(new SignInTableModel(this))
    , m_table(new QTableView)
    , m_summary(new QTextBrowser)
    , m_details(new QPlainTextEdit)
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_status(new QLabel(tr("Open sign-in exports, a folder, or the demo tenant.")))
{
    setWindowTitle(tr("CA Lens"));
    setAcceptDrops(true);
    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("signInTableView"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fixed heights: 1 M rows stay instant
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Sign-ins"));
    m_summary->setAccessibleName(tr("Overview"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Selected sign-in"));
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_summary);
    top->addWidget(m_table);
    top->setStretchFactor(1, 3);
    auto* main = new QSplitter(Qt::Vertical);
    main->addWidget(top);
    main->addWidget(m_details);
    main->setStretchFactor(0, 3);
    setCentralWidget(main);

    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_loader, &LoadWorker::cancel);
    connect(m_loader, &LoadWorker::progress, this, &MainWindow::onProgress);
    connect(m_loader, &LoadWorker::finished, this, &MainWindow::onLoaded);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showDetails);
    buildActions();
    resize(1300, 820);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QToolBar* bar = addToolBar(tr("Inputs"));
    bar->setObjectName(QStringLiteral("inputsToolBar"));
    QAction* open = bar->addAction(tr("Open files…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open sign-in exports"));
        if (!files.isEmpty()) openPaths(files);
    });
    open->setShortcut(QKeySequence::Open);
    bar->addAction(tr("Open folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of exports"));
        if (!dir.isEmpty()) openPaths({ dir });
    });
    bar->addAction(tr("Open demo tenant"), this, &MainWindow::openDemo);
}

void MainWindow::openPaths(const QStringList& paths)
{
    m_status->setText(tr("Reading %1…").arg(paths.join(QStringLiteral(", "))));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
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
    if (!path.isEmpty()) m_status->setText(tr("Reading %1…").arg(path));
}

void MainWindow::onLoaded(
    std::shared_ptr<const Dataset> dataset, const std::vector<InputReport>& reports, bool cancelled)
{
    m_progress->hide();
    m_cancel->hide();
    if (cancelled) {
        m_status->setText(tr("Loading cancelled; what was shown before is kept."));
        return;
    }
    m_dataset = std::move(dataset);
    m_model->setDataset(m_dataset);
    m_table->resizeColumnsToContents();
    showSummary(reports);
    m_status->setText(tr("%n sign-in(s) loaded", nullptr, int(m_dataset->signInCount())));
    if (m_model->rowCount() > 0) m_table->selectRow(0);
    emit loaded();
}

void MainWindow::showSummary(const std::vector<InputReport>& reports)
{
    m_summary->setHtml(summaryHtml(*m_dataset, summarize(*m_dataset), reports));
}

void MainWindow::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_dataset || !current.isValid()) {
        m_details->clear();
        return;
    }
    const uint32_t row = current.data(SignInTableModel::SignInRowRole).toUInt();
    m_details->setPlainText(signInDetailsText(*m_dataset, row));
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
