// SPDX-License-Identifier: MIT
#include "chartobject.h"

#include "chartpainter.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintDevice>
#include <QTextDocument>
#include <QTextImageFormat>

namespace calens {

ChartObject::ChartObject(const ReportModel& model, QObject* parent)
    : QObject(parent)
    , m_model(model)
{ }

QString ChartObject::markup(size_t index, int widthPt, int heightPt)
{
    return QStringLiteral("<img src=\"chart:%1\" width=\"%2\" height=\"%3\">").arg(index).arg(widthPt).arg(heightPt);
}

QSizeF ChartObject::intrinsicSize(QTextDocument* doc, int, const QTextFormat& format)
{
    const QTextImageFormat image = format.toImageFormat();
    const QPaintDevice* device = doc->documentLayout()->paintDevice();
    const qreal scale = device ? device->logicalDpiX() / 72.0 : 1.0;
    return QSizeF(image.width() * scale, image.height() * scale);
}

void ChartObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& format)
{
    const QString name = format.toImageFormat().name();
    if (!name.startsWith(QLatin1String("chart:"))) return;
    const size_t index = name.mid(6).toULong();
    if (index < m_model.charts.size()) paintChart(*painter, rect, m_model.charts[index]);
}

} // namespace calens
