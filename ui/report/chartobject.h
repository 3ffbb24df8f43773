// SPDX-License-Identifier: MIT
#pragma once

#include "report/reportmodel.h"

#include <QObject>
#include <QTextObjectInterface>

namespace calens {

// Paints the charts of a report inside a QTextDocument. The HTML names each chart as an image
// "chart:N" with its size in points; registered for QTextFormat::ImageObject, this handler draws the chart
// with QPainter instead of loading a bitmap, so the PDF gets vectors and selectable labels.
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    explicit ChartObject(const ReportModel& model, QObject* parent = nullptr);

    QSizeF intrinsicSize(QTextDocument* doc, int position, const QTextFormat& format) override;
    void drawObject(
        QPainter* painter, const QRectF& rect, QTextDocument* doc, int position, const QTextFormat& format) override;

    static QString markup(size_t index, int widthPt, int heightPt);

private:
    const ReportModel& m_model;
};

} // namespace calens
