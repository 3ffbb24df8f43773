// SPDX-License-Identifier: MIT
#pragma once

#include "graph/cloud.h"
#include "graph/credentials.h"
#include "graph/fetchoptions.h"
#include "model/dataset.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace calens {

namespace graph {
class FetchJob;
}

// "Connect to tenant…": cloud, tenant, app registration, sign-in method, time window and sign-in types,
// with the permissions the app registration needs shown before anything happens. The device code is
// shown with a copy button and the link; the fetch runs asynchronously and hands over a dataset.
// Settings (not the secret) are remembered in QSettings, with the recent tenants and app registrations in the
// drop-downs. "Remember in the system keychain" keeps the client secret (or, for a device-code sign-in, the
// refresh token, so the next start needs no new code) in the keychain after a sign-in that worked, reads it back
// next time, and forgets it when unticked; without a Secret Service the dialog says so and keeps them in memory.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget* parent = nullptr);
    ~ConnectDialog() override;
    void connectNow();
    // For tests and the emulator demo: explicit endpoints (loopback http is accepted only there).
    void setEndpoints(const QString& authorityUrl, const QString& graphUrl);
    void setTenant(const QString& tenant, const QString& clientId);
    void setClientSecret(const QString& secret); // switches to the client-secret method
    void setWindow(qint64 sinceMs, qint64 untilMs);
    // Fetch exactly this (the sign-ins behind a pasted error) instead of the window and kinds in the form;
    // `what` says so at the top of the dialog. Connects at once when the tenant and app are known.
    void limitTo(const graph::FetchOptions& only, const QString& what);

signals:
    void fetched(std::shared_ptr<const calens::Dataset> dataset, const QString& summary);
    // After a sign-in that worked with "Remember" ticked: whether the keychain (true) or only this session's memory
    // (false: no Secret Service) now holds the secret or the refresh token.
    void remembered(bool inKeychain);
    // CA Lens's own sign-in was refused by Conditional Access and the admin asked to diagnose it: the refusal as
    // the token endpoint gave it (code, description, correlation ID, time), in the shape of a pasted error.
    void ownSignInRefused(const QString& errorText);

private:
    void saveSettings() const;
    QString tenant() const;
    QString clientId() const;
    bool usesSecret() const;
    void lookUpRemembered(); // reads the remembered secret (or probes the keychain) when "Remember" is ticked
    void forgetRemembered();
    void showKeychainNotice();
    void start(
        const graph::Endpoints& endpoints, const graph::Credentials& credentials, const graph::FetchOptions& options);
    void keepInKeychain(const QString& account, const QString& secret);
    QComboBox *m_cloud, *m_method, *m_tenant, *m_clientId;
    QLineEdit *m_secret, *m_authority, *m_graph;
    QDateTimeEdit *m_since, *m_until;
    QCheckBox *m_users, *m_sps, *m_msis, *m_onlyBlocked, *m_remember;
    QLabel *m_deviceCode, *m_status, *m_keychainNotice, *m_limit;
    bool m_secretFromKeychain = false, m_readingKeychain = false, m_signedIn = false;
    QProgressBar* m_progress;
    QPushButton *m_connect, *m_copyCode, *m_diagnoseRefusal;
    std::optional<graph::FetchOptions> m_only;
    QString m_refusal; // the last refusal by Conditional Access, as error text
    graph::FetchJob* m_job = nullptr;
};

} // namespace calens
