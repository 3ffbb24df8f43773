// SPDX-License-Identifier: MIT
#include "signindetailsview.h"

#include "signindetails.h"
#include "theme.h"
#include "views/wrappingdelegate.h"

#include "model/signinref.h"
#include "query/conditionwords.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QStyle>

namespace calens {

namespace {
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
constexpr int kStatusRole = Qt::UserRole + 1; // a policy line's Status, for its colour
} // namespace

SignInDetailsView::SignInDetailsView(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("signInDetails"));
    setAccessibleName(tr("Selected sign-in"));
    setColumnCount(2);
    setHeaderLabels({ tr("Field"), tr("Value") });
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    setRootIsDecorated(false);
    setIndentation(10);
    setWordWrap(true); // values wrap; the rows grow (a few dozen of them, so measuring is cheap)
    setUniformRowHeights(false);
    setItemDelegate(new WrappingDelegate(this));
    connect(header(), &QHeaderView::sectionResized, this, [this] { doItemsLayout(); });
    setTextElideMode(Qt::ElideRight);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem* i = currentItem())
            QApplication::clipboard()->setText(
                i->text(1).isEmpty() ? i->text(0) : i->text(0) + QStringLiteral(": ") + i->text(1));
    });
    auto* copyAll = new QAction(tr("Copy all details"), this);
    connect(copyAll, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(m_text); });
    addActions({ copy, copyAll });
}

void SignInDetailsView::showSignIn(const Dataset& dataset, uint32_t row)
{
    clear();
    m_text = signInDetailsText(dataset, row);
    for (const DetailField& f : signInDetailFields(dataset, row)) {
        auto* item = new QTreeWidgetItem(this, { f.label, f.value }); // plain text: log values are never markup
        item->setToolTip(0, f.property);
        item->setToolTip(1, f.value);
    }
    const SignInRef s = dataset.signIn(row);
    auto* policies = new QTreeWidgetItem(this);
    QFont bold = font();
    bold.setBold(true);
    policies->setFont(0, bold);
    policies->setFirstColumnSpanned(true);
    if (s.policyDetail() != Tristate::True) {
        policies->setText(0, tr("No per-policy detail in this record"));
        policies->setToolTip(0,
            tr("A CSV download, or a log read without the Conditional Access permission, has no per-policy results."));
    } else {
        policies->setText(0, tr("Conditional Access policies (%1)").arg(s.evals().size()));
        // Failures first, then what would fail when enabled, then the rest.
        for (int pass = 0; pass < 3; ++pass)
            for (const PolicyEval& e : s.evals()) {
                const int rank = e.result == PolicyResult::Failure ? 0
                    : e.result == PolicyResult::ReportOnlyFailure  ? 1
                                                                   : 2;
                if (rank != pass) continue;
                const QString result = policyResultLabel(s.resultText(e));
                QString value = q(s.policyName(e));
                const QString grants = grantsText(s, e);
                if (!grants.isEmpty()) value += tr(" — requires %1").arg(grants);
                auto* item = new QTreeWidgetItem(policies, { result, value });
                item->setToolTip(0, result);
                item->setToolTip(1, value);
                item->setData(0, kStatusRole,
                    int(rank == 0       ? Status::Blocked
                            : rank == 1 ? Status::Caution
                                        : Status::Neutral));
                // A shape beside the word, not colour alone.
                if (rank < 2)
                    item->setIcon(0,
                        style()->standardIcon(
                            rank == 0 ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
            }
        policies->setExpanded(true);
    }
    colourResults();
    fitKeyColumn();
}

void SignInDetailsView::colourResults()
{
    QTreeWidgetItem* policies = topLevelItemCount() ? topLevelItem(topLevelItemCount() - 1) : nullptr;
    for (int i = 0; policies && i < policies->childCount(); ++i) {
        QTreeWidgetItem* item = policies->child(i);
        const auto status = Status(item->data(0, kStatusRole).toInt());
        if (status == Status::Neutral)
            item->setData(0, Qt::ForegroundRole, QVariant());
        else
            item->setForeground(0, statusColor(status, palette()));
    }
}

void SignInDetailsView::fitKeyColumn()
{
    // The keys get what the longest one needs, up to 45% of the width; a longer key elides (tooltip in full).
    int want = 0;
    const QFontMetrics fm = fontMetrics();
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize) + 6;
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if (!(*it)->isFirstColumnSpanned())
            want = std::max(want, fm.horizontalAdvance((*it)->text(0)) + ((*it)->icon(0).isNull() ? 0 : icon));
    const int indent = indentation() + 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    setColumnWidth(0, std::min(want + indent, std::max(80, viewport()->width() * 45 / 100)));
}

void SignInDetailsView::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    fitKeyColumn();
}

void SignInDetailsView::changeEvent(QEvent* event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) colourResults();
}

} // namespace calens
