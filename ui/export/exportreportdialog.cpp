// SPDX-License-Identifier: MIT
#include "exportreportdialog.h"

#include "export/outputset.h"

#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "diagnosis/words.h"
#include "report/reportbuilder.h"
#include "report/reporthtmlexport.h"
#include "report/reportjson.h"
#include "report/reportoptions.h"
#include "report/reportpdf.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfView>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <atomic>

namespace calens {

ExportReportDialog::ExportReportDialog(
    std::shared_ptr<const Dataset> dataset, std::vector<Incident> incidents, ReportFocus focus, QWidget* parent)
    : QDialog(parent)
    , m_dataset(std::move(dataset))
    , m_incidents(std::move(incidents))
    , m_focus(std::move(focus))
    , m_scope(new QLabel)
    , m_scopeChoice(new QComboBox)
    , m_title(new QLineEdit)
    , m_path(new QLineEdit)
    , m_redact(new QCheckBox(tr("Replace identities, IP addresses and object ids by pseudonyms")))
    , m_pdfa(new QCheckBox(tr("PDF/A-1b for archiving")))
    , m_html(new QCheckBox(tr("Also write HTML")))
    , m_json(new QCheckBox(tr("Also write JSON")))
    , m_page(new QComboBox)
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_export(new QPushButton(tr("Export")))
{
    setWindowTitle(tr("Export incident report"));
    setObjectName(QStringLiteral("exportReportDialog"));
    m_title->setPlaceholderText(tr("derived from the incident"));
    m_path->setObjectName(QStringLiteral("reportPath"));
    m_redact->setObjectName(QStringLiteral("redact"));
    m_html->setObjectName(QStringLiteral("alsoHtml"));
    m_json->setObjectName(QStringLiteral("alsoJson"));
    m_page->addItem(QStringLiteral("A4"), int(QPageSize::A4));
    m_page->addItem(QStringLiteral("Letter"), int(QPageSize::Letter));
    m_page->setCurrentIndex(ReportOptions::defaultPageSize().id() == QPageSize::Letter ? 1 : 0);
    auto* browse = new QPushButton(tr("Choose…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("PDF file"), pathRow);
    form->addRow(tr("Page size"), m_page);
    form->addRow(QString(), m_redact);
    form->addRow(QString(), m_pdfa);
    form->addRow(QString(), m_html);
    form->addRow(QString(), m_json);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    m_scope->setObjectName(QStringLiteral("reportScope"));
    m_scope->setWordWrap(true);
    m_scopeChoice->setObjectName(QStringLiteral("reportScopeChoice"));
    m_shown = m_incidents;
    if (m_focus.isSet()) {
        m_focusIncident = incidentOf(*m_dataset, m_shown, m_focus.row, &m_focusError);
        m_scopeChoice->addItem(m_focusIncident ? tr("This incident (%1, %2)")
                                                     .arg(identitiesInWords(*m_focusIncident),
                                                         counted(m_focusIncident->count, tr("sign-in"), tr("sign-ins")))
                                               : tr("This incident"),
            int(Scope::Focus));
    }
    m_scopeChoice->addItem(
        tr("The sign-ins shown (%1)").arg(counted(m_shown.size(), tr("incident"), tr("incidents"))), int(Scope::Shown));
    m_scopeChoice->addItem(tr("Everything loaded, whatever the filter"), int(Scope::Everything));
    connect(m_scopeChoice, &QComboBox::currentIndexChanged, this,
        [this] { setScope(Scope(m_scopeChoice->currentData().toInt())); });
    setScope(m_focus.isSet() ? Scope::Focus : Scope::Shown);
    form->insertRow(0, tr("Report on"), m_scopeChoice);
    layout->addWidget(m_scope);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_progress->hide();
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save report"), m_path->text(), tr("PDF (*.pdf)"));
        if (!p.isEmpty()) m_path->setText(p);
    });
    connect(m_export, &QPushButton::clicked, this, &ExportReportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_cancel) *m_cancel = true;
        reject();
    });
}

ExportReportDialog::~ExportReportDialog()
{
    if (m_cancel) *m_cancel = true;
    if (m_thread) m_thread->wait();
}

QString ExportReportDialog::scopeText() const
{
    return m_scope->text();
}

void ExportReportDialog::setScope(Scope scope)
{
    m_scopeChoice->blockSignals(true);
    m_scopeChoice->setCurrentIndex(std::max(0, m_scopeChoice->findData(int(scope))));
    m_scopeChoice->blockSignals(false);
    m_export->setEnabled(true);
    m_incidents.clear();
    m_everything = false;
    if (scope == Scope::Focus && m_focus.isSet()) {
        if (m_focusIncident) {
            const Incident& own = *m_focusIncident;
            const IncidentIdentity* who = identityOf(own, m_focus.row);
            const QString policy = own.policyName.isEmpty() ? tr("a policy the log does not name") : own.policyName;
            m_scope->setText(tr("This incident: %1 blocked %2, %3. %4. Diagnosed on the sign-in of %5.")
                                 .arg(policy, identitiesNamed(own), counted(own.count, tr("sign-in"), tr("sign-ins")),
                                     causeInWords(own.cause), who ? who->name : firstIdentity(own).name));
            m_incidents.push_back(own);
        } else {
            m_scope->setText(tr("Nothing to report: %1.").arg(m_focusError));
            m_export->setEnabled(false);
        }
    } else if (scope == Scope::Everything) {
        // Clustered when the report is built, on its worker: the data may be large.
        m_everything = true;
        m_scope->setText(tr("Every sign-in blocked by Conditional Access in the loaded data, whatever the filter and "
                            "time range."));
    } else {
        m_incidents = m_shown;
        m_scope->setText(
            tr("%1 from the sign-ins shown.").arg(counted(m_incidents.size(), tr("incident"), tr("incidents"))));
        if (m_incidents.empty()) m_export->setEnabled(false);
    }
}

void ExportReportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

void ExportReportDialog::exportNow()
{
    const QString path = m_path->text().trimmed();
    if ((m_incidents.empty() && !m_everything) || m_thread) return;
    if (path.isEmpty()) {
        m_status->setText(tr("Choose where to save the PDF."));
        return;
    }
    ReportRequest request;
    request.title = m_title->text().trimmed();
    request.redact = m_redact->isChecked();
    ReportOptions options;
    options.pageSize = QPageSize(QPageSize::PageSizeId(m_page->currentData().toInt()));
    options.pdfA = m_pdfa->isChecked();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    options.progress = [this, cancel](int page, int pages) {
        QMetaObject::invokeMethod(m_progress, [this, page, pages] {
            m_progress->setRange(0, pages);
            m_progress->setValue(page);
        });
        return !cancel->load();
    };
    const bool html = m_html->isChecked(), json = m_json->isChecked();
    m_export->setEnabled(false);
    m_progress->show();
    m_status->setText(tr("Building the report…"));
    m_thread = QThread::create(
        [this, request, options, path, html, json, dataset = m_dataset, incidents = m_incidents,
            focus
            = m_everything || m_scopeChoice->currentData().toInt() != int(Scope::Focus) ? ReportFocus {} : m_focus,
            everything = m_everything]() mutable {
            if (everything) {
                incidents = clusterIncidents(*dataset);
                explainChanges(*dataset, incidents);
            }
            const ReportModel model = buildReport(*dataset, incidents, request, focus);
            QString error;
            const QString base = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? path.chopped(4) : path;
            // The set is replaced together: all written beside their targets first, then renamed into place.
            exporter::OutputSet set;
            QBuffer pdf;
            pdf.open(QIODevice::WriteOnly);
            bool ok = renderPdf(model, &pdf, options, &error) && set.add(path, pdf.data(), &error);
            if (ok && html) ok = set.add(base + QStringLiteral(".html"), reportHtmlDocument(model).toUtf8(), &error);
            if (ok && json) ok = set.add(base + QStringLiteral(".json"), reportJsonText(model), &error);
            if (ok) ok = set.publish(&error);
            QMetaObject::invokeMethod(this, [this, ok, error] { finished(ok, error); });
        });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->setParent(this); // deleted with its owner at the latest (the owner waits for it first)
    m_thread->start();
}

void ExportReportDialog::finished(bool ok, const QString& error)
{
    m_thread = nullptr;
    m_export->setEnabled(true);
    m_progress->hide();
    if (!ok) {
        m_status->setText(tr("Not written: %1").arg(error));
        return;
    }
    const QString path = m_path->text().trimmed();
    m_status->setText(tr("Written to %1").arg(path));
    emit exported(path);
    // The preview reads back the file that was written, so what is shown is what the ticket gets.
    auto* preview = new QDialog(this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Report preview — %1").arg(path));
    preview->setObjectName(QStringLiteral("reportPreview"));
    auto* doc = new QPdfDocument(preview);
    doc->load(path);
    auto* view = new QPdfView(preview);
    view->setDocument(doc);
    view->setPageMode(QPdfView::PageMode::MultiPage);
    view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    auto* layout = new QVBoxLayout(preview);
    layout->addWidget(view);
    preview->resize(820, 900);
    preview->show();
}

} // namespace calens
