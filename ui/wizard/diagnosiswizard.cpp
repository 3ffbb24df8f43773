// SPDX-License-Identifier: MIT
#include "diagnosiswizard.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/flowchart.h"
#include "diagnosis/incidents.h"
#include "ingest/timestamp.h"
#include "loadworker.h"
#include "model/signinref.h"
#include "pathwidget.h"
#include "powershellhighlighter.h"

#include "export/outputfile.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace calens {

namespace {

constexpr int kFirstStep = 10; // page ids: steps from here, then cause, fixes, verify

QLabel* wrapped(const QString& text, const QString& objectName = {})
{
    auto* l = new QLabel(text);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty()) l->setObjectName(objectName);
    return l;
}

QString bullets(const QStringList& items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString& i : items) html += QStringLiteral("<li>%1</li>").arg(i.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

QPlainTextEdit* codeView(const QString& text, bool powershell)
{
    auto* e = new QPlainTextEdit(text);
    e->setReadOnly(true);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    e->setLineWrapMode(QPlainTextEdit::NoWrap);
    if (powershell) new PowerShellHighlighter(e->document());
    return e;
}

} // namespace

QString stepKey(const Diagnosis::Step& step)
{
    return step.policyId.isEmpty() ? QString::fromStdString(step.id)
                                   : QString::fromStdString(step.id) + QLatin1Char('@') + step.policyId;
}

DiagnosisWizard::DiagnosisWizard(std::shared_ptr<const Dataset> dataset, uint32_t row, QWidget* parent)
    : QWizard(parent)
    , m_dataset(std::move(dataset))
    , m_row(row)
    , m_path(new PathWidget)
{
    setWindowTitle(tr("Diagnose a blocked sign-in"));
    setObjectName(QStringLiteral("diagnosisWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setSideWidget(m_path);
    resize(980, 640);
    rebuild(-1);
    connect(this, &QWizard::currentIdChanged, this, &DiagnosisWizard::updatePath);
}

void DiagnosisWizard::answer(const std::string& key, Answer a)
{
    m_overrides[key] = a;
    rebuild(currentId());
}

void DiagnosisWizard::rebuild(int keepUpTo)
{
    m_diagnosis = Diagnoser(*m_dataset).diagnose(m_row, m_overrides);
    // Pages up to the one being answered stay; everything after follows the new path.
    for (int id : pageIds())
        if (id > keepUpTo) {
            QWizardPage* p = page(id);
            removePage(id);
            p->deleteLater();
        }
    for (size_t i = 0; i < m_diagnosis.steps.size(); ++i)
        if (int(kFirstStep + i) > keepUpTo) setPage(int(kFirstStep + i), stepPage(i));
    const int after = kFirstStep + int(m_diagnosis.steps.size());
    setPage(after, causePage());
    setPage(after + 1, fixesPage());
    setPage(after + 2, verifyPage());
    if (keepUpTo < 0) setStartId(kFirstStep);
    updatePath(currentId());
}

void DiagnosisWizard::updatePath(int id)
{
    const int index = id >= kFirstStep && id < kFirstStep + int(m_diagnosis.steps.size()) ? id - kFirstStep : -1;
    const auto cause = Flowchart::builtIn().causes.find(m_diagnosis.cause);
    m_path->setPath(m_diagnosis.steps, index,
        cause != Flowchart::builtIn().causes.end() ? QString::fromStdString(cause->second.title)
                                                   : QString::fromStdString(m_diagnosis.cause));
}

QWizardPage* DiagnosisWizard::stepPage(size_t index)
{
    const Diagnosis::Step& step = m_diagnosis.steps[index];
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("step-") + QString::fromStdString(step.id));
    page->setTitle(step.question);
    page->setSubTitle(step.byAdmin           ? tr("You answered this question.")
            : step.answer == Answer::Unknown ? tr("The data cannot answer this: check it and answer yourself.")
                                             : tr("Answered from the sign-in data."));
    auto* layout = new QVBoxLayout(page);
    auto* answers = new QHBoxLayout;
    auto* group = new QButtonGroup(page);
    const std::string key = stepKey(step).toStdString();
    for (Answer a : { Answer::Yes, Answer::No, Answer::Unknown }) {
        auto* b = new QRadioButton(a == Answer::Yes ? tr("Yes") : a == Answer::No ? tr("No") : tr("Don't know"));
        b->setObjectName(QStringLiteral("answer-") + QLatin1String(answerName(a)));
        b->setChecked(step.answer == a);
        group->addButton(b);
        answers->addWidget(b);
        connect(b, &QRadioButton::clicked, this, [this, key, a, current = step.answer] {
            if (a != current) answer(key, a);
        });
    }
    answers->addStretch();
    layout->addLayout(answers);
    layout->addWidget(wrapped(tr("<b>Evidence</b>") + bullets(step.evidence)));
    if (!step.help.isEmpty()) layout->addWidget(wrapped(tr("<b>Where to check</b><br>") + step.help.toHtmlEscaped()));
    layout->addStretch();
    return page;
}

QWizardPage* DiagnosisWizard::causePage()
{
    const Diagnosis& d = m_diagnosis;
    const Flowchart& chart = Flowchart::builtIn();
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("causePage"));
    const auto cause = chart.causes.find(d.cause);
    page->setTitle(tr("Root cause: %1")
                       .arg(cause != chart.causes.end() ? QString::fromStdString(cause->second.title)
                                                        : QString::fromStdString(d.cause)));
    page->setSubTitle(tr("Confidence %1 — %2, %3 (%4)")
                          .arg(d.confidence, 0, 'f', 2)
                          .arg(d.principalName, d.principalKind, QString::fromStdString(d.cause)));
    auto* layout = new QVBoxLayout(page);
    if (cause != chart.causes.end())
        layout->addWidget(wrapped(QString::fromStdString(cause->second.summary), QStringLiteral("causeSummary")));
    QStringList blocking;
    for (const auto& p : d.blockingPolicies)
        blocking << tr("'%1' — required: %2").arg(p.displayName, p.unmetControls.join(QStringLiteral(", ")));
    if (!blocking.isEmpty()) layout->addWidget(wrapped(tr("<b>Blocking policies</b>") + bullets(blocking)));
    if (d.causes.size() > 1) {
        QStringList others;
        for (size_t i = 1; i < d.causes.size(); ++i)
            others << QStringLiteral("%1 (%2)")
                          .arg(QString::fromStdString(d.causes[i].id))
                          .arg(d.causes[i].confidence, 0, 'f', 2);
        layout->addWidget(wrapped(tr("<b>Also</b>") + bullets(others)));
    }
    if (!d.notes.isEmpty()) layout->addWidget(wrapped(tr("<b>Notes</b>") + bullets(d.notes)));
    auto* add = new QPushButton(tr("Add to incident report"));
    add->setObjectName(QStringLiteral("addToReportButton"));
    connect(add, &QPushButton::clicked, this, [this] { emit addToReportRequested(m_row); });
    layout->addStretch();
    layout->addWidget(add, 0, Qt::AlignLeft);
    return page;
}

QWizardPage* DiagnosisWizard::fixesPage()
{
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("fixesPage"));
    page->setTitle(tr("The fix — review before you run anything"));
    page->setSubTitle(
        tr("Scripts save the current object first and make the smallest change. Nothing is applied by CA Lens."));
    auto* layout = new QVBoxLayout(page);
    if (m_diagnosis.fixes.empty())
        layout->addWidget(wrapped(tr("No change to Conditional Access is needed for this cause.")));
    auto* tabs = new QTabWidget;
    for (const auto& fix : m_diagnosis.fixes) {
        auto* w = new QWidget;
        auto* l = new QVBoxLayout(w);
        l->addWidget(
            wrapped(QStringLiteral("<b>%1</b><br>%2").arg(fix.title.toHtmlEscaped(), fix.portal.toHtmlEscaped())));
        auto* script = codeView(fix.powershell, true);
        script->setObjectName(QStringLiteral("fixScript"));
        l->addWidget(script, 2);
        const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(fix.graphRequest.body));
        const QString request = QStringLiteral("%1 %2\n%3")
                                    .arg(fix.graphRequest.method, fix.graphRequest.url,
                                        QString::fromUtf8(body.toJson(QJsonDocument::Indented)));
        l->addWidget(codeView(request, false), 1);
        auto* buttons = new QHBoxLayout;
        auto* copy = new QPushButton(tr("Copy script"));
        auto* save = new QPushButton(tr("Save script…"));
        buttons->addWidget(copy);
        buttons->addWidget(save);
        buttons->addStretch();
        l->addLayout(buttons);
        const QString text = fix.powershell;
        connect(copy, &QPushButton::clicked, this, [text] { QApplication::clipboard()->setText(text); });
        connect(save, &QPushButton::clicked, this, [this, text, id = fix.id] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Save script"), QString::fromStdString(id) + QStringLiteral(".ps1"));
            if (path.isEmpty()) return;
            // A failed save never leaves half a script behind, nor replaces a device or FIFO.
            QString error;
            if (!exporter::writeFileAtomically(path, text.toUtf8(), &error))
                QMessageBox::warning(this, tr("Save script"), tr("Not saved: %1").arg(error));
        });
        tabs->addTab(w, fix.title.left(40));
    }
    if (!m_diagnosis.fixes.empty()) layout->addWidget(tabs);
    return page;
}

QWizardPage* DiagnosisWizard::verifyPage()
{
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("verifyPage"));
    page->setTitle(tr("Check that the fix worked"));
    auto* layout = new QVBoxLayout(page);
    const auto& fixes = m_diagnosis.fixes;
    if (!fixes.empty()) {
        layout->addWidget(wrapped(fixes.front().verify.toHtmlEscaped()));
        layout->addWidget(wrapped(tr("Log Analytics:")));
        layout->addWidget(codeView(fixes.front().kql, false));
        layout->addWidget(wrapped(tr("Microsoft Graph:")));
        layout->addWidget(codeView(fixes.front().graphFilter, false));
    }
    auto* result
        = wrapped(tr("Load sign-ins recorded after the change to check them here."), QStringLiteral("verifyResult"));
    auto* load = new QPushButton(tr("Load newer sign-ins…"));
    // Newer logs load on a worker like any other input; the check runs when they arrive.
    auto* loader = new LoadWorker(page);
    connect(load, &QPushButton::clicked, this, [this, loader, result] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Sign-ins after the fix"));
        if (files.isEmpty()) return;
        result->setText(tr("Reading…"));
        loader->start(files);
    });
    connect(loader, &LoadWorker::finished, this,
        [this, result](const std::shared_ptr<const Dataset>& later, const std::vector<InputReport>&, bool) {
            Incident inc;
            const SignInRef s = m_dataset->signIn(m_row);
            auto q = [](std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); };
            inc.principalId = m_diagnosis.principalId;
            inc.principalName = m_diagnosis.principalName;
            inc.appId = q(s.str(SF::AppId));
            inc.resourceId = q(s.str(SF::ResourceId));
            inc.resourceName = q(s.str(SF::ResourceDisplayName));
            result->setText(verifyIncident(*later, inc, s.createdMs()).text);
        });
    layout->addWidget(load, 0, Qt::AlignLeft);
    layout->addWidget(result);
    layout->addStretch();
    return page;
}

} // namespace calens
