// SPDX-License-Identifier: MIT
#include "connectdialog.h"

#include "rememberedlogin.h"

#include "graph/fetchjob.h"
#include "graph/fetchprogress.h"
#include "graph/grapherror.h"
#include "graph/keychainaccounts.h"
#include "graph/secretvault.h"

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
#include <QPointer>
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

// The refusal in the shape the error reader knows from MSAL: the code and description, then the ids and time.
QString refusalAsErrorText(const graph::GraphError& e)
{
    QStringList lines;
    lines << (e.detail.startsWith(QLatin1String("AADSTS")) ? e.detail : e.code + QStringLiteral(": ") + e.detail);
    if (!e.traceId.isEmpty()) lines << QStringLiteral("Trace ID: ") + e.traceId;
    if (!e.correlationId.isEmpty()) lines << QStringLiteral("Correlation ID: ") + e.correlationId;
    if (!e.timestamp.isEmpty()) lines << QStringLiteral("Timestamp: ") + e.timestamp;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ConnectDialog::ConnectDialog(QWidget* parent)
    : QDialog(parent)
    , m_cloud(new QComboBox)
    , m_method(new QComboBox)
    , m_tenant(new QComboBox)
    , m_clientId(new QComboBox)
    , m_secret(new QLineEdit)
    , m_authority(new QLineEdit)
    , m_graph(new QLineEdit)
    , m_since(new QDateTimeEdit)
    , m_until(new QDateTimeEdit)
    , m_users(new QCheckBox(tr("users (interactive and non-interactive)")))
    , m_sps(new QCheckBox(tr("service principals")))
    , m_msis(new QCheckBox(tr("managed identities")))
    , m_onlyBlocked(new QCheckBox(tr("only sign-ins blocked by Conditional Access (53003)")))
    , m_remember(new QCheckBox(tr("Remember in the system keychain")))
    , m_deviceCode(new QLabel)
    , m_status(new QLabel)
    , m_keychainNotice(new QLabel)
    , m_limit(new QLabel)
    , m_progress(new QProgressBar)
    , m_connect(new QPushButton(tr("Connect and fetch")))
    , m_copyCode(new QPushButton(tr("Copy code")))
    , m_diagnoseRefusal(new QPushButton(tr("Diagnose this refusal…")))
{
    setWindowTitle(tr("Connect to a tenant"));
    setObjectName(QStringLiteral("connectDialog"));
    m_cloud->addItem(tr("Global (graph.microsoft.com)"), QStringLiteral("global"));
    m_cloud->addItem(tr("US Government"), QStringLiteral("usgov"));
    m_cloud->addItem(tr("China (21Vianet)"), QStringLiteral("china"));
    m_method->addItem(tr("Device code (sign in as yourself)"));
    m_method->addItem(tr("Client secret (application permissions)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setObjectName(QStringLiteral("clientSecret"));
    m_method->setObjectName(QStringLiteral("signInMethod"));
    // Recent tenants and app registrations (names only) in editable drop-downs.
    for (QComboBox* c : { m_tenant, m_clientId }) {
        c->setEditable(true);
        c->setInsertPolicy(QComboBox::NoInsert);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_tenant->addItems(recentTenants());
    m_clientId->addItems(recentClientIds());
    m_tenant->lineEdit()->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant id"));
    m_remember->setObjectName(QStringLiteral("rememberInKeychain"));
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setWordWrap(true);
    m_keychainNotice->hide();
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
    m_tenant->setCurrentText(s.value(QStringLiteral("graph/tenant")).toString());
    m_clientId->setCurrentText(s.value(QStringLiteral("graph/clientId")).toString());
    m_method->setCurrentIndex(s.value(QStringLiteral("graph/method"), 0).toInt());
    m_remember->setChecked(rememberInKeychain());
    m_authority->setText(s.value(QStringLiteral("graph/authorityUrl")).toString());
    m_graph->setText(s.value(QStringLiteral("graph/graphUrl")).toString());

    auto* form = new QFormLayout;
    form->addRow(tr("Cloud"), m_cloud);
    form->addRow(tr("Tenant"), m_tenant);
    form->addRow(tr("Client ID"), m_clientId);
    form->addRow(tr("Sign in with"), m_method);
    form->addRow(tr("Client secret"), m_secret);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_keychainNotice);
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
    m_limit->setObjectName(QStringLiteral("fetchLimit"));
    m_limit->setWordWrap(true);
    m_limit->setTextFormat(Qt::PlainText);
    m_limit->hide();
    m_diagnoseRefusal->setObjectName(QStringLiteral("diagnoseRefusal"));
    m_diagnoseRefusal->setToolTip(tr("CA Lens's own sign-in was blocked by Conditional Access: read the refusal "
                                     "like a pasted error and find what to fetch to diagnose it"));
    connect(m_diagnoseRefusal, &QPushButton::clicked, this, [this] { emit ownSignInRefused(m_refusal); });
    buttons->addButton(m_diagnoseRefusal, QDialogButtonBox::ActionRole);
    m_diagnoseRefusal->hide(); // after addButton, which shows it
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_limit);
    layout->addWidget(permissions);
    layout->addLayout(form);
    layout->addLayout(codeRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    auto methodChanged = [this] {
        m_secret->setEnabled(usesSecret());
        m_secret->setPlaceholderText(m_remember->isChecked()
                ? tr("kept in the system keychain after a sign-in that works")
                : tr("kept in memory for this session only"));
        m_remember->setToolTip(usesSecret()
                ? tr("Keep the client secret in the system keychain (Secret Service) for this tenant and app "
                     "registration; it is never written to the settings.")
                : tr("Keep the sign-in (its refresh token) in the system keychain for this tenant and app "
                     "registration, so the next start needs no new device code."));
    };
    methodChanged();
    connect(m_method, &QComboBox::currentIndexChanged, this, [this, methodChanged] {
        methodChanged();
        lookUpRemembered();
    });
    connect(m_remember, &QCheckBox::toggled, this, [this, methodChanged](bool on) {
        setRememberInKeychain(on);
        methodChanged();
        if (on)
            lookUpRemembered();
        else
            forgetRemembered();
    });
    // Picking a recent tenant brings the app registration last used with it.
    connect(m_tenant, &QComboBox::activated, this, [this](int index) {
        const QString picked = m_tenant->itemText(index);
        for (const RecentConnection& c : recentConnections())
            if (c.tenant.compare(picked, Qt::CaseInsensitive) == 0) {
                m_clientId->setCurrentText(c.clientId);
                break;
            }
        lookUpRemembered();
    });
    connect(m_clientId, &QComboBox::activated, this, [this] { lookUpRemembered(); });
    connect(m_tenant->lineEdit(), &QLineEdit::editingFinished, this, [this] { lookUpRemembered(); });
    connect(m_clientId->lineEdit(), &QLineEdit::editingFinished, this, [this] { lookUpRemembered(); });
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretFromKeychain = false; });
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_job) m_job->cancel();
        reject();
    });
    connect(m_copyCode, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_copyCode->property("code").toString()); });
    lookUpRemembered();
}

ConnectDialog::~ConnectDialog()
{
    m_secret->setText(QString(m_secret->text().size(), QLatin1Char(' '))); // no copy of the secret left behind
}

QString ConnectDialog::tenant() const
{
    return m_tenant->currentText().trimmed();
}

QString ConnectDialog::clientId() const
{
    return m_clientId->currentText().trimmed();
}

bool ConnectDialog::usesSecret() const
{
    return m_method->currentIndex() == 1;
}

void ConnectDialog::showKeychainNotice()
{
    const QString notice = m_remember->isChecked() ? keychainNotice() : QString();
    m_keychainNotice->setText(notice);
    m_keychainNotice->setVisible(!notice.isEmpty());
}

void ConnectDialog::lookUpRemembered()
{
    if (!m_remember->isChecked() || m_job || tenant().isEmpty() || clientId().isEmpty()) return;
    // For a device-code sign-in this only finds out whether a sign-in is kept (and whether a keychain answers):
    // the refresh token itself is read when connecting.
    const bool secret = usesSecret();
    const QString t = tenant(), c = clientId();
    const QString account = secret ? graph::clientSecretAccount(t, c) : graph::refreshTokenAccount(t, c);
    const QPointer<ConnectDialog> self(this);
    secretVault().read(account, [self, secret, t, c](const graph::SecretResult& r) {
        if (!self) return;
        self->showKeychainNotice();
        if (self->tenant() != t || self->clientId() != c || self->usesSecret() != secret) return; // changed since
        if (!secret) {
            if (r.ok) self->m_status->setText(tr("A sign-in is kept for this tenant and app: no new code is needed."));
            return;
        }
        const bool typed = !self->m_secret->text().isEmpty() && !self->m_secretFromKeychain;
        if (typed) return; // a typed secret wins (the read still told whether a keychain answers)
        if (r.ok) {
            self->m_secret->setText(r.secret);
            self->m_secretFromKeychain = true;
            self->m_status->setText(tr("The client secret was read from the system keychain."));
        } else if (self->m_secretFromKeychain) {
            self->m_secret->clear(); // another app registration's secret
            self->m_secretFromKeychain = false;
        }
    });
}

void ConnectDialog::forgetRemembered()
{
    m_keychainNotice->hide();
    const QString t = tenant(), c = clientId();
    if (m_secretFromKeychain) {
        m_secret->clear();
        m_secretFromKeychain = false;
    }
    if (t.isEmpty() || c.isEmpty()) return;
    const QPointer<ConnectDialog> self(this);
    for (const QString& account : { graph::clientSecretAccount(t, c), graph::refreshTokenAccount(t, c) })
        secretVault().remove(account, [self](const graph::SecretResult& r) {
            if (self && r.ok)
                self->m_status->setText(tr("Forgotten: the system keychain no longer holds a secret or a sign-in for "
                                           "this tenant and app."));
        });
}

void ConnectDialog::keepInKeychain(const QString& account, const QString& secret)
{
    if (secret.isEmpty()) return;
    const QPointer<ConnectDialog> self(this);
    secretVault().write(account, secret, [self](const graph::SecretResult& r) {
        if (!self) return;
        self->showKeychainNotice();
        emit self->remembered(r.ok && secretVault().keychainUsable());
    });
}

void ConnectDialog::setEndpoints(const QString& authorityUrl, const QString& graphUrl)
{
    m_authority->setText(authorityUrl);
    m_graph->setText(graphUrl);
}

void ConnectDialog::setTenant(const QString& tenant, const QString& clientId)
{
    m_tenant->setCurrentText(tenant);
    m_clientId->setCurrentText(clientId);
    lookUpRemembered();
}

void ConnectDialog::setClientSecret(const QString& secret)
{
    m_secretFromKeychain = false;
    m_secret->setText(secret);
    m_method->setCurrentIndex(1);
}

void ConnectDialog::setWindow(qint64 sinceMs, qint64 untilMs)
{
    m_since->setDateTime(QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC));
    m_until->setDateTime(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC));
}

void ConnectDialog::limitTo(const graph::FetchOptions& only, const QString& what)
{
    m_only = only;
    m_limit->setText(what);
    m_limit->show();
    setWindow(only.sinceMs, only.untilMs);
    // The form's window and kinds no longer apply: the limit decides.
    for (QWidget* w : std::initializer_list<QWidget*> { m_since, m_until, m_users, m_sps, m_msis, m_onlyBlocked })
        w->setEnabled(false);
    if (!tenant().isEmpty() && !clientId().isEmpty())
        QMetaObject::invokeMethod(this, &ConnectDialog::connectNow, Qt::QueuedConnection);
}

void ConnectDialog::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("graph/cloud"), m_cloud->currentData());
    s.setValue(QStringLiteral("graph/tenant"), tenant());
    s.setValue(QStringLiteral("graph/clientId"), clientId());
    s.setValue(QStringLiteral("graph/method"), m_method->currentIndex());
    s.setValue(QStringLiteral("graph/authorityUrl"), m_authority->text().trimmed());
    s.setValue(QStringLiteral("graph/graphUrl"), m_graph->text().trimmed());
    // The secret is never written here: it stays in memory, or goes to the system keychain when asked.
    addRecentConnection(tenant(), clientId());
}

void ConnectDialog::connectNow()
{
    if (m_job || m_readingKeychain) return;
    QString error;
    const auto cloud = graph::cloudFromName(m_cloud->currentData().toString());
    const auto endpoints = graph::resolveEndpoints(
        cloud.value_or(graph::Cloud::Global), m_authority->text().trimmed(), m_graph->text().trimmed(), &error);
    if (!endpoints) {
        m_status->setText(error);
        return;
    }
    if (tenant().isEmpty() || clientId().isEmpty()) {
        m_status->setText(tr("Enter the tenant and the client ID of an app registration."));
        return;
    }
    graph::Credentials credentials;
    credentials.tenant = tenant();
    credentials.clientId = clientId();
    credentials.method
        = usesSecret() ? graph::Credentials::Method::ClientSecret : graph::Credentials::Method::DeviceCode;
    credentials.clientSecret = m_secret->text();
    graph::FetchOptions options;
    options.sinceMs = m_since->dateTime().toMSecsSinceEpoch();
    options.untilMs = m_until->dateTime().toMSecsSinceEpoch();
    options.userSignIns = m_users->isChecked();
    options.servicePrincipalSignIns = m_sps->isChecked();
    options.managedIdentitySignIns = m_msis->isChecked();
    if (m_onlyBlocked->isChecked()) options.errorCode = 53003;
    if (m_only) options = *m_only;
    saveSettings();
    const bool needsLookUp = m_remember->isChecked() && (!usesSecret() || credentials.clientSecret.isEmpty());
    if (!needsLookUp) {
        if (usesSecret() && credentials.clientSecret.isEmpty()) {
            m_status->setText(tr("Enter the client secret of the app registration."));
            return;
        }
        return start(*endpoints, credentials, options);
    }
    // The remembered secret, or the kept sign-in, first.
    m_readingKeychain = true;
    m_status->setText(tr("Reading the system keychain…"));
    const QString account = usesSecret() ? graph::clientSecretAccount(credentials.tenant, credentials.clientId)
                                         : graph::refreshTokenAccount(credentials.tenant, credentials.clientId);
    const QPointer<ConnectDialog> self(this);
    secretVault().read(
        account, [self, endpoints = *endpoints, credentials, options](const graph::SecretResult& r) mutable {
            if (!self) return;
            self->m_readingKeychain = false;
            self->showKeychainNotice();
            if (credentials.method == graph::Credentials::Method::DeviceCode) {
                if (r.ok) credentials.refreshToken = r.secret;
            } else if (r.ok) {
                credentials.clientSecret = r.secret;
                self->m_secret->setText(r.secret);
                self->m_secretFromKeychain = true;
            } else {
                self->m_status->setText(r.unavailable
                        ? tr("Enter the client secret: the system keychain cannot be used here.")
                        : tr("Enter the client secret: the system keychain holds none for this tenant and app."));
                return;
            }
            self->start(endpoints, credentials, options);
        });
}

void ConnectDialog::start(
    const graph::Endpoints& endpoints, const graph::Credentials& credentials, const graph::FetchOptions& options)
{
    m_signedIn = false;
    m_diagnoseRefusal->hide();
    m_job = new graph::FetchJob(endpoints, credentials, options, this);
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
    connect(m_job, &graph::FetchJob::signedIn, this, [this] {
        m_signedIn = true;
        m_status->setText(tr("Signed in; fetching…"));
    });
    connect(m_job, &graph::FetchJob::progressChanged, this, [this](const graph::FetchProgress& p) {
        if (p.queriesTotal > 0) m_progress->setRange(0, p.queriesTotal);
        m_progress->setValue(p.queriesDone);
        m_status->setText(tr("%1 pages, %2 sign-ins — %3").arg(p.pages).arg(p.signIns).arg(p.current));
    });
    connect(m_job, &graph::FetchJob::finished, this, [this](bool ok) {
        m_progress->hide();
        m_connect->setEnabled(true);
        std::shared_ptr<const Dataset> dataset(m_job->takeDataset());
        // Only what signed in is remembered: the secret, or the newest refresh token of the device-code sign-in.
        if (m_signedIn && m_remember->isChecked()) {
            if (usesSecret())
                keepInKeychain(graph::clientSecretAccount(tenant(), clientId()), m_secret->text());
            else
                keepInKeychain(
                    graph::refreshTokenAccount(tenant(), clientId()), QString::fromLatin1(m_job->refreshToken()));
        }
        QString summary = m_job->warnings().join(QLatin1Char('\n'));
        if (!ok) {
            m_status->setText(tr("Stopped: %1").arg(m_job->error().text()));
            summary = m_job->error().text() + QLatin1Char('\n') + summary;
            if (m_job->error().isConditionalAccessBlock()) {
                m_refusal = refusalAsErrorText(m_job->error());
                m_diagnoseRefusal->show();
            }
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
