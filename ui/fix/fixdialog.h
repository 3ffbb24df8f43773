// SPDX-License-Identifier: MIT
#pragma once

#include "fix/fixrunner.h"
#include "model/dataset.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace calens {

// "Plan on the live tenant…" from the wizard's fix page: signs in, reads the object the fix changes, shows the
// field-level diff of the live object, what the change does to the loaded sign-ins and the warnings; applies
// only after an explicit confirmation (with a backup, a read-back check and the write permission asked for
// then), and rolls back from that backup. The secret stays in this dialog's memory; when the admin asked the
// Connect dialog to remember, the same remembered secret (or kept device-code sign-in) is used here.
class FixDialog : public QDialog
{
    Q_OBJECT
public:
    FixDialog(std::shared_ptr<const Dataset> dataset, std::string fixId, QString title, fix::Change change,
        std::vector<uint32_t> diagnosed, QWidget* parent = nullptr);
    ~FixDialog() override;

    // For tests and the emulator demo.
    void setEndpoints(const QString& authorityUrl, const QString& graphUrl);
    void setTenant(const QString& tenant, const QString& clientId);
    void setClientSecret(const QString& secret);
    void setBackupFolder(const QString& dir) { m_backupDir = dir; }
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }

    void planNow();
    void applyNow();
    void rollbackNow();
    const std::optional<fix::FixRunner::Result>& lastResult() const { return m_last; }
    QString reportText() const; // what the dialog shows about the plan and its outcome

signals:
    void stepFinished(const calens::fix::FixRunner::Result& result);

private:
    fix::FixRunner* runner(bool write);
    void showResult(const fix::FixRunner::Result& result);
    void setBusy(bool busy);
    void readRemembered(); // the secret or the kept sign-in the Connect dialog remembered, when asked to

    std::shared_ptr<const Dataset> m_dataset;
    std::string m_fixId;
    QString m_title;
    fix::Change m_change;
    std::vector<uint32_t> m_diagnosed;
    QComboBox *m_cloud, *m_method;
    QLineEdit *m_tenant, *m_clientId, *m_secret, *m_authority, *m_graph;
    QLabel *m_status, *m_deviceCode, *m_keychainNotice;
    QString m_keptSignIn; // a remembered refresh token for the device-code sign-in (memory only)
    QString m_keptSignInFor; // whose: graph::keychainKey(tenant, client ID)
    bool m_remember = false;
    QPlainTextEdit* m_report;
    QPushButton *m_plan, *m_apply, *m_rollback;
    fix::FixRunner* m_runner = nullptr;
    std::optional<fix::FixRunner::Result> m_last;
    std::optional<fix::FixPlan> m_planned;
    QString m_backup, m_backupDir;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace calens
