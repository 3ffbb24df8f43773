// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis/diagnosis.h"

#include <QWidget>

namespace calens {

// The path through the flowchart so far, drawn as a column of small boxes joined by arrows: each
// box is one question, coloured by its answer (outlined when an admin answered it).
class PathWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PathWidget(QWidget* parent = nullptr);
    void setPath(const std::vector<Diagnosis::Step>& steps, int current, const QString& end);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Diagnosis::Step> m_steps;
    int m_current = -1;
    QString m_end;
};

} // namespace calens
