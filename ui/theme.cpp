// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <cmath>

namespace calens {

namespace {
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const QColor& c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}
} // namespace

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Base)) < luminance(palette.color(QPalette::Text));
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& wanted, const QColor& background, double minRatio)
{
    // Walk the lightness away from the background's, keeping hue and saturation: red stays red.
    const bool lighten = luminance(background) < 0.18;
    QColor c = wanted.toHsl();
    for (int step = 0; step < 40 && contrastRatio(c, background) < minRatio; ++step) {
        const float l = c.lightnessF() + (lighten ? 0.025F : -0.025F);
        c.setHslF(c.hslHueF(), c.hslSaturationF(), std::clamp(l, 0.0F, 1.0F));
    }
    return c.toRgb();
}

QColor statusColor(Status status, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    switch (status) {
    case Status::Blocked:
        return readableOn(QColor(0xc6, 0x28, 0x28), base);
    case Status::Caution:
        return readableOn(QColor(0xa8, 0x5a, 0x00), base);
    case Status::Fine:
        return readableOn(QColor(0x2e, 0x7d, 0x32), base);
    case Status::Neutral:
        break;
    }
    return readableOn(QColor(0x1f, 0x6f, 0xb5), base);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6), button(0x3a, 0x3a, 0x3a);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa8, 0xa8, 0xa8)); // 7:1 on the base, not a dim grey
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x80, 0x80));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9b, 0xf5));
    const QColor disabled(0x80, 0x80, 0x80);
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

void fitToScreen(QWidget* window, QSize preferred)
{
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    // The window frame and the task bar are outside availableGeometry's guarantee: leave them some room.
    const QSize room = screen->availableGeometry().size() - QSize(16, 48);
    window->resize(preferred.boundedTo(room).expandedTo(window->minimumSizeHint().boundedTo(room)));
}

} // namespace calens
