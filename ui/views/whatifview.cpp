// SPDX-License-Identifier: MIT
#include "whatifview.h"

#include "proportionalsplitter.h"

#include "diagnosis/words.h"

#include "query/conditionwords.h"

#include "model/signinref.h"
#include "session/datasession.h"
#include "theme.h"
#include "whatif/logcompare.h"
#include "whatif/whatifevaluator.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace calens {

namespace {
QString join(const std::vector<std::string>& v)
{
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}
std::vector<std::string> split(const QString& text)
{
    std::vector<std::string> out;
    for (const QString& s : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) out.push_back(s.trimmed().toStdString());
    return out;
}
QComboBox* combo(const QStringList& items)
{
    auto* c = new QComboBox;
    c->addItems(items);
    // As narrow as a dozen characters: the form leaves the width to the results.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(12);
    return c;
}
constexpr int kStatusRole = Qt::UserRole + 1; // an outcome cell's Status, for its colour
} // namespace

WhatIfView::WhatIfView(DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_identity(combo({ tr("user"), tr("service principal") }))
    , m_id(new QLineEdit)
    , m_groups(new QLineEdit)
    , m_apps(new QLineEdit)
    , m_ip(new QLineEdit)
    , m_country(new QLineEdit)
    , m_platform(combo({ QString(), QStringLiteral("windows"), QStringLiteral("macOS"), QStringLiteral("linux"),
          QStringLiteral("iOS"), QStringLiteral("android") }))
    , m_client(combo({ QString(), QStringLiteral("browser"), QStringLiteral("mobileAppsAndDesktopClients"),
          QStringLiteral("exchangeActiveSync"), QStringLiteral("other") }))
    , m_signInRisk(combo({ QString(), QStringLiteral("none"), QStringLiteral("low"), QStringLiteral("medium"),
          QStringLiteral("high") }))
    , m_userRisk(combo({ QString(), QStringLiteral("none"), QStringLiteral("low"), QStringLiteral("medium"),
          QStringLiteral("high") }))
    , m_compliant(combo({ QString(), tr("compliant"), tr("not compliant") }))
    , m_table(new QTableWidget)
    , m_disagreements(new QPlainTextEdit)
{
    m_groups->setPlaceholderText(tr("group ids, comma separated (blank: not known)"));
    m_apps->setPlaceholderText(tr("resource app ids, comma separated"));
    m_country->setPlaceholderText(tr("two-letter code"));
    auto* form = new QFormLayout;
    form->addRow(tr("Identity"), m_identity);
    form->addRow(tr("Object id"), m_id);
    form->addRow(tr("Member of"), m_groups);
    form->addRow(tr("Applications"), m_apps);
    form->addRow(tr("IP address"), m_ip);
    form->addRow(tr("Country"), m_country);
    form->addRow(tr("Platform"), m_platform);
    form->addRow(tr("Client app"), m_client);
    form->addRow(tr("Sign-in risk"), m_signInRisk);
    form->addRow(tr("User risk"), m_userRisk);
    form->addRow(tr("Device"), m_compliant);
    auto* run = new QPushButton(tr("Evaluate"));
    run->setObjectName(QStringLiteral("whatIfEvaluate"));
    form->addRow(QString(), run);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    auto* hint
        = new QLabel(tr("Blank fields are \"not known\": conditions that need them say so instead of guessing."));
    hint->setWordWrap(true);
    leftLayout->addWidget(hint);
    leftLayout->addLayout(form);
    leftLayout->addStretch();
    m_table->setObjectName(QStringLiteral("whatIfResults"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({ tr("Policy"), tr("Outcome"), tr("Reasons"), tr("Not known"), tr("Requires") });
    m_table->horizontalHeaderItem(3)->setToolTip(tr("Not enough information: what the input does not say"));
    // No sideways scroll: the policy name stretches into what the other columns leave, the others are as wide
    // as they need up to a share of the width, and elide with the whole text in the tooltip (fitColumns).
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->installEventFilter(this);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disagreements->setReadOnly(true);
    m_disagreements->setPlaceholderText(tr("Where the sign-in log and this evaluation disagree"));
    auto* right = new ProportionalSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(m_disagreements);
    right->setProportions({ 3, 1 });
    // Proportions, not pixels: the form a third, the results the rest, on any window.
    auto* split = new ProportionalSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setCollapsible(1, false);
    split->setProportions({ 28, 72 });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    connect(run, &QPushButton::clicked, this, [this] {
        m_row = -1; // edited by hand: a hypothetical sign-in
        evaluate();
    });
}

bool WhatIfView::isUnused() const
{
    return m_table->rowCount() == 0;
}

void WhatIfView::useSignIn(int row)
{
    if (!m_session->dataset() || row < 0) return;
    m_row = row;
    const whatif::WhatIfInput in = whatif::fromSignIn(m_session->dataset()->signIn(uint32_t(row)));
    const bool sp = in.identity != whatif::WhatIfInput::Identity::User;
    m_identity->setCurrentIndex(sp ? 1 : 0);
    m_id->setText(QString::fromStdString(sp ? in.servicePrincipalId : in.userId));
    m_groups->clear();
    m_apps->setText(join(in.apps));
    m_ip->setText(QString::fromStdString(in.ipAddress));
    m_country->setText(in.country ? QString::fromStdString(*in.country) : QString());
    for (QLineEdit* e : { m_id, m_apps, m_ip, m_country }) e->setCursorPosition(0); // the start of a long id shows
    m_platform->setCurrentText(QString::fromStdString(in.platform));
    m_client->setCurrentText(QString::fromStdString(in.clientAppType));
    m_signInRisk->setCurrentText(QString::fromStdString(in.signInRisk));
    m_userRisk->setCurrentText(QString::fromStdString(in.userRisk));
    m_compliant->setCurrentIndex(in.deviceCompliant ? (*in.deviceCompliant ? 1 : 2) : 0);
    evaluate();
    m_row = row;
}

void WhatIfView::evaluate()
{
    if (!m_session->dataset()) return;
    const Dataset& d = *m_session->dataset();
    whatif::WhatIfInput in = m_row >= 0 ? whatif::fromSignIn(d.signIn(uint32_t(m_row))) : whatif::WhatIfInput();
    const bool sp = m_identity->currentIndex() == 1;
    in.identity = sp ? whatif::WhatIfInput::Identity::ServicePrincipal : whatif::WhatIfInput::Identity::User;
    (sp ? in.servicePrincipalId : in.userId) = m_id->text().trimmed().toStdString();
    if (!m_groups->text().trimmed().isEmpty()) in.groupIds = split(m_groups->text());
    in.apps = split(m_apps->text());
    in.ipAddress = m_ip->text().trimmed().toStdString();
    if (!m_country->text().trimmed().isEmpty()) in.country = m_country->text().trimmed().toUpper().toStdString();
    in.platform = m_platform->currentText().toStdString();
    in.clientAppType = m_client->currentText().toStdString();
    in.signInRisk = m_signInRisk->currentText().toStdString();
    in.userRisk = m_userRisk->currentText().toStdString();
    if (m_compliant->currentIndex() > 0) in.deviceCompliant = m_compliant->currentIndex() == 1;
    const auto verdicts = whatif::WhatIfEvaluator(d).evaluate(in);
    m_table->setRowCount(int(verdicts.size()));
    for (int r = 0; r < int(verdicts.size()); ++r) {
        const auto& v = verdicts[size_t(r)];
        // The portal's words; the condition that decided it in the same row; the ids stay in the JSON.
        QStringList controls;
        for (const std::string& g : v.grantControls) controls << controlWord(QString::fromStdString(g));
        const QString required
            = controls.join(v.operatorText == "OR" ? QStringLiteral(" or ") : QStringLiteral(" and "));
        auto labels = [](const std::vector<std::string>& reasons) {
            QStringList out;
            for (const std::string& reason : reasons) out << conditionLabel(reason);
            return out.join(QStringLiteral(", "));
        };
        QString outcome = outcomeLabel(whatif::outcomeName(v.outcome));
        if (v.outcome == whatif::PolicyVerdict::Outcome::NotEnoughInformation && !v.notEnoughInformation.empty())
            outcome += QStringLiteral(": ") + labels(v.notEnoughInformation) + tr(" unknown");
        if (v.reportOnly) outcome += tr(" (report-only)");
        QStringList details;
        for (const std::string& line : v.details) details << detailLine(line);
        const QStringList cells { QString::fromStdString(v.displayName), outcome, labels(v.reasons),
            labels(v.notEnoughInformation), required };
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            // The cell in full first (it may be elided), then how each condition was read.
            item->setToolTip(
                details.isEmpty() ? cells[c] : cells[c] + QStringLiteral("\n\n") + details.join(QLatin1Char('\n')));
            if (c == 1) {
                // A shape and a word, not only a colour: readable in the dark palette and without colour vision.
                const bool applies = v.applies();
                const bool unknown = v.outcome == whatif::PolicyVerdict::Outcome::NotEnoughInformation;
                item->setIcon(style()->standardIcon(applies ? QStyle::SP_MessageBoxCritical
                        : unknown                           ? QStyle::SP_MessageBoxQuestion
                                                            : QStyle::SP_DialogApplyButton));
                item->setData(kStatusRole, int(applies ? Status::Blocked : unknown ? Status::Caution : Status::Fine));
            }
            m_table->setItem(r, c, item);
        }
    }
    colourOutcomes();
    fitColumns();
    QStringList lines;
    if (m_row >= 0)
        for (const auto& dis : whatif::compareWithLog(d.signIn(uint32_t(m_row)), verdicts))
            lines << (dis.policyId.empty()
                    ? QString::fromStdString(dis.explanation).prepend(tr("Not compared: "))
                    : QStringLiteral("%1: the log says %2, the evaluation says %3 — %4")
                          .arg(QString::fromStdString(dis.displayName), QString::fromStdString(dis.logResult),
                              QString::fromStdString(dis.evaluation), QString::fromStdString(dis.explanation)));
    m_disagreements->setPlainText(lines.isEmpty() && m_row >= 0
            ? tr("The evaluation agrees with the sign-in log for every policy.")
            : lines.join(QLatin1Char('\n')));
}

} // namespace calens

namespace calens {

void WhatIfView::fitColumns()
{
    // Each column but the policy's: what its text needs, up to its share of the width; the policy name gets
    // the rest (at least 40%). A header is never cut: a clipped "Not known" tells nothing.
    static constexpr int kShare[] = { 0, 20, 16, 9, 11 }; // percent of the viewport
    const int avail = m_table->viewport()->width();
    const auto* view = static_cast<const QAbstractItemView*>(m_table);
    for (int c = 1; c < m_table->columnCount(); ++c) {
        int header = m_table->horizontalHeader()->sectionSizeHint(c);
        if (c == 1) // the outcome's icon and its short words stay whole
            header = std::max(header,
                style()->pixelMetric(QStyle::PM_SmallIconSize)
                    + m_table->fontMetrics().horizontalAdvance(tr("Does not apply")) + 24);
        const int natural = std::max(header, view->sizeHintForColumn(c));
        m_table->setColumnWidth(c, std::min(natural, std::max(header, avail * kShare[c] / 100)));
    }
}

void WhatIfView::colourOutcomes()
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (QTableWidgetItem* item = m_table->item(r, 1))
            item->setForeground(statusColor(Status(item->data(kStatusRole).toInt()), m_table->palette()));
}

bool WhatIfView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::Resize) fitColumns();
    if (watched == m_table && event->type() == QEvent::PaletteChange) colourOutcomes();
    return QWidget::eventFilter(watched, event);
}

} // namespace calens
