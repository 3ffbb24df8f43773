// SPDX-License-Identifier: MIT
#pragma once

#include "model/dataset.h"

#include <QTreeWidget>

namespace calens {

// The selected sign-in as two columns: the field in words (its Graph property in the tooltip) beside its value,
// then each Conditional Access policy's result, failures first. Keys never run into values: long ones elide
// and say themselves in full in the tooltip; long values wrap. Ctrl+C copies the selected line, the context
// menu everything.
class SignInDetailsView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit SignInDetailsView(QWidget* parent = nullptr);
    void showSignIn(const Dataset& dataset, uint32_t row);
    QString text() const { return m_text; } // what Copy all copies

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitKeyColumn();
    void colourResults(); // status colours follow the palette
    QString m_text;
};

} // namespace calens
