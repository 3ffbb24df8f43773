// SPDX-License-Identifier: MIT
#include "directoryview.h"

#include "query/directorytablemodels.h"
#include "session/datasession.h"
#include "tables.h"

#include <QLabel>
#include <QVBoxLayout>

namespace calens {

DirectoryView::DirectoryView(Kind kind, DataSession* session, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_session(session)
    , m_table(
          makeTable(kind == Kind::Policies ? QStringLiteral("policiesTable") : QStringLiteral("namedLocationsTable"),
              kind == Kind::Policies ? tr("Policies") : tr("Named locations")))
{
    if (kind == Kind::Policies) {
        m_policies = new PolicyTableModel(this);
        m_table->setModel(m_policies);
        connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
            emit filterRequested(QStringLiteral("policy:\"%1\"").arg(m_policies->rowAt(i.row()).name));
        });
    } else {
        m_locations = new NamedLocationTableModel(this);
        m_table->setModel(m_locations);
    }
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(kind == Kind::Policies
            ? tr("Counts are for the sign-ins the filter shows. Double-click a policy to "
                 "filter by it. Policies only seen in logs were not in a policy file.")
            : tr("Sign-ins counted are those the filter shows whose IP address is in the location."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_table);
    connect(session, &DataSession::snapshotChanged, this, &DirectoryView::refreshWhenShown);
}

void DirectoryView::refreshWhenShown()
{
    if (isVisible())
        refresh();
    else
        m_dirty = true;
}

void DirectoryView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty) refresh();
}

void DirectoryView::refresh()
{
    m_dirty = false;
    if (!m_session->dataset()) return;
    if (m_policies)
        m_policies->setData(*m_session->dataset(), *m_session->snapshot().rows);
    else
        m_locations->setData(*m_session->dataset(), *m_session->snapshot().rows);
    m_table->resizeColumnsToContents();
}

} // namespace calens
