// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/inputreport.h"
#include "model/dataset.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace calens {

class LoadWorker;
class SignInTableModel;

// The first window: open exports (or the demo tenant), see the overview and every sign-in.
// The full views, charts and the diagnosis wizard grow from here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList& paths);
    void openDemo();
    const Dataset* dataset() const { return m_dataset.get(); }

signals:
    void loaded(); // a load finished and its data is shown

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void onLoaded(std::shared_ptr<const Dataset> dataset, const std::vector<InputReport>& reports, bool cancelled);
    void onProgress(qint64 done, qint64 total, const QString& path);
    void showSummary(const std::vector<InputReport>& reports);
    void showDetails();

    std::shared_ptr<const Dataset> m_dataset;
    LoadWorker* m_loader;
    SignInTableModel* m_model;
    QTableView* m_table;
    QTextBrowser* m_summary;
    QPlainTextEdit* m_details;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;
};

} // namespace calens
