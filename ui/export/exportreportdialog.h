// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/incident.h"
#include "model/dataset.h"
#include "report/reportbuilder.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace calens {

// "Export incident report…": options, then the report built and rendered on a worker (progress per page,
// cancel), written atomically, and shown in a QtPdf preview.
class ExportReportDialog : public QDialog
{
    Q_OBJECT
public:
    // Without a focus: every incident given. With one: the focus sign-in's incident alone ("this incident": the
    // one diagnosed, or the one selected in the Incidents view), or nothing to export when it was not blocked,
    // which the dialog says. The admin can widen it to the sign-ins shown or to everything loaded.
    ExportReportDialog(std::shared_ptr<const Dataset> dataset, std::vector<Incident> incidents, ReportFocus focus = {},
        QWidget* parent = nullptr);
    QString scopeText() const; // what the report will be about, as the dialog shows it
    enum class Scope
    {
        Focus, // this incident: the focus sign-in's
        Shown, // the incidents of the sign-ins the window shows
        Everything // every block in the loaded data, whatever the filter
    };
    void setScope(Scope scope);
    ~ExportReportDialog() override;
    void setPath(const QString& path);
    void exportNow();

signals:
    void exported(const QString& pdfPath);

private:
    void finished(bool ok, const QString& error);
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<Incident> m_incidents;
    ReportFocus m_focus;
    QLabel* m_scope;
    class QComboBox* m_scopeChoice;
    std::vector<Incident> m_shown; // the window's incidents, kept when the admin switches the scope
    std::optional<Incident> m_focusIncident; // the focus sign-in's incident, when it was blocked
    QString m_focusError; // why there is none
    bool m_everything = false;
    QLineEdit *m_title, *m_path;
    QCheckBox *m_redact, *m_pdfa, *m_html, *m_json;
    QComboBox* m_page;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_export;
    class QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace calens
