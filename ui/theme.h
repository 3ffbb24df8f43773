// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

namespace calens {

// Colours that read on whatever palette the window has (the system's, light or dark, or the app's own dark
// one): everything drawn by hand derives its colours from here rather than from fixed light-theme values.
enum class Status
{
    Blocked,
    Caution,
    Fine,
    Neutral
};

bool isDark(const QPalette& palette); // the text areas are dark (Base darker than Text)
double contrastRatio(const QColor& a, const QColor& b); // WCAG 2: 1 (none) to 21 (black on white)
// The hue of wanted, lightened or darkened until it reaches minRatio against background.
QColor readableOn(const QColor& wanted, const QColor& background, double minRatio = 4.5);
// A status colour for text or marks drawn on the palette's Base (tables, editors, charts).
QColor statusColor(Status status, const QPalette& palette);
QPalette darkPalette(); // the app's own dark palette (View ▸ Dark palette), readable placeholders included
void fitToScreen(QWidget* window, QSize preferred); // a dialog's size, never larger than the screen it opens on

} // namespace calens
