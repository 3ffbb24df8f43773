// SPDX-License-Identifier: MIT
#include "overviewpanel.h"

#include "barlist.h"

#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "ingest/timestamp.h"
#include "query/summary.h"
#include "session/backgroundjob.h"
#include "session/datasession.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace calens {

namespace {

// A label that shows data: never markup, wraps, and lets a narrow dock shrink it.
QLabel* plainLabel(const QString& objectName = QString())
{
    auto* l = new QLabel;
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    l->setObjectName(objectName);
    return l;
}

QLabel* heading(const QString& text)
{
    QLabel* l = plainLabel();
    l->setText(text);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

QString number(uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

QString minute(int64_t ms)
{
    return QString::fromStdString(formatIso(ms)).left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
}

} // namespace

OverviewPanel::OverviewPanel(DataSession* session, QWidget* parent)
    : QScrollArea(parent)
    , m_session(session)
    , m_job(new BackgroundJob(this))
    , m_content(new QWidget)
    , m_empty(plainLabel(QStringLiteral("overviewEmpty")))
    , m_status(plainLabel(QStringLiteral("overviewStatus")))
    , m_data(new QWidget)
    , m_dataLayout(new QVBoxLayout(m_data))
{
    setObjectName(QStringLiteral("overview"));
    setAccessibleName(tr("Overview"));
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // a narrow dock elides and wraps instead
    setFrameShape(QFrame::NoFrame);
    m_empty->setText(tr("Nothing loaded yet.\n\nOpen sign-in exports or a folder, the demo tenant, or paste an "
                        "error message: the summary of what you load appears here."));
    m_dataLayout->setContentsMargins(0, 0, 0, 0);

    // Key figures, two by two: big numbers with what they count under them.
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    int cell = 0;
    for (auto [value, caption, name] : { std::tuple { &m_signIns, tr("Sign-ins"), "figureSignIns" },
             std::tuple { &m_blocked, tr("Blocked by Conditional Access"), "figureBlocked" },
             std::tuple { &m_identitiesAffected, tr("Identities affected"), "figureIdentities" },
             std::tuple { &m_incidents, tr("Incidents"), "figureIncidents" } }) {
        *value = plainLabel(QLatin1String(name));
        QFont big = (*value)->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        (*value)->setFont(big);
        QLabel* text = plainLabel();
        text->setText(caption);
        text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto* box = new QVBoxLayout;
        box->setSpacing(0);
        box->addWidget(*value);
        box->addWidget(text);
        box->addStretch();
        grid->addLayout(box, cell / 2, cell % 2);
        m_figures.emplace_back(*value, text);
        ++cell;
    }
    m_blocked->setToolTip(tr("Sign-ins refused by Conditional Access: error 53003 and the other Conditional Access "
                             "codes, as the filter error:ca finds them"));
    m_incidents->setToolTip(tr("One incident per root cause: a blocking policy and why it blocked"));
    m_dataLayout->addLayout(grid);
    m_blockedDetail = plainLabel(QStringLiteral("overviewBlockedDetail"));
    m_span = plainLabel(QStringLiteral("overviewSpan"));
    m_types = plainLabel(QStringLiteral("overviewTypes"));
    for (QLabel* l : { m_blockedDetail, m_span, m_types }) m_dataLayout->addWidget(l);
    m_policies = addList(tr("Top failing policies"), QStringLiteral("overviewPolicies"),
        tr("Policies by the sign-ins whose controls they found unmet (their result was failure). Click one to show "
           "them."),
        &Overview::policies);
    m_apps = addList(tr("Most blocked applications"), QStringLiteral("overviewApps"),
        tr("Applications by their sign-ins blocked by Conditional Access. Click one to show them."), &Overview::apps);
    m_identities = addList(tr("Most blocked identities"), QStringLiteral("overviewIdentities"),
        tr("Users and workload identities by their sign-ins blocked by Conditional Access. Click one to show them."),
        &Overview::identities);
    m_known = plainLabel(QStringLiteral("overviewKnown"));
    m_dataLayout->addWidget(m_known);
    m_dataLayout->addWidget(heading(tr("Inputs")));
    m_inputs = plainLabel(QStringLiteral("overviewInputs"));
    m_inputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dataLayout->addWidget(m_inputs);

    auto* layout = new QVBoxLayout(m_content);
    layout->addWidget(m_empty);
    layout->addWidget(m_status);
    layout->addWidget(m_data);
    layout->addStretch();
    setWidget(m_content);
    connect(session, &DataSession::datasetChanged, this, &OverviewPanel::recompute);
    showEmpty();
}

OverviewPanel::~OverviewPanel() = default;

BarList* OverviewPanel::addList(const QString& title, const QString& objectName, const QString& hint, Entries entries)
{
    QLabel* label = heading(title);
    label->setToolTip(hint);
    auto* list = new BarList;
    list->setObjectName(objectName);
    QLabel* none = plainLabel();
    none->setText(tr("None."));
    m_dataLayout->addSpacing(6);
    m_dataLayout->addWidget(label);
    m_dataLayout->addWidget(list);
    m_dataLayout->addWidget(none);
    // An entry stands for its filter term: the click sets it.
    connect(list, &BarList::activated, this, [this, entries](int i) {
        const auto& shown = m_overview.*entries;
        if (size_t(i) < shown.size()) emit filterRequested(shown[size_t(i)].filter);
    });
    const bool policies = entries == &Overview::policies;
    m_sections.push_back({ label, list, none, entries, policies ? tr("sign-in where it failed") : tr("blocked sign-in"),
        policies ? tr("sign-ins where it failed") : tr("blocked sign-ins") });
    return list;
}

void OverviewPanel::showEmpty()
{
    m_overview = Overview();
    m_empty->show();
    m_status->hide();
    m_data->hide();
}

void OverviewPanel::recompute()
{
    auto dataset = m_session->dataset();
    if (!dataset) {
        m_job->cancel();
        showEmpty();
        return;
    }
    m_empty->hide();
    m_data->hide();
    m_status->setText(tr("Summarizing %1…")
                          .arg(counted(dataset->signInCount(), QStringLiteral("sign-in"), QStringLiteral("sign-ins"))));
    m_status->show();
    m_job->run(
        [dataset, reports = m_session->reports()](const std::atomic<bool>& cancel) {
            const Summary summary = summarize(*dataset);
            return computeOverview(*dataset, summary, clusterIncidents(*dataset, &cancel), reports);
        },
        [this](Overview overview) {
            m_overview = std::move(overview);
            showOverview();
            emit ready();
        });
}

void OverviewPanel::showOverview()
{
    const Overview& o = m_overview;
    m_signIns->setText(number(o.signIns));
    m_blocked->setText(number(o.blockedByCa));
    m_identitiesAffected->setText(number(o.identitiesAffected));
    m_incidents->setText(number(o.incidents));
    m_blockedDetail->setText(o.blockedByCa == 0 ? tr("No sign-in was blocked by Conditional Access.")
            : o.blockedByCa == o.blocked53003
            ? tr("All with error 53003.")
            : tr("%1 with error 53003, %2 with other Conditional Access codes.")
                  .arg(number(o.blocked53003), number(o.blockedByCa - o.blocked53003)));
    if (o.firstMs == INT64_MAX || o.lastMs == INT64_MIN) {
        m_span->setText(tr("No time stamps in the data."));
    } else {
        const int64_t days = (o.lastMs - o.firstMs + 86399999) / 86400000;
        m_span->setText(tr("%1 to %2 UTC (%3)")
                            .arg(minute(o.firstMs), minute(o.lastMs),
                                counted(uint64_t(std::max<int64_t>(days, 1)), tr("day"), tr("days"))));
    }
    QStringList types;
    const QString typeWords[] = { tr("interactive"), tr("non-interactive"), tr("service principal"),
        tr("managed identity"), tr("of unknown type") };
    for (size_t t = 0; t < o.types.size(); ++t)
        if (o.types[t]) types << QStringLiteral("%1 %2").arg(number(o.types[t]), typeWords[t]);
    m_types->setText(types.join(QStringLiteral(" · ")));
    for (const Section& section : m_sections) {
        std::vector<BarList::Item> items;
        for (const OverviewEntry& e : o.*section.entries)
            items.push_back({ e.label, e.count,
                tr("%1\n%2. Click to show them: %3")
                    .arg(e.label, counted(e.count, section.one, section.many), e.filter) });
        section.list->setItems(items);
        section.none->setVisible(items.empty());
    }
    m_known->setText(tr("%1 and %2 loaded.")
                         .arg(counted(o.policiesKnown, tr("policy definition"), tr("policy definitions")),
                             counted(o.namedLocationsKnown, tr("named location"), tr("named locations"))));
    m_inputs->setText(o.inputs.isEmpty() ? tr("None.") : o.inputs.join(QLatin1Char('\n')));
    m_status->hide();
    m_empty->hide();
    m_data->show();
}

QString OverviewPanel::plainText() const
{
    if (!m_empty->isHidden()) return m_empty->text();
    if (m_data->isHidden()) return m_status->text();
    QStringList out;
    for (const auto& [value, caption] : m_figures) out << value->text() + QLatin1Char(' ') + caption->text();
    for (QLabel* l : { m_blockedDetail, m_span, m_types }) out << l->text();
    for (const Section& section : m_sections) {
        out << section.title->text();
        for (int i = 0; i < section.list->count(); ++i)
            out << QStringLiteral("%1 %2").arg(section.list->entry(i)->label()).arg(section.list->entry(i)->count());
        if (!section.none->isHidden()) out << section.none->text();
    }
    out << m_known->text() << tr("Inputs") << m_inputs->text();
    return out.join(QLatin1Char('\n'));
}

} // namespace calens
