// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/inputreport.h"
#include "model/dataset.h"
#include "report/reportbuilder.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace calens {

class BackgroundJob;
class ConnectDialog;
class DataSession;
class ExportReportDialog;
class IncidentsView;
class LoadWorker;
class MessageBar;
class PasteErrorDialog;
class ReplayView;
class SignInsView;
class WhatIfView;

// The window: inputs in, one filter across every view, tables next to linked charts, the diagnosis
// wizard and What-If one click away. Loading, filtering and clustering never run on the UI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openPaths(const QStringList& paths);
    void openDemo();
    const Dataset* dataset() const;
    DataSession* session() const { return m_session; }
    void setFilterText(const QString& text); // as if typed (debounced)
    void applyFilterNow();
    void addFilterTerm(const QString& term);
    void diagnose(int row); // opens the wizard
    // Opens the export dialog (nullptr before data is loaded): every incident shown, or the focus sign-in's.
    ExportReportDialog* exportReport(const ReportFocus& focus = {});
    ConnectDialog* openConnectDialog();
    PasteErrorDialog* pasteError(); // "Paste an error…": the dialog, prefilled from the clipboard
    SignInsView* signInsView() const { return m_signIns; }
    IncidentsView* incidentsView() const { return m_incidents; }
    ReplayView* replayView() const { return m_replay; }
    MessageBar* messageBar() const { return m_message; }
    LoadWorker* loader() const { return m_loader; }
    void diagnoseSelected(); // Ctrl+D: the sign-in or incident selected in the view shown

signals:
    void loaded(); // a load finished and its data is shown
    void wizardOpened(QWidget* wizard);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildToolBars();
    void buildMenus();
    void onLoaded(std::shared_ptr<const Dataset> dataset, const std::vector<InputReport>& reports, bool cancelled);
    void onProgress(qint64 done, qint64 total, const QString& path);
    void updateStatus();
    QString composedFilter() const;
    QString loadingText(qint64 signIns) const;
    void setWholeLoadViewsEnabled(bool enabled);
    bool wholeLoadReady(); // false, with a word to the admin, while a load is still going on

    DataSession* m_session;
    LoadWorker* m_loader;
    QTabWidget* m_tabs;
    MessageBar* m_message;
    SignInsView* m_signIns;
    IncidentsView* m_incidents;
    WhatIfView* m_whatIf;
    ReplayView* m_replay;
    QTextBrowser* m_summary;
    QString m_summaryBeforeLoad;
    BackgroundJob* m_summaryJob;
    QLineEdit* m_filter;
    QComboBox* m_quick;
    QComboBox* m_range;
    QTimer* m_debounce;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;
    QLabel* m_counts;
    QElapsedTimer m_loadClock; // for the ETA
};

} // namespace calens
