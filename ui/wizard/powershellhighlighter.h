// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>

class QPlainTextEdit;

namespace calens {

// Enough PowerShell colouring to read a fix script at a glance: comments, strings, variables, cmdlets. The
// colours are taken from the editor's palette (WCAG 4.5:1 on its base, dark or light) and follow it when it
// changes.
class PowerShellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PowerShellHighlighter(QPlainTextEdit* editor);

protected:
    void highlightBlock(const QString& text) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void pickColours();
    QPlainTextEdit* m_editor;
    QColor m_cmdlet, m_variable, m_string, m_comment;
};

} // namespace calens
