// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>

namespace calens {

// Enough PowerShell colouring to read a fix script at a glance: comments, strings, variables, cmdlets.
class PowerShellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString& text) override;
};

} // namespace calens
