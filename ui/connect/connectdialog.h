// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QDialog>

#include <memory>

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
// Settings (not the secret) are remembered in QSettings.
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

signals:
    void fetched(std::shared_ptr<const calens::Dataset> dataset, const QString& summary);

private:
    void saveSettings() const;
    QComboBox *m_cloud, *m_method;
    QLineEdit *m_tenant, *m_clientId, *m_secret, *m_authority, *m_graph;
    QDateTimeEdit *m_since, *m_until;
    QCheckBox *m_users, *m_sps, *m_msis, *m_onlyBlocked;
    QLabel *m_deviceCode, *m_status;
    QProgressBar* m_progress;
    QPushButton *m_connect, *m_copyCode;
    graph::FetchJob* m_job = nullptr;
};

} // namespace calens
