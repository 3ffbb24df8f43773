// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace calens {

class DataSession;

// Offline What-If: a logged sign-in (the selected one) or a hypothetical one against every loaded policy,
// with every reason, the required controls, what the input does not say, and where the log disagrees.
class WhatIfView : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfView(DataSession* session, QWidget* parent = nullptr);
    void useSignIn(int row); // fill the form from a logged sign-in and evaluate
    void evaluate();
    QTableWidget* results() const { return m_table; }
    bool isUnused() const; // nothing evaluated yet

protected:
    bool eventFilter(QObject* watched, QEvent* event) override; // the results' resizes and palette changes

private:
    void fitColumns();
    void colourOutcomes();
    DataSession* m_session;
    int m_row = -1;
    QComboBox* m_identity;
    QLineEdit *m_id, *m_groups, *m_apps, *m_ip, *m_country;
    QComboBox *m_platform, *m_client, *m_signInRisk, *m_userRisk, *m_compliant;
    QTableWidget* m_table;
    QPlainTextEdit* m_disagreements;
};

} // namespace calens
