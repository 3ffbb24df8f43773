// SPDX-License-Identifier: MIT
#pragma once

#include "report/reportmodel.h"

#include <QRectF>

class QPainter;

namespace calens {

// Draws one report chart with QPainter primitives, so it stays vector on any device: the PDF writer,
// the SVG generator of the HTML export, or a widget. Font sizes are in points of the painter's device.
void paintChart(QPainter& painter, const QRectF& rect, const ReportChart& chart);

} // namespace calens
