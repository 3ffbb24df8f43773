// SPDX-License-Identifier: MIT
#include "pathwidget.h"

#include "diagnosiswizard.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>

namespace calens {

namespace {
constexpr int kBox = 22, kGap = 10, kWidth = 236;
}

PathWidget::PathWidget(QWidget* parent)
    : QWidget(parent)
{
    setMinimumWidth(kWidth + 12);
    setAccessibleName(tr("Path through the flowchart"));
}

void PathWidget::setPath(const std::vector<Diagnosis::Step>& steps, int current, const QString& end)
{
    m_steps = steps;
    m_current = current;
    m_end = end;
    updateGeometry();
    update();
}

QSize PathWidget::sizeHint() const
{
    return { kWidth + 12, int(m_steps.size() + 1) * (kBox + kGap) + 8 };
}

void PathWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    // Soft fills under the text colour of the palette: pale on a light one, deep on a dark one.
    auto tint = [dark](QColor light, QColor deep) { return dark ? deep : light; };
    const QColor ink = dark ? pal.color(QPalette::Text) : QColor(0x20, 0x20, 0x20);
    int y = 4;
    auto box = [&](const QString& text, QColor fill, bool bold, bool outlined) {
        const QRectF r(6, y, kWidth, kBox);
        p.setPen(outlined ? QPen(pal.color(QPalette::Highlight), 2) : QPen(pal.color(QPalette::Mid)));
        p.setBrush(fill);
        p.drawRoundedRect(r, 4, 4);
        QFont bf = f;
        bf.setBold(bold);
        p.setFont(bf);
        p.setPen(ink);
        p.drawText(r.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
            p.fontMetrics().elidedText(text, Qt::ElideRight, kWidth - 10));
        p.setFont(f);
    };
    for (size_t i = 0; i < m_steps.size(); ++i) {
        const auto& s = m_steps[i];
        const QColor fill = s.answer == Answer::Yes ? tint(QColor(0xd7, 0xeb, 0xd6), QColor(0x24, 0x40, 0x28))
            : s.answer == Answer::No                ? tint(QColor(0xf6, 0xdc, 0xd4), QColor(0x4a, 0x27, 0x22))
                                                    : tint(QColor(0xee, 0xee, 0xee), QColor(0x3a, 0x3a, 0x3a));
        // The admin's answers are outlined and say so; the data's are plain.
        const QString label = s.label.isEmpty() ? s.question : s.label;
        box(s.byAdmin ? tr("%1 %2 (you)").arg(label, answerText(s.answer))
                      : tr("%1 %2").arg(label, answerText(s.answer)),
            fill, int(i) == m_current, s.byAdmin);
        y += kBox;
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(6 + kWidth / 2, y, 6 + kWidth / 2, y + kGap);
        y += kGap;
    }
    if (!m_end.isEmpty()) box(m_end, tint(QColor(0xfd, 0xf0, 0xc8), QColor(0x4a, 0x3f, 0x1c)), m_current < 0, false);
}

} // namespace calens
