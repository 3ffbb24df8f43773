// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/diagnosis.h"
#include "model/dataset.h"

#include <QWizard>

class QLabel;

#include <memory>

namespace calens {

class FixDialog;
class PathWidget;

// The AADSTS53003 flowchart as a wizard: one page per question with the answer the data gave and its
// evidence (or what to check where the data is silent); changing an answer re-runs the rest of the
// path. Then the cause, the fixes with their scripts, and the check that the fix worked.
class DiagnosisWizard : public QWizard
{
    Q_OBJECT
public:
    DiagnosisWizard(std::shared_ptr<const Dataset> dataset, uint32_t row, QWidget* parent = nullptr);

    const Diagnosis& diagnosis() const { return m_diagnosis; }
    const Overrides& overrides() const { return m_overrides; } // the admin's answers
    // An admin's answer; the pages after it are rebuilt from the new path.
    void answer(const std::string& stepKey, Answer answer);
    int stepPageCount() const { return int(m_diagnosis.steps.size()); }
    int nextId() const override;

    FixDialog* openFixDialog(const Diagnosis::Fix& fix); // "Plan on the live tenant…"

signals:
    void addToReportRequested(uint32_t row);
    void fixDialogOpened(QWidget* dialog);

private:
    void rebuild(int keepUpTo);
    QWizardPage* stepPage(size_t index);
    QWizardPage* causePage();
    QWizardPage* fixesPage();
    QWizardPage* verifyPage();
    void updatePath(int id);
    static QString subTitleOf(const Diagnosis::Step& step);
    QWidget* intentBox();
    QString intentText() const;

    std::shared_ptr<const Dataset> m_dataset;
    uint32_t m_row;
    Overrides m_overrides;
    Diagnosis m_diagnosis;
    PathWidget* m_path;
    QLabel* m_intentText = nullptr; // on the cause page
};

QString stepKey(const Diagnosis::Step& step);
QString answerText(Answer answer); // "Yes", "No", "Don't know"

} // namespace calens
