// SPDX-License-Identifier: MIT
#include "diagnosiswizard.h"

#include "diagnosis/diagnoser.h"
#include "diagnosis/flowchart.h"
#include "diagnosis/incidents.h"
#include "diagnosis/words.h"
#include "fix/fixdialog.h"
#include "ingest/timestamp.h"
#include "loadworker.h"
#include "model/signinref.h"
#include "pathwidget.h"
#include "powershellhighlighter.h"
#include "report/reportbuilder.h"
#include "theme.h"

#include "export/outputfile.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace calens {

namespace {

// Page ids: the steps from kFirstStep on, then the cause, fixes and verification pages at fixed ids, so that
// rebuilding the steps after an answer never leaves the wizard without a next page (see nextId()).
constexpr int kFirstStep = 10;
constexpr int kCausePage = 1000, kFixesPage = 1001, kVerifyPage = 1002;

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
    if (powershell) new PowerShellHighlighter(e);
    return e;
}

QString causeTitleOf(const std::string& id)
{
    const auto& causes = Flowchart::builtIn().causes;
    const auto it = causes.find(id);
    return it != causes.end() ? QString::fromStdString(it->second.title) : DiagnosisWizard::tr("Not determined");
}

QString principalKindText(const QString& kind)
{
    if (kind == QLatin1String("servicePrincipal")) return DiagnosisWizard::tr("service principal");
    if (kind == QLatin1String("managedIdentity")) return DiagnosisWizard::tr("managed identity");
    return DiagnosisWizard::tr("user account");
}

} // namespace

QString answerText(Answer a)
{
    return a == Answer::Yes ? DiagnosisWizard::tr("Yes")
        : a == Answer::No   ? DiagnosisWizard::tr("No")
                            : DiagnosisWizard::tr("Don't know");
}

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
    setTitleFormat(Qt::PlainText); // titles carry policy and account names: never markup
    setSubTitleFormat(Qt::PlainText);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setSideWidget(m_path);
    fitToScreen(this, QSize(980, 640));
    rebuild(-1);
    connect(this, &QWizard::currentIdChanged, this, &DiagnosisWizard::updatePath);
}

void DiagnosisWizard::answer(const std::string& key, Answer a)
{
    // Choosing what the data said takes the admin's answer back: the step is the data's again.
    const auto step = std::find_if(m_diagnosis.steps.begin(), m_diagnosis.steps.end(),
        [&key](const Diagnosis::Step& s) { return stepKey(s).toStdString() == key; });
    if (step == m_diagnosis.steps.end() || step->answer == a) return;
    if (step->dataAnswer == a)
        m_overrides.erase(key);
    else
        m_overrides[key] = a;
    rebuild(currentId());
}

QString DiagnosisWizard::subTitleOf(const Diagnosis::Step& step)
{
    return step.byAdmin ? tr("You answered this question; the data said: %1.").arg(answerText(step.dataAnswer))
        : step.answer == Answer::Unknown ? tr("The data cannot answer this: check it and answer yourself.")
                                         : tr("Answered from the sign-in data.");
}

void DiagnosisWizard::rebuild(int keepUpTo)
{
    m_diagnosis = Diagnoser(*m_dataset).diagnose(m_row, m_overrides);
    // Pages up to the one being answered stay; everything after follows the new path.
    for (int id : pageIds())
        if (id > keepUpTo && id != currentId()) {
            // Deleted now, not later: a removed page has no parent, so a pending deleteLater at exit would leak it.
            // The page being answered is never among them.
            QWizardPage* p = page(id);
            removePage(id);
            delete p;
        }
    for (size_t i = 0; i < m_diagnosis.steps.size(); ++i)
        if (int(kFirstStep + i) > keepUpTo) setPage(int(kFirstStep + i), stepPage(i));
    // The page the admin is on stays (answering on the cause page keeps it; its intent text is updated below).
    if (currentId() != kCausePage) setPage(kCausePage, causePage());
    if (currentId() != kFixesPage) setPage(kFixesPage, fixesPage());
    if (currentId() != kVerifyPage) setPage(kVerifyPage, verifyPage());
    if (keepUpTo < 0) setStartId(kFirstStep);
    if (m_intentText) {
        m_intentText->setText(intentText());
        m_intentText->setVisible(!m_intentText->text().isEmpty());
    } // the cause page stays when it is the one answered
    // The page being answered stays, but says who answered it now.
    const int index = currentId() - kFirstStep;
    if (QWizardPage* current = currentPage(); current && index >= 0 && index < int(m_diagnosis.steps.size())) {
        current->setSubTitle(subTitleOf(m_diagnosis.steps[size_t(index)]));
    }
    updatePath(currentId());
}

int DiagnosisWizard::nextId() const
{
    // Follows the current path, whatever pages exist at the moment (QWizard asks while pages are replaced).
    const int id = currentId();
    const int steps = int(m_diagnosis.steps.size());
    if (id >= kFirstStep && id < kFirstStep + steps - 1) return id + 1;
    if (id >= kFirstStep && id < kCausePage) return kCausePage;
    if (id == kCausePage) return kFixesPage;
    if (id == kFixesPage) return kVerifyPage;
    return -1;
}

void DiagnosisWizard::updatePath(int id)
{
    const int index = id >= kFirstStep && id < kFirstStep + int(m_diagnosis.steps.size()) ? id - kFirstStep : -1;
    m_path->setPath(m_diagnosis.steps, index, causeTitleOf(m_diagnosis.cause));
}

QWizardPage* DiagnosisWizard::stepPage(size_t index)
{
    const Diagnosis::Step& step = m_diagnosis.steps[index];
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("step-") + QString::fromStdString(step.id));
    // The header keeps to one line (QWizard widens the whole window to fit a long title): the short label
    // there, the whole question, wrapped, as the page's first line.
    page->setTitle(step.label.isEmpty() ? step.question : step.label);
    page->setSubTitle(subTitleOf(step));
    auto* layout = new QVBoxLayout(page);
    if (!step.label.isEmpty()) {
        QLabel* question = wrapped(step.question.toHtmlEscaped(), QStringLiteral("question"));
        QFont f = question->font();
        f.setPointSizeF(f.pointSizeF() * 1.1);
        question->setFont(f);
        layout->addWidget(question);
    }
    auto* answers = new QHBoxLayout;
    auto* group = new QButtonGroup(page);
    const std::string key = stepKey(step).toStdString();
    for (Answer a : { Answer::Yes, Answer::No, Answer::Unknown }) {
        auto* b = new QRadioButton(answerText(a));
        b->setObjectName(QStringLiteral("answer-") + QLatin1String(answerName(a)));
        b->setChecked(step.answer == a);
        group->addButton(b);
        answers->addWidget(b);
        connect(b, &QRadioButton::clicked, this, [this, key, a] { answer(key, a); });
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
    page->setTitle(tr("Root cause: %1").arg(causeTitleOf(d.cause)));
    page->setSubTitle(tr("%1 confidence — %2 (%3)")
                          .arg(confidenceWord(d.confidence), d.principalName, principalKindText(d.principalKind)));
    page->setToolTip(tr("Confidence %1 of 1").arg(d.confidence, 0, 'f', 2));
    auto* layout = new QVBoxLayout(page);
    if (cause != chart.causes.end())
        layout->addWidget(wrapped(QString::fromStdString(cause->second.summary), QStringLiteral("causeSummary")));
    QStringList blocking;
    for (const auto& p : d.blockingPolicies)
        blocking << tr("'%1' — asks for %2").arg(p.displayName, controlsInWords(p.unmetControls));
    if (!blocking.isEmpty()) layout->addWidget(wrapped(tr("<b>Blocking policies</b>") + bullets(blocking)));
    if (d.causes.size() > 1) {
        QStringList others;
        for (size_t i = 1; i < d.causes.size(); ++i)
            others
                << tr("%1 (%2 confidence)").arg(causeTitleOf(d.causes[i].id), confidenceWord(d.causes[i].confidence));
        layout->addWidget(wrapped(tr("<b>Also</b>") + bullets(others)));
    }
    if (!d.notes.isEmpty()) layout->addWidget(wrapped(tr("<b>Notes</b>") + bullets(d.notes)));
    layout->addWidget(intentBox());
    auto* add = new QPushButton(tr("Add to incident report"));
    add->setObjectName(QStringLiteral("addToReportButton"));
    connect(add, &QPushButton::clicked, this, [this] { emit addToReportRequested(m_row); });
    layout->addStretch();
    layout->addWidget(add, 0, Qt::AlignLeft);
    return page;
}

QWidget* DiagnosisWizard::intentBox()
{
    // Not every block is a fault: the admin says whether the policy did its job; CA Lens proposes an answer
    // where the policy's definition shows its intent.
    auto* box = new QGroupBox(tr("Is this block intended?"));
    box->setObjectName(QStringLiteral("intentBox"));
    auto* layout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    auto* group = new QButtonGroup(box);
    const std::pair<Answer, QString> choices[] = { { Answer::Yes, tr("Yes — the policy did its job") },
        { Answer::No, tr("No — it is a fault to fix") }, { Answer::Unknown, tr("Not sure") } };
    for (const auto& choice : choices) {
        const Answer a = choice.first;
        auto* b = new QRadioButton(choice.second);
        b->setObjectName(QStringLiteral("intended-") + QLatin1String(answerName(a)));
        b->setChecked(m_diagnosis.intent.answer == a);
        group->addButton(b);
        row->addWidget(b);
        connect(b, &QRadioButton::clicked, this, [this, a] {
            if (a == m_diagnosis.intent.answer) return;
            m_overrides[kIntendedKey] = a;
            rebuild(currentId());
        });
    }
    row->addStretch();
    layout->addLayout(row);
    m_intentText = wrapped(intentText(), QStringLiteral("intentText"));
    m_intentText->setVisible(!m_intentText->text().isEmpty());
    layout->addWidget(m_intentText);
    return box;
}

QString DiagnosisWizard::intentText() const
{
    const BlockIntent& i = m_diagnosis.intent;
    QString text;
    if (!i.because.isEmpty() && !i.byAdmin) text += i.because.toHtmlEscaped();
    if (i.answer == Answer::Yes && !i.tellUser.isEmpty())
        text += tr("<br><b>Tell the user:</b> %1").arg(i.tellUser.toHtmlEscaped());
    else if (i.answer == Answer::Unknown && !i.tellUser.isEmpty())
        text += tr("<br>If it is intended, tell the user: %1").arg(i.tellUser.toHtmlEscaped());
    if (text.startsWith(QLatin1String("<br>"))) text.remove(0, 4);
    return text;
}

QWizardPage* DiagnosisWizard::fixesPage()
{
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("fixesPage"));
    const bool intended = m_diagnosis.intent.answer == Answer::Yes;
    page->setTitle(
        intended ? tr("No policy change: the block is intended") : tr("The fix — review before you run anything"));
    page->setSubTitle(intended
            ? tr("The policy did its job. Tell the user what to do instead; the fixes below are only for if you "
                 "decide otherwise.")
            : tr("Scripts save the current object first and make the smallest change. Nothing is applied by CA "
                 "Lens."));
    auto* layout = new QVBoxLayout(page);
    if (intended && !m_diagnosis.intent.tellUser.isEmpty())
        layout->addWidget(wrapped(tr("<b>Tell the user:</b> %1").arg(m_diagnosis.intent.tellUser.toHtmlEscaped()),
            QStringLiteral("tellUser")));
    if (m_diagnosis.fixes.empty())
        layout->addWidget(wrapped(tr("No change to Conditional Access is needed for this cause.")));
    auto* tabs = new QTabWidget(page); // owned by the page even when there is no fix to show in it
    for (const auto& fix : m_diagnosis.fixes) {
        auto* w = new QWidget;
        auto* l = new QVBoxLayout(w);
        l->addWidget(
            wrapped(QStringLiteral("<b>%1</b><br>%2").arg(fix.title.toHtmlEscaped(), fix.portal.toHtmlEscaped())));
        auto* script = codeView(fix.powershell, true);
        script->setObjectName(QStringLiteral("fixScript"));
        l->addWidget(script, 2);
        const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(fix.graphRequest.body));
        QString request = QStringLiteral("%1 %2").arg(fix.graphRequest.method, fix.graphRequest.url);
        if (!body.isEmpty() && !(body.isObject() && body.object().isEmpty())) // a read has no body to show
            request += QLatin1Char('\n') + QString::fromUtf8(body.toJson(QJsonDocument::Indented));
        if (fix.change)
            request += tr("\n\nThen the change is made on what this read returns and sent as one PATCH of %1 (Plan on "
                          "the live tenant, or the script above).")
                           .arg(QLatin1String(fix.change->topLevelProperty()));
        l->addWidget(codeView(request, false), 1);
        auto* buttons = new QHBoxLayout;
        auto* copy = new QPushButton(tr("Copy script"));
        auto* save = new QPushButton(tr("Save script…"));
        buttons->addWidget(copy);
        buttons->addWidget(save);
        if (fix.change) {
            // The change made on the live object: planned, reviewed, applied with a backup, and undone if need be.
            auto* live = new QPushButton(tr("Plan on the live tenant…"));
            live->setObjectName(QStringLiteral("planLive"));
            buttons->addWidget(live);
            connect(live, &QPushButton::clicked, this, [this, fix] { openFixDialog(fix); });
        } else if (!fix.withheld.isEmpty()) {
            buttons->addWidget(
                wrapped(tr("No change CA Lens can make for you: %1.").arg(fix.withheld.toHtmlEscaped())));
        }
        buttons->addStretch();
        l->addLayout(buttons);
        const QString text = fix.powershell;
        connect(copy, &QPushButton::clicked, this, [copy, text] {
            QApplication::clipboard()->setText(text);
            copy->setText(tr("Copied"));
            QTimer::singleShot(2000, copy, [copy] { copy->setText(tr("Copy script")); });
        });
        connect(save, &QPushButton::clicked, this, [this, text, request, id = fix.id] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Save script"),
                QString::fromStdString(id) + QStringLiteral(".ps1"),
                tr("PowerShell script (*.ps1);;Graph request (*.http)"));
            if (path.isEmpty()) return;
            // A failed save never leaves half a script behind, nor replaces a device or FIFO.
            QString error;
            const QString what = path.endsWith(QLatin1String(".http"), Qt::CaseInsensitive) ? request : text;
            if (!exporter::writeFileAtomically(path, what.toUtf8(), &error))
                QMessageBox::warning(this, tr("Save script"), tr("Not saved: %1").arg(error));
        });
        // Tab titles say what the fix does in a few words, whole; the full title is on the page and in the
        // tooltip. The same fix for two policies is numbered.
        QString title = fix.tab.isEmpty() ? fontMetrics().elidedText(fix.title, Qt::ElideRight, 240) : fix.tab;
        int same = 0;
        for (int t = 0; t < tabs->count(); ++t) same += tabs->tabText(t).startsWith(title);
        if (same > 0) title += QStringLiteral(" (%1)").arg(same + 1);
        const int tab = tabs->addTab(w, title);
        tabs->setTabToolTip(tab, fix.title);
    }
    if (m_diagnosis.fixes.empty())
        tabs->hide();
    else
        layout->addWidget(tabs);
    return page;
}

FixDialog* DiagnosisWizard::openFixDialog(const Diagnosis::Fix& fix)
{
    if (!fix.change) return nullptr;
    // The blast radius judges every sign-in of this identity in this sign-in's incident, not only this one
    // record. The fix is made for this identity: the incident's other identities need their own change.
    std::vector<uint32_t> diagnosed { m_row };
    if (const auto own = incidentOf(*m_dataset, {}, m_row, nullptr))
        if (const IncidentIdentity* who = identityOf(*own, m_row)) diagnosed = who->rows;
    auto* dialog = new FixDialog(m_dataset, fix.id, fix.title, *fix.change, std::move(diagnosed), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit fixDialogOpened(dialog);
    return dialog;
}

QWizardPage* DiagnosisWizard::verifyPage()
{
    auto* page = new QWizardPage;
    page->setObjectName(QStringLiteral("verifyPage"));
    page->setTitle(tr("Check that the fix worked"));
    // A subtitle like every other page: QWizard draws the header band only for pages that have one.
    page->setSubTitle(tr("Look for newer sign-ins of the same identity and application after the change."));
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
            // The fix was made for this sign-in: its identity, to its app, after it.
            const Incident mine = signInIncident(*m_dataset, m_row);
            result->setText(verifyIncident(*later, mine, m_dataset->signIn(m_row).createdMs()).text);
        });
    layout->addWidget(load, 0, Qt::AlignLeft);
    layout->addWidget(result);
    layout->addStretch();
    return page;
}

} // namespace calens
