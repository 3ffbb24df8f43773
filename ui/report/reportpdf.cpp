// SPDX-License-Identifier: MIT
#include "reportpdf.h"

#include "export/outputfile.h"
#include "report/layoutlimits.h"

#include "appendixpainter.h"
#include "chartobject.h"
#include "reporthtml.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace calens {

namespace {

constexpr int kDpi = 300;

// QPdfWriter 6.4 writes only title and creator into the info dictionary; author and subject go into the
// XMP metadata (what PDF 2.0 and PDF/A readers use). With PDF/A-1b the identification schema is required.
QByteArray xmpMetadata(const ReportModel& m, const ReportOptions& o)
{
    auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QString x
        = QStringLiteral(
            "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
            "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' "
            "xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmlns:pdf='http://ns.adobe.com/pdf/1.3/' "
            "xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'>\n"
            "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>%1</rdf:li></rdf:Alt></dc:title>\n"
            "<dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>\n"
            "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>%3</rdf:li></rdf:Alt></dc:description>\n"
            "<xmp:CreatorTool>CA Lens %4</xmp:CreatorTool><xmp:CreateDate>%5</xmp:CreateDate>"
            "<xmp:ModifyDate>%5</xmp:ModifyDate><xmp:MetadataDate>%5</xmp:MetadataDate>\n"
            "<pdf:Producer>Qt %6</pdf:Producer>%7\n"
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end='w'?>\n")
              .arg(esc(m.title), esc(o.author), esc(QStringLiteral("Conditional Access incident report (AADSTS53003)")),
                  esc(m.toolVersion), now, QString::fromLatin1(qVersion()),
                  o.pdfA ? QStringLiteral("<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
                         : QString());
    return x.toUtf8();
}

class PageDecorator
{
public:
    PageDecorator(const ReportModel& m, int pages)
        : m_model(m)
        , m_pages(pages)
        , m_font(QStringLiteral("DejaVu Sans"))
    {
        m_font.setPointSizeF(7);
    }
    void paint(QPainter& p, const QRectF& page, const QMarginsF& margins, int number) const
    {
        const qreal pt = kDpi / 72.0;
        p.save();
        p.setFont(m_font);
        const QFontMetricsF fm(m_font, p.device());
        const qreal left = page.left() + margins.left(), width = page.width() - margins.left() - margins.right();
        const qreal headY = page.top() + margins.top() - fm.height() - 8 * pt;
        const qreal footY = page.bottom() - margins.bottom() + 8 * pt;
        p.setPen(QColor(0x57, 0x60, 0x6a));
        const QString right = m_model.redacted ? QStringLiteral("REDACTED") : m_model.generatedAt;
        const qreal rightW = fm.horizontalAdvance(right) + 12 * pt;
        p.drawText(QRectF(left, headY, width - rightW, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(
                QStringLiteral("CA Lens incident report \u00b7 ") + m_model.title, Qt::ElideRight, width - rightW));
        p.drawText(QRectF(left, headY, width, fm.height()), Qt::AlignRight | Qt::AlignVCenter, right);
        p.setPen(QPen(QColor(0xd0, 0xd7, 0xde), 0.5 * pt));
        p.drawLine(QPointF(left, headY + fm.height() + 2 * pt), QPointF(left + width, headY + fm.height() + 2 * pt));
        p.drawLine(QPointF(left, footY - 2 * pt), QPointF(left + width, footY - 2 * pt));
        p.setPen(QColor(0x57, 0x60, 0x6a));
        p.drawText(QRectF(left, footY, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("Generated %1 by CA Lens %2").arg(m_model.generatedAt, m_model.toolVersion));
        p.drawText(QRectF(left, footY, width, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
            QStringLiteral("Page %1 of %2").arg(number).arg(m_pages));
        p.restore();
    }

private:
    const ReportModel& m_model;
    int m_pages;
    QFont m_font;
};

QMarginsF marginsPx()
{
    const qreal mm = kDpi / 25.4;
    return QMarginsF(18 * mm, 22 * mm, 18 * mm, 20 * mm);
}

} // namespace

bool renderPdf(const ReportModel& whole, QIODevice* device, const ReportOptions& options, QString* error)
{
    const ReportModel model = limitedForLayout(whole); // layout cost bounded per string and per list
    QPdfWriter writer(device);
    writer.setResolution(kDpi);
    writer.setPageSize(options.pageSize);
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(model.title);
    writer.setCreator(QStringLiteral("CA Lens ") + model.toolVersion);
    writer.setPdfVersion(options.pdfA ? QPagedPaintDevice::PdfVersion_A1b : QPagedPaintDevice::PdfVersion_1_6);
    writer.setDocumentXmpMetadata(xmpMetadata(model, options));

    const QMarginsF margins = marginsPx();
    const QRectF portrait = writer.pageLayout().fullRectPixels(kDpi);
    const QRectF body = portrait.marginsRemoved(margins);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    ChartObject charts(model);
    doc.documentLayout()->registerHandler(QTextFormat::ImageObject, &charts);
    QFont base(QStringLiteral("DejaVu Sans"));
    base.setPointSizeF(9);
    doc.setDefaultFont(base);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(ReportHtml::styleSheet());
    doc.setHtml(ReportHtml(model, &ChartObject::markup).body(false));
    doc.setPageSize(body.size());
    const int textPages = doc.pageCount();

    const QRectF landscape(0, 0, portrait.height(), portrait.width());
    const AppendixPainter appendix(model.appendix, &writer, landscape.marginsRemoved(margins).size());
    const int pages = textPages + appendix.pageCount();
    const PageDecorator decorator(model, pages);

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error) *error = QStringLiteral("cannot start the PDF writer");
        return false;
    }
    auto tick = [&](int page) { return !options.progress || options.progress(page, pages); };
    for (int i = 0; i < textPages; ++i) {
        if (i > 0) writer.newPage();
        painter.save();
        painter.translate(body.left(), body.top() - i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
        decorator.paint(painter, portrait, margins, i + 1);
        if (!tick(i + 1)) {
            painter.end();
            if (error) *error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (appendix.pageCount()) writer.setPageOrientation(QPageLayout::Landscape);
    for (int i = 0; i < appendix.pageCount(); ++i) {
        writer.newPage();
        appendix.paintPage(painter, landscape.marginsRemoved(margins).topLeft(), i);
        decorator.paint(painter, landscape, margins, textPages + i + 1);
        if (!tick(textPages + i + 1)) {
            painter.end();
            if (error) *error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (!painter.end()) {
        if (error) *error = QStringLiteral("the PDF could not be written");
        return false;
    }
    return true;
}

bool renderPdf(const ReportModel& model, const QString& path, const ReportOptions& options, QString* error)
{
    // Refused before the (long) rendering when the target can never be written.
    if (const QString why = exporter::notRegularReason(path); !why.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: not a regular file (%2); CA Lens replaces only regular files").arg(path, why);
        return false;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString why;
    if (!renderPdf(model, &buffer, options, &why)) {
        if (error) *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return exporter::writeFileAtomically(path, buffer.data(), error);
}

} // namespace calens
