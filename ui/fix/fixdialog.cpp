// SPDX-License-Identifier: MIT
#include "fixdialog.h"

#include "connect/rememberedlogin.h"
#include "graph/cloud.h"
#include "graph/keychainaccounts.h"
#include "graph/secretvault.h"
#include "theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace calens {

namespace {
QString jsonText(const nlohmann::json& j)
{
    return QString::fromStdString(j.is_string() ? j.get<std::string>() : j.dump());
}
} // namespace

FixDialog::FixDialog(std::shared_ptr<const Dataset> dataset, std::string fixId, QString title, fix::Change change,
    std::vector<uint32_t> diagnosed, QWidget* parent)
    : QDialog(parent)
    , m_dataset(std::move(dataset))
    , m_fixId(std::move(fixId))
    , m_title(std::move(title))
    , m_change(std::move(change))
    , m_diagnosed(std::move(diagnosed))
    , m_cloud(new QComboBox)
    , m_method(new QComboBox)
    , m_tenant(new QLineEdit)
    , m_clientId(new QLineEdit)
    , m_secret(new QLineEdit)
    , m_authority(new QLineEdit)
    , m_graph(new QLineEdit)
    , m_status(new QLabel)
    , m_deviceCode(new QLabel)
    , m_keychainNotice(new QLabel)
    , m_report(new QPlainTextEdit)
    , m_plan(new QPushButton(tr("Plan on the live object")))
    , m_apply(new QPushButton(tr("Apply…")))
    , m_rollback(new QPushButton(tr("Roll back")))
{
    setWindowTitle(tr("Plan and apply: %1").arg(m_title));
    setObjectName(QStringLiteral("fixDialog"));
    m_cloud->addItem(tr("Global"), QStringLiteral("global"));
    m_cloud->addItem(tr("US Government"), QStringLiteral("usgov"));
    m_cloud->addItem(tr("China (21Vianet)"), QStringLiteral("china"));
    m_method->addItem(tr("Device code (you sign in)"));
    m_method->addItem(tr("Client secret (app permissions)"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_authority->setPlaceholderText(tr("default for the cloud"));
    m_graph->setPlaceholderText(tr("default for the cloud"));
    const QSettings s; // the connection the Connect dialog remembered (never the secret)
    m_cloud->setCurrentIndex(std::max(0, m_cloud->findData(s.value(QStringLiteral("graph/cloud")).toString())));
    m_tenant->setText(s.value(QStringLiteral("graph/tenant")).toString());
    m_clientId->setText(s.value(QStringLiteral("graph/clientId")).toString());
    m_method->setCurrentIndex(s.value(QStringLiteral("graph/method"), 0).toInt());
    m_authority->setText(s.value(QStringLiteral("graph/authorityUrl")).toString());
    m_graph->setText(s.value(QStringLiteral("graph/graphUrl")).toString());
    m_remember = rememberInKeychain();
    m_secret->setObjectName(QStringLiteral("fixClientSecret"));
    m_tenant->setCompleter(new QCompleter(recentTenants(), m_tenant)); // recent names only, never a secret
    m_clientId->setCompleter(new QCompleter(recentClientIds(), m_clientId));
    m_keychainNotice->setObjectName(QStringLiteral("fixKeychainNotice"));
    m_keychainNotice->setWordWrap(true);
    m_keychainNotice->hide();
    m_backupDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backups");
    m_report->setObjectName(QStringLiteral("fixReport"));
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setPlainText(
        tr("The change: %1\n\nNothing has been read or sent yet. \"Plan on the live object\" signs in "
           "and reads the object as it is in the tenant now; nothing is written until you apply "
           "and confirm.")
            .arg(m_change.describe()));
    m_status->setObjectName(QStringLiteral("fixStatus"));
    m_status->setWordWrap(true);
    m_deviceCode->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_deviceCode->setOpenExternalLinks(true);
    m_apply->setObjectName(QStringLiteral("fixApply"));
    m_rollback->setObjectName(QStringLiteral("fixRollback"));
    m_apply->setEnabled(false);
    m_rollback->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Cloud"), m_cloud);
    form->addRow(tr("Tenant"), m_tenant);
    form->addRow(tr("Client ID"), m_clientId);
    form->addRow(tr("Sign-in"), m_method);
    form->addRow(tr("Client secret"), m_secret);
    form->addRow(QString(), m_keychainNotice);
    form->addRow(tr("Sign-in URL"), m_authority);
    form->addRow(tr("Graph URL"), m_graph);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_plan, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    buttons->addButton(m_rollback, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_deviceCode);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_plan, &QPushButton::clicked, this, &FixDialog::planNow);
    connect(m_apply, &QPushButton::clicked, this, &FixDialog::applyNow);
    connect(m_rollback, &QPushButton::clicked, this, &FixDialog::rollbackNow);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Apply the change?"), question, QMessageBox::Apply | QMessageBox::Cancel,
                   QMessageBox::Cancel)
            == QMessageBox::Apply;
    };
    fitToScreen(this, QSize(860, 720));
    readRemembered();
}

void FixDialog::readRemembered()
{
    if (!m_remember) return;
    const QString tenant = m_tenant->text().trimmed(), clientId = m_clientId->text().trimmed();
    if (tenant.isEmpty() || clientId.isEmpty()) return;
    const QPointer<FixDialog> self(this);
    auto showNotice = [self] {
        const QString notice = keychainNotice();
        self->m_keychainNotice->setText(notice);
        self->m_keychainNotice->setVisible(!notice.isEmpty());
    };
    secretVault().read(graph::clientSecretAccount(tenant, clientId), [self, showNotice](const graph::SecretResult& r) {
        if (!self) return;
        showNotice();
        if (r.ok && self->m_secret->text().isEmpty()) {
            self->m_secret->setText(r.secret);
            self->m_secret->setToolTip(tr("Read from the system keychain"));
        }
    });
    const QString key = graph::keychainKey(tenant, clientId);
    secretVault().read(graph::refreshTokenAccount(tenant, clientId), [self, key](const graph::SecretResult& r) {
        if (!self || !r.ok) return;
        self->m_keptSignIn = r.secret;
        self->m_keptSignInFor = key;
    });
}

FixDialog::~FixDialog()
{
    m_keptSignIn.fill(QLatin1Char('\0'));
    m_secret->setText(QString(m_secret->text().size(), QLatin1Char(' '))); // no copy of the secret left behind
}

void FixDialog::setEndpoints(const QString& authorityUrl, const QString& graphUrl)
{
    m_authority->setText(authorityUrl);
    m_graph->setText(graphUrl);
}

void FixDialog::setTenant(const QString& tenant, const QString& clientId)
{
    m_tenant->setText(tenant);
    m_clientId->setText(clientId);
}

void FixDialog::setClientSecret(const QString& secret)
{
    m_method->setCurrentIndex(1);
    m_secret->setText(secret);
}

fix::FixRunner* FixDialog::runner(bool write)
{
    QString error;
    const auto cloud = graph::cloudFromName(m_cloud->currentData().toString());
    const auto endpoints = graph::resolveEndpoints(
        cloud.value_or(graph::Cloud::Global), m_authority->text().trimmed(), m_graph->text().trimmed(), &error);
    if (!endpoints) {
        m_status->setText(error);
        return nullptr;
    }
    if (m_tenant->text().trimmed().isEmpty() || m_clientId->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the tenant and the client ID of an app registration."));
        return nullptr;
    }
    graph::Credentials c;
    c.tenant = m_tenant->text().trimmed();
    c.clientId = m_clientId->text().trimmed();
    c.method = m_method->currentIndex() == 1 ? graph::Credentials::Method::ClientSecret
                                             : graph::Credentials::Method::DeviceCode;
    c.clientSecret = m_secret->text();
    const bool kept = m_remember && c.method == graph::Credentials::Method::DeviceCode
        && graph::keychainKey(c.tenant, c.clientId) == m_keptSignInFor;
    if (kept) c.refreshToken = m_keptSignIn;
    if (write) c.delegatedScopes = fix::FixRunner::writeScopes(*endpoints); // the write permission, asked only now
    if (m_runner) m_runner->deleteLater();
    m_runner = new fix::FixRunner(*endpoints, c, this);
    connect(m_runner, &fix::FixRunner::deviceCode, this, [this](const graph::DeviceCodeInfo& info) {
        m_deviceCode->setText(tr("Open <a href=\"%1\">%1</a> and enter the code <b>%2</b>")
                                  .arg(info.verificationUri.toHtmlEscaped(), info.userCode.toHtmlEscaped()));
    });
    connect(m_runner, &fix::FixRunner::progress, m_status, &QLabel::setText);
    connect(m_runner, &fix::FixRunner::finished, this,
        [this, account = graph::refreshTokenAccount(c.tenant, c.clientId),
            key = graph::keychainKey(c.tenant, c.clientId)](const fix::FixRunner::Result& r) {
            // The newest refresh token of a remembered device-code sign-in replaces the kept one.
            const QString refresh = QString::fromLatin1(m_runner ? m_runner->refreshToken() : QByteArray());
            if (m_remember && !refresh.isEmpty() && refresh != m_keptSignIn) {
                m_keptSignIn = refresh;
                m_keptSignInFor = key;
                secretVault().write(account, refresh, [](const graph::SecretResult&) {});
            }
            setBusy(false);
            m_deviceCode->clear();
            showResult(r);
            emit stepFinished(r);
        });
    return m_runner;
}

void FixDialog::setBusy(bool busy)
{
    m_plan->setEnabled(!busy);
    m_apply->setEnabled(!busy && m_planned.has_value());
    m_rollback->setEnabled(!busy && !m_backup.isEmpty());
}

void FixDialog::planNow()
{
    fix::FixRunner* r = runner(false);
    if (!r) return;
    setBusy(true);
    r->plan(*m_dataset, m_fixId, m_title, m_change, m_diagnosed);
}

void FixDialog::applyNow()
{
    if (!m_planned) return;
    const QString question = tr(
        "%1\n\nCA Lens saves the object to %2 first, sends the change, and reads it back. It refuses if the object "
        "changed since the plan.")
                                 .arg(m_planned->change.describe(), QDir::toNativeSeparators(m_backupDir));
    if (!m_confirm(question)) {
        m_status->setText(tr("Not applied."));
        return;
    }
    fix::FixRunner* r = runner(true);
    if (!r) return;
    setBusy(true);
    r->apply(*m_planned, m_backupDir, false);
}

void FixDialog::rollbackNow()
{
    if (m_backup.isEmpty()) return;
    if (!m_confirm(tr("Restore the object from the backup %1?").arg(QDir::toNativeSeparators(m_backup)))) return;
    fix::FixRunner* r = runner(true);
    if (!r) return;
    setBusy(true);
    r->rollback(m_backup, false);
}

void FixDialog::showResult(const fix::FixRunner::Result& r)
{
    m_last = r;
    if (r.plan && !r.applied) m_planned = r.plan;
    if (r.applied && !r.backupPath.isEmpty()) m_backup = r.backupPath;
    m_status->setText(r.message);
    m_report->setPlainText(reportText());
    setBusy(false);
}

QString FixDialog::reportText() const
{
    if (!m_last) return m_report->toPlainText();
    const fix::FixRunner::Result& r = *m_last;
    QStringList lines;
    if (r.plan) {
        const fix::FixPlan& p = *r.plan;
        lines << tr("The change: %1").arg(p.change.describe())
              << tr("Live object last modified: %1").arg(QString::fromStdString(p.liveModifiedDateTime)) << QString()
              << tr("Diff of the live object:");
        for (const fix::FieldChange& f : p.diff)
            lines << QStringLiteral("  %1").arg(QString::fromStdString(f.path))
                  << tr("    before: %1").arg(jsonText(f.before)) << tr("    after:  %1").arg(jsonText(f.after));
        lines << QString() << tr("What it does to the loaded sign-ins:");
        for (const QString& s : p.blast.summary) lines << QStringLiteral("  ") + s;
        for (const QString& w : p.warnings) lines << QString() << tr("Warning: %1").arg(w);
        for (const QString& w : p.why) lines << tr("Why this change: %1").arg(w);
    }
    lines << QString() << r.message;
    if (r.applied) lines << (r.verified ? tr("Read back: equals the plan.") : tr("Read back: differs from the plan."));
    if (!r.backupPath.isEmpty()) lines << tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupPath));
    return lines.join(QLatin1Char('\n'));
}

} // namespace calens
