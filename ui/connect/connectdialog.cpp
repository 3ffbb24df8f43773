// SPDX-License-Identifier: MIT
#include "connectdialog.h"

#include "graph/cloud.h"
#include "graph/credentials.h"
#include "graph/fetchjob.h"
#include "graph/fetchoptions.h"
#include "graph/fetchprogress.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace calens {

namespace {
const char* kPermissions = QT_TRANSLATE_NOOP("ConnectDialog",
    "<b>The app registration needs</b> (admin consent): <i>AuditLog.Read.All</i> for sign-ins, "
    "<i>Policy.Read.All</i> for Conditional Access policies, named locations and the per-policy "
    "results inside sign-ins, and <i>Application.Read.All</i> for service-principal names "
    "(delegated or application permissions). A signing-in user also needs a role that may read "
    "sign-in logs and Conditional Access: Global Reader, Security Reader, Security Administrator or "
    "Conditional Access Administrator. Sign-in logs need Microsoft Entra ID P1 or P2.");
}

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent)
    , m_cloud(new QComboBox)
    , m_method(new QComboBox)
    , m_tenant(new QLineEdit)
    , m_clientId(new QLineEdit)
    , m_secret(new QLineEdit)
    , m_authority(new QLineEdit)
    , m_graph(new QLineEdit)
    , m_since(new QDateTimeEdit)
    , m_until(new QDateTimeEdit)
    , m_users(new QCheckBox(tr("users (interactive and non-interactive)")))
    , m_sps(new QCheckBox(tr("service principals")))
    , m_msis(new QCheckBox(tr("managed identities")))
    , m_onlyBlocked(new QCheckBox(tr("only sign-ins blocked by Conditional Access (53003)")))
    , m_deviceCode(new QLabel)
    , m_status(new QLabel)
    , m_progress(new QProgressBar)
    , m_connect(new QPushButton(tr("Connect and fetch")))
    , m_copyCode(new QPushButton(tr("Copy code")))
{
    setWindowTitle(tr("Connect to a tenant"));
    setObjectName(QStringLiteral("connectDialog"));
    m_cloud->addItem(tr("Global (graph.microsoft.com)"), QStringLiteral("global"));
    m_cloud->addItem(tr("US Government"), QStringLiteral("usgov"));
    m_cloud->addItem(tr("China (21Vianet)"), QStringLiteral("china"));
    m_method->addItem(tr("Device code (sign in as yourself)"));
    m_method->addItem(tr("Client secret (application permissions)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("kept in memory for this session only"));
    m_tenant->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant id"));
    m_authority->setPlaceholderText(tr("optional: another authority, e.g. a local emulator"));
    m_graph->setPlaceholderText(tr("optional: another Graph base URL"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_since->setDateTime(now.addDays(-1));
    m_until->setDateTime(now);
    for (QDateTimeEdit* e : { m_since, m_until }) {
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        e->setCalendarPopup(true);
    }
    for (QCheckBox* c : { m_users, m_sps, m_msis }) c->setChecked(true);
    QSettings s;
    m_cloud->setCurrentIndex(std::max(0, m_cloud->findData(s.value(QStringLiteral("graph/cloud")).toString())));
    m_tenant->setText(s.value(QStringLiteral("graph/tenant")).toString());
    m_clientId->setText(s.value(QStringLiteral("graph/clientId")).toString());
    m_method->setCurrentIndex(s.value(QStringLiteral("graph/method"), 0).toInt());
    m_authority->setText(s.value(QStringLiteral("graph/authorityUrl")).toString());
    m_graph->setText(s.value(QStringLiteral("graph/graphUrl")).toString());

    auto* form = new QFormLayout;
    form->addRow(tr("Cloud"), m_cloud);
    form->addRow(tr("Tenant"), m_tenant);
    form->addRow(tr("Client ID"), m_clientId);
    form->addRow(tr("Sign in with"), m_method);
    form->addRow(tr("Client secret"), m_secret);
    form->addRow(tr("From"), m_since);
    form->addRow(tr("Until"), m_until);
    auto* types = new QVBoxLayout;
    for (QCheckBox* c : { m_users, m_sps, m_msis, m_onlyBlocked }) types->addWidget(c);
    form->addRow(tr("Sign-ins of"), types);
    form->addRow(tr("Authority URL"), m_authority);
    form->addRow(tr("Graph URL"), m_graph);
    auto* permissions = new QLabel(tr(kPermissions));
    permissions->setWordWrap(true);
    m_deviceCode->setWordWrap(true);
    m_deviceCode->setOpenExternalLinks(true);
    m_deviceCode->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_deviceCode->setObjectName(QStringLiteral("deviceCode"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("connectStatus"));
    m_copyCode->hide();
    m_progress->hide();
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_deviceCode, 1);
    codeRow->addWidget(m_copyCode);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(permissions);
    layout->addLayout(form);
    layout->addLayout(codeRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    auto methodChanged = [this] { m_secret->setEnabled(m_method->currentIndex() == 1); };
    methodChanged();
    connect(m_method, &QComboBox::currentIndexChanged, this, methodChanged);
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_job) m_job->cancel();
        reject();
    });
    connect(m_copyCode, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_copyCode->property("code").toString()); });
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setEndpoints(const QString& authorityUrl, const QString& graphUrl)
{
    m_authority->setText(authorityUrl);
    m_graph->setText(graphUrl);
}

void ConnectDialog::setTenant(const QString& tenant, const QString& clientId)
{
    m_tenant->setText(tenant);
    m_clientId->setText(clientId);
}

void ConnectDialog::setClientSecret(const QString& secret)
{
    m_method->setCurrentIndex(1);
    m_secret->setText(secret);
}

void ConnectDialog::setWindow(qint64 sinceMs, qint64 untilMs)
{
    m_since->setDateTime(QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC));
    m_until->setDateTime(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC));
}

void ConnectDialog::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("graph/cloud"), m_cloud->currentData());
    s.setValue(QStringLiteral("graph/tenant"), m_tenant->text().trimmed());
    s.setValue(QStringLiteral("graph/clientId"), m_clientId->text().trimmed());
    s.setValue(QStringLiteral("graph/method"), m_method->currentIndex());
    s.setValue(QStringLiteral("graph/authorityUrl"), m_authority->text().trimmed());
    s.setValue(QStringLiteral("graph/graphUrl"), m_graph->text().trimmed());
    // The secret is never written: it stays in this dialog's memory.
}

void ConnectDialog::connectNow()
{
    if (m_job) return;
    QString error;
    const auto cloud = graph::cloudFromName(m_cloud->currentData().toString());
    const auto endpoints = graph::resolveEndpoints(
        cloud.value_or(graph::Cloud::Global), m_authority->text().trimmed(), m_graph->text().trimmed(), &error);
    if (!endpoints) {
        m_status->setText(error);
        return;
    }
    if (m_tenant->text().trimmed().isEmpty() || m_clientId->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the tenant and the client ID of an app registration."));
        return;
    }
    graph::Credentials credentials;
    credentials.tenant = m_tenant->text().trimmed();
    credentials.clientId = m_clientId->text().trimmed();
    credentials.method = m_method->currentIndex() == 1 ? graph::Credentials::Method::ClientSecret
                                                       : graph::Credentials::Method::DeviceCode;
    credentials.clientSecret = m_secret->text();
    graph::FetchOptions options;
    options.sinceMs = m_since->dateTime().toMSecsSinceEpoch();
    options.untilMs = m_until->dateTime().toMSecsSinceEpoch();
    options.userSignIns = m_users->isChecked();
    options.servicePrincipalSignIns = m_sps->isChecked();
    options.managedIdentitySignIns = m_msis->isChecked();
    if (m_onlyBlocked->isChecked()) options.errorCode = 53003;
    saveSettings();
    m_job = new graph::FetchJob(*endpoints, credentials, options, this);
    m_connect->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Signing in…"));
    connect(m_job, &graph::FetchJob::deviceCode, this, [this](const graph::DeviceCodeInfo& info) {
        m_deviceCode->setText(tr("Open <a href=\"%1\">%1</a> and enter the code <b style='font-size:large'>%2</b>")
                                  .arg(info.verificationUri.toHtmlEscaped(), info.userCode.toHtmlEscaped()));
        m_copyCode->setProperty("code", info.userCode);
        m_copyCode->show();
    });
    connect(m_job, &graph::FetchJob::signedIn, this, [this] { m_status->setText(tr("Signed in; fetching…")); });
    connect(m_job, &graph::FetchJob::progressChanged, this, [this](const graph::FetchProgress& p) {
        if (p.queriesTotal > 0) m_progress->setRange(0, p.queriesTotal);
        m_progress->setValue(p.queriesDone);
        m_status->setText(tr("%1 pages, %2 sign-ins — %3").arg(p.pages).arg(p.signIns).arg(p.current));
    });
    connect(m_job, &graph::FetchJob::finished, this, [this](bool ok) {
        m_progress->hide();
        m_connect->setEnabled(true);
        std::shared_ptr<const Dataset> dataset(m_job->takeDataset());
        QString summary = m_job->warnings().join(QLatin1Char('\n'));
        if (!ok) {
            m_status->setText(tr("Stopped: %1").arg(m_job->error().text()));
            summary = m_job->error().text() + QLatin1Char('\n') + summary;
        }
        m_job->deleteLater();
        m_job = nullptr;
        if (dataset && (ok || dataset->signInCount() > 0)) {
            emit fetched(dataset, summary); // what arrived before a failure is kept
            if (ok) accept();
        }
    });
    m_job->start();
}

} // namespace calens
