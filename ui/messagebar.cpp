// SPDX-License-Identifier: MIT
#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace calens {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_text(new QLabel)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Message"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close this message"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::show(Kind kind, const QString& text)
{
    m_kind = kind;
    m_text->setText(text);
    const char* style = kind == Kind::Error ? "background:#fbe3e1; color:#5c1410; border:1px solid #e4a19b;"
        : kind == Kind::Warning             ? "background:#fdf1d6; color:#4d3800; border:1px solid #e5c36f;"
                                            : "background:#e3eefb; color:#0f2f57; border:1px solid #9bbbe4;";
    setStyleSheet(QStringLiteral("#messageBar { %1 border-radius: 3px; } #messageBar QLabel { border: none; "
                                 "background: transparent; }")
                      .arg(QLatin1String(style)));
    QFrame::show();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace calens
