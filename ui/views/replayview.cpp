// SPDX-License-Identifier: MIT
#include "replayview.h"

#include "proportionalsplitter.h"

#include "query/conditionwords.h"
#include "query/replaydisagreementmodel.h"
#include "query/replaytallymodel.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"
#include "tables.h"
#include "whatif/replay.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace calens {

namespace {

QString number(uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

QString percent(uint64_t part, uint64_t whole)
{
    return whole ? QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) + QLatin1Char('%')
                 : QStringLiteral("–");
}

} // namespace

ReplayView::ReplayView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_summary(new QLabel)
    , m_policies(new ReplayTallyModel(tr("Policy"), false, this))
    , m_conditions(new ReplayTallyModel(tr("Condition"), true, this))
    , m_disagreements(new ReplayDisagreementModel(this))
    , m_disagreementTable(makeTable(QStringLiteral("replayDisagreements"), tr("Disagreements")))
    , m_details(new QPlainTextEdit)
    , m_job(new BackgroundJob(this))
{
    m_summary->setObjectName(QStringLiteral("replaySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Open sign-in exports with per-policy results and the tenant's policies to compare them."));
    auto* policyTable = makeTable(QStringLiteral("replayByPolicy"), tr("Agreement by policy"));
    auto* conditionTable = makeTable(QStringLiteral("replayByCondition"), tr("Agreement by condition"));
    policyTable->setModel(m_policies);
    conditionTable->setModel(m_conditions);
    for (QTableView* t : { policyTable, conditionTable }) {
        t->setSortingEnabled(true);
        t->horizontalHeader()->setSortIndicatorShown(true);
    }
    m_disagreementTable->setModel(m_disagreements);
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("replayDetails"));
    m_details->setAccessibleName(tr("How the offline evaluation read each condition"));
    m_details->setPlaceholderText(tr("Select a disagreement to see how each condition of the policy was read."));

    auto* whatIf = new QPushButton(tr("Open in What-If"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Disagreements: contradictions first, then what the log cannot settle.")));
    buttons->addStretch();
    buttons->addWidget(whatIf);
    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(buttons);
    // Proportions, not pixels, so that a 1024 px window still shows the names.
    auto* detailSplit = new ProportionalSplitter(Qt::Horizontal);
    detailSplit->addWidget(m_disagreementTable);
    detailSplit->addWidget(m_details);
    detailSplit->setProportions({ 65, 35 });
    lowerLayout->addWidget(detailSplit);
    auto* tallies = new ProportionalSplitter(Qt::Horizontal);
    tallies->addWidget(policyTable);
    tallies->addWidget(conditionTable);
    tallies->setProportions({ 55, 45 });
    auto* split = new ProportionalSplitter(Qt::Vertical);
    split->addWidget(tallies);
    split->addWidget(lower);
    split->setProportions({ 1, 1 });
    m_tallyTables = { policyTable, conditionTable };
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(session, &DataSession::datasetChanged, this, &ReplayView::recompute);
    connect(
        m_disagreementTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReplayView::showDetails);
    auto openWhatIf = [this] {
        const auto* e = m_disagreements->example(m_disagreementTable->currentIndex().row());
        const auto dataset = m_session->dataset();
        if (!e || !dataset) return;
        const uint32_t row = dataset->findById(e->signInId);
        if (row != UINT32_MAX) emit whatIfRequested(int(row));
    };
    connect(whatIf, &QPushButton::clicked, this, openWhatIf);
    connect(m_disagreementTable, &QTableView::doubleClicked, this, openWhatIf);
}

QString ReplayView::summaryText() const
{
    return m_summary->text();
}

void ReplayView::recompute()
{
    auto dataset = m_session->dataset();
    if (!dataset) return;
    m_summary->setText(tr("Replaying the log against the policies…"));
    m_job->run([dataset](const std::atomic<bool>& cancel) { return whatif::replayLog(*dataset, 50, &cancel); },
        [this, policies = dataset->policies().size()](const whatif::ReplayReport& report) { show(report, policies); });
}

void ReplayView::show(const whatif::ReplayReport& r, size_t policies)
{
    std::vector<ReplayTallyModel::Row> byPolicy, byCondition;
    for (const auto& p : r.byPolicy)
        if (p.tally.pairs)
            byPolicy.emplace_back(QString::fromStdString(p.displayName.empty() ? p.id : p.displayName), p.tally);
    for (const auto& [reason, t] : r.byCondition) byCondition.emplace_back(conditionLabel(reason), t);
    m_policies->setRows(std::move(byPolicy));
    m_conditions->setRows(std::move(byCondition));
    m_disagreements->setExamples(r.examples);
    m_details->clear();
    // Names first and readable; the counts are short; long ids and policy names elide (tooltip in full).
    for (QTableView* t : m_tallyTables) fitColumns(t, [](int c) { return c == ReplayTallyModel::Name ? 30 : 0; });
    fitColumns(m_disagreementTable, [](int c) {
        return c == ReplayDisagreementModel::Policy ? 30 : c == ReplayDisagreementModel::SignIn ? 12 : 18;
    });
    if (policies == 0) {
        m_summary->setText(tr("No Conditional Access policies are loaded: open the tenant's policies (a fetch file, "
                              "or the Graph list of policies) to compare the log with them."));
    } else if (r.signIns == 0) {
        m_summary->setText(tr("No sign-in carries per-policy results to compare with (%1 without them, %2 that "
                              "failed before Conditional Access).")
                               .arg(number(r.withoutPolicyDetail), number(r.notEvaluated)));
    } else {
        m_summary->setText(
            tr("%1 logged sign-ins evaluated offline against %2 policies and compared with the log (%3 comparisons): "
               "%4 agree, %5 not enough information (the log does not carry what a condition needs, such as group "
               "membership), %6 contradictions. Not compared: %7 sign-ins without per-policy results, %8 that "
               "failed before Conditional Access.")
                .arg(number(r.signIns), number(policies), number(r.total.pairs), percent(r.total.agree, r.total.pairs),
                    percent(r.total.notEnoughInformation, r.total.pairs), number(r.total.contradictions),
                    number(r.withoutPolicyDetail), number(r.notEvaluated)));
    }
    if (m_disagreements->rowCount() > 0) m_disagreementTable->selectRow(0);
    emit ready();
}

void ReplayView::showDetails()
{
    const int row = m_disagreementTable->currentIndex().row();
    const auto* e = m_disagreements->example(row);
    if (!e) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(tr("'%1' for sign-in %2: the log says %3, the offline evaluation %4.\n\n")
                                .arg(QString::fromStdString(e->policyName), QString::fromStdString(e->signInId),
                                    policyResultLabel(e->logged), outcomeLabel(e->evaluated))
        + m_disagreements->detailsText(row));
}

} // namespace calens
