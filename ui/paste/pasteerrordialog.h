// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/errormatch.h"
#include "diagnosis/errortext.h"
#include "diagnosis/fetchhint.h"
#include "graph/fetchoptions.h"

#include <QDialog>

#include <functional>
#include <memory>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace calens {

class Dataset;

// "Paste an error…": the admin pastes what a user or a job sent (prefilled from the clipboard), sees what was
// read from it and what the code means, and either diagnoses the matching sign-in or learns exactly what to fetch.
// Everything shown from the paste is plain text.
class PasteErrorDialog : public QDialog
{
    Q_OBJECT
public:
    PasteErrorDialog(std::shared_ptr<const Dataset> dataset, QWidget* parent = nullptr);

    void setErrorText(const QString& text); // as if pasted; read at once
    const ErrorText& extracted() const { return m_error; }
    const ErrorMatch& match() const { return m_match; }
    const FetchHint& fetchHint() const { return m_hint; }
    // The error is CA Lens's own refused sign-in: fetching it with the same sign-in cannot work, so the dialog
    // says where its log entry is instead of offering the fetch.
    void setOwnSignIn(bool own);

signals:
    void diagnoseRequested(int row);
    // "Fetch from the tenant…": the sign-ins behind the error, and a sentence saying which.
    void fetchRequested(const calens::graph::FetchOptions& only, const QString& what);

private:
    void readText();
    void showExtracted();
    void showMatch();
    QPushButton* copyButton(const QString& label, const QString& objectName, const std::function<QString()>& text);

    std::shared_ptr<const Dataset> m_dataset;
    QPlainTextEdit* m_text;
    QTimer* m_debounce;
    QLabel* m_meaning;
    QFormLayout* m_fields;
    QLabel* m_matchText;
    QPlainTextEdit* m_hintText;
    QWidget* m_hintBox;
    QLabel* m_copied;
    QPushButton* m_diagnose;
    QPushButton* m_fetch;
    QLabel* m_ownNote;
    bool m_own = false;
    ErrorText m_error;
    ErrorMatch m_match;
    FetchHint m_hint;
};

} // namespace calens
