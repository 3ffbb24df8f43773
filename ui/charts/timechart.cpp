// SPDX-License-Identifier: MIT
#include "timechart.h"

#include "theme.h"

#include "ingest/timestamp.h"
#include "query/axisplan.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace calens {

namespace {
// QDateTimeAxis labels in local time; the table, the filter and the logs speak UTC. A point is placed where
// local time reads as its UTC time.
double axisValue(int64_t utcMs)
{
    return double(utcMs - qint64(QDateTime::fromMSecsSinceEpoch(utcMs).offsetFromUtc()) * 1000);
}
} // namespace

class TimeChart::Impl
{
public:
    QChart* chart = new QChart;
    QChartView* view = new QChartView(chart);
    QAreaSeries* total = nullptr; // owned by the chart; null when there is nothing to show
    QAreaSeries* blocked = nullptr;
};

TimeChart::TimeChart(QWidget* parent)
    : QWidget(parent)
    , m_impl(std::make_unique<Impl>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_impl->chart->setTitle(tr("Sign-ins over time"));
    // The legend names both areas: which one is "blocked" is said in words, not by colour alone.
    m_impl->chart->legend()->setAlignment(Qt::AlignTop);
    m_impl->chart->legend()->setContentsMargins(0, 0, 0, 0);
    m_impl->chart->setMargins(QMargins(2, 2, 2, 2));
    m_impl->chart->setBackgroundRoundness(0);
    m_impl->view->setMinimumHeight(170);
    m_impl->view->setAccessibleName(tr("Sign-ins over time"));
    layout->addWidget(m_impl->view);
    setObjectName(QStringLiteral("timeChart"));
    applyPalette();
}

void TimeChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void TimeChart::applyPalette()
{
    // Drawn on the window's own colours (light or dark, the system's or the app's): a chart theme would
    // bring its own background and fonts.
    const QPalette pal = palette();
    QChart* chart = m_impl->chart;
    const QColor base = pal.color(QPalette::Base), text = pal.color(QPalette::Text);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    m_impl->view->setBackgroundBrush(base);
    QColor grid = text;
    grid.setAlphaF(0.18F);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
    auto paint = [&](QAreaSeries* area, QColor color, QColor border) {
        if (!area) return;
        area->setColor(color);
        area->setBorderColor(border);
    };
    const QColor all = statusColor(Status::Neutral, pal);
    // Half way to the base, opaque (the legend's marker shows it as drawn): quiet under the blocked area.
    const QColor allFill = QColor::fromRgbF(
        (all.redF() + base.redF()) / 2, (all.greenF() + base.greenF()) / 2, (all.blueF() + base.blueF()) / 2);
    paint(m_impl->total, allFill, all);
    const QColor red = statusColor(Status::Blocked, pal);
    paint(m_impl->blocked, red, isDark(pal) ? red.lighter(120) : red.darker(130));
}

TimeChart::~TimeChart() = default;

void TimeChart::setBuckets(const std::vector<TimeBucket>& buckets)
{
    m_buckets = buckets;
    QChart* chart = m_impl->chart;
    chart->removeAllSeries();
    m_impl->total = m_impl->blocked = nullptr;
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    // Two areas over a date axis: all sign-ins, and the blocked ones in front. Points are built first and
    // handed over with replace() (append() per point is quadratic in Qt Charts).
    if (buckets.empty()) {
        chart->setTitle(tr("Sign-ins over time: none in the filter and time range"));
        return;
    }
    chart->setTitle(tr("Sign-ins over time, UTC"));
    QList<QPointF> all, blockedPoints, zero;
    uint64_t max = 0;
    for (const TimeBucket& b : buckets) {
        const double x = axisValue(b.startMs);
        all << QPointF(x, double(b.total));
        blockedPoints << QPointF(x, double(b.blocked));
        zero << QPointF(x, 0);
        max = std::max(max, b.total);
    }
    auto makeArea = [&](const QList<QPointF>& points, const QString& name) {
        auto* upper = new QLineSeries;
        upper->replace(points);
        auto* lower = new QLineSeries;
        lower->replace(zero);
        auto* area = new QAreaSeries(upper, lower);
        upper->setParent(area); // an area series does not own its boundary lines
        lower->setParent(area);
        area->setName(name);
        chart->addSeries(area);
        connect(area, &QAreaSeries::clicked, this, [this](const QPointF& p) {
            for (size_t i = 0; i < m_buckets.size(); ++i)
                if (i + 1 == m_buckets.size() || p.x() < axisValue(m_buckets[i + 1].startMs)) {
                    clickBucket(int(i));
                    return;
                }
        });
        return area;
    };
    QAreaSeries* total = makeArea(all, tr("All sign-ins"));
    QAreaSeries* blocked = makeArea(blockedPoints, tr("Blocked"));
    m_impl->total = total;
    m_impl->blocked = blocked;
    // Ticks on round hours or days, counts on whole numbers: a label never names a value it does not mark.
    const int64_t bucketMs = buckets.size() > 1 ? buckets[1].startMs - buckets[0].startMs : 3600000;
    const TimeAxis time = timeAxis(buckets.front().startMs, buckets.back().startMs + bucketMs - 1);
    auto* axisX = new QDateTimeAxis;
    axisX->setFormat(time.days ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd hh:mm"));
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(axisValue(time.startMs))),
        QDateTime::fromMSecsSinceEpoch(qint64(axisValue(time.endMs))));
    axisX->setTickCount(time.ticks());
    chart->addAxis(axisX, Qt::AlignBottom);
    const CountAxis count = countAxis(max, 4);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, double(count.top));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTickCount(count.ticks());
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAreaSeries* a : { total, blocked }) {
        a->attachAxis(axisX);
        a->attachAxis(axisY);
    }
    applyPalette();
}

void TimeChart::clickBucket(int index)
{
    if (index < 0 || index >= int(m_buckets.size())) return;
    const int64_t start = m_buckets[size_t(index)].startMs;
    const int64_t end = index + 1 < int(m_buckets.size())
        ? m_buckets[size_t(index) + 1].startMs
        : start + (m_buckets.size() > 1 ? m_buckets[1].startMs - m_buckets[0].startMs : 3600000);
    emit filterRequested(QStringLiteral("after:%1 before:%2")
                             .arg(QString::fromStdString(formatIso(start)), QString::fromStdString(formatIso(end))));
}

} // namespace calens
