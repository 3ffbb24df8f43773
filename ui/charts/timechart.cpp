// SPDX-License-Identifier: MIT
#include "timechart.h"

#include "ingest/timestamp.h"
#include "query/axisplan.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
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
};

TimeChart::TimeChart(QWidget* parent)
    : QWidget(parent)
    , m_impl(std::make_unique<Impl>())
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_impl->chart->setTitle(tr("Sign-ins over time (blocked in red)"));
    m_impl->chart->legend()->hide();
    m_impl->chart->setMargins(QMargins(2, 2, 2, 2));
    m_impl->chart->setBackgroundRoundness(0);
    m_impl->view->setMinimumHeight(170);
    m_impl->view->setAccessibleName(tr("Sign-ins over time"));
    layout->addWidget(m_impl->view);
    setObjectName(QStringLiteral("timeChart"));
}

TimeChart::~TimeChart() = default;

void TimeChart::setBuckets(const std::vector<TimeBucket>& buckets)
{
    m_buckets = buckets;
    QChart* chart = m_impl->chart;
    chart->removeAllSeries();
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
    chart->setTitle(tr("Sign-ins over time, UTC (blocked in red)"));
    QList<QPointF> all, blockedPoints, zero;
    uint64_t max = 0;
    for (const TimeBucket& b : buckets) {
        const double x = axisValue(b.startMs);
        all << QPointF(x, double(b.total));
        blockedPoints << QPointF(x, double(b.blocked));
        zero << QPointF(x, 0);
        max = std::max(max, b.total);
    }
    auto makeArea = [&](const QList<QPointF>& points, QColor color, const QString& name) {
        auto* upper = new QLineSeries;
        upper->replace(points);
        auto* lower = new QLineSeries;
        lower->replace(zero);
        auto* area = new QAreaSeries(upper, lower);
        upper->setParent(area); // an area series does not own its boundary lines
        lower->setParent(area);
        area->setName(name);
        area->setColor(color);
        area->setBorderColor(color.darker(130));
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
    QAreaSeries* total = makeArea(all, QColor(0x9c, 0xb8, 0xd6), tr("all"));
    QAreaSeries* blocked = makeArea(blockedPoints, QColor(0xc6, 0x28, 0x28), tr("blocked"));
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
