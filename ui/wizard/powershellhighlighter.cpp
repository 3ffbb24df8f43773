// SPDX-License-Identifier: MIT
#include "powershellhighlighter.h"

#include <QRegularExpression>

namespace calens {

void PowerShellHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression cmdlet(QStringLiteral("\\b[A-Z][a-z]+-[A-Za-z]+\\b"));
    static const QRegularExpression variable(QStringLiteral("\\$[A-Za-z_][A-Za-z0-9_]*"));
    static const QRegularExpression string(QStringLiteral("'[^']*'|\"[^\"]*\""));
    QTextCharFormat f;
    f.setForeground(QColor(0x1a, 0x4f, 0x9c));
    f.setFontWeight(QFont::Bold);
    for (auto it = cmdlet.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    f = QTextCharFormat();
    f.setForeground(QColor(0x8a, 0x3f, 0x9c));
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    f.setForeground(QColor(0x2e, 0x7d, 0x32));
    for (auto it = string.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    if (hash >= 0 && text.left(hash).count(QLatin1Char('\'')) % 2 == 0) {
        f.setForeground(QColor(0x75, 0x75, 0x75));
        f.setFontItalic(true);
        setFormat(int(hash), int(text.size() - hash), f);
    }
}

} // namespace calens
