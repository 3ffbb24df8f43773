// SPDX-License-Identifier: MIT
#include "powershellhighlighter.h"

#include "theme.h"

#include <QEvent>
#include <QPlainTextEdit>
#include <QRegularExpression>

namespace calens {

PowerShellHighlighter::PowerShellHighlighter(QPlainTextEdit* editor)
    : QSyntaxHighlighter(editor->document())
    , m_editor(editor)
{
    pickColours();
    editor->installEventFilter(this);
}

void PowerShellHighlighter::pickColours()
{
    // The light theme's hues, moved in lightness until they read on the editor's base.
    const QColor base = m_editor->palette().color(QPalette::Base);
    m_cmdlet = readableOn(QColor(0x1a, 0x4f, 0x9c), base);
    m_variable = readableOn(QColor(0x8a, 0x3f, 0x9c), base);
    m_string = readableOn(QColor(0x2e, 0x7d, 0x32), base);
    m_comment = readableOn(QColor(0x75, 0x75, 0x75), base);
}

bool PowerShellHighlighter::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange) {
        pickColours();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void PowerShellHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression cmdlet(QStringLiteral("\\b[A-Z][a-z]+-[A-Za-z]+\\b"));
    static const QRegularExpression variable(QStringLiteral("\\$[A-Za-z_][A-Za-z0-9_]*"));
    static const QRegularExpression string(QStringLiteral("'[^']*'|\"[^\"]*\""));
    QTextCharFormat f;
    f.setForeground(m_cmdlet);
    f.setFontWeight(QFont::Bold);
    for (auto it = cmdlet.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    f = QTextCharFormat();
    f.setForeground(m_variable);
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    f.setForeground(m_string);
    for (auto it = string.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    if (hash >= 0 && text.left(hash).count(QLatin1Char('\'')) % 2 == 0) {
        f.setForeground(m_comment);
        f.setFontItalic(true);
        setFormat(int(hash), int(text.size() - hash), f);
    }
}

} // namespace calens
