// SPDX-License-Identifier: MIT
#include "timechart.h"

#include "ingest/timestamp.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace calens {

class TimeChart::Impl
{
public:
    QChart* chart = new QChart;
    QChartView* view = new QChartView(chart);
};

TimeChart::TimeChart(QWidget* parent) : QWidget(parent), m_impl(new Impl)
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

void TimeChart::setBuckets(const std::vector<TimeBucket>& buckets)
{
    m_buckets = buckets;
    QChart* chart = m_impl->chart;
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto* ok = new QBarSet(tr("other"));
    auto* blocked = new QBarSet(tr("blocked"));
    ok->setColor(QColor(0x9c, 0xb8, 0xd6));
    blocked->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList labels;
    uint64_t max = 0;
    const bool days = buckets.size() > 1 && buckets[1].startMs - buckets[0].startMs >= 86400000;
    for (const TimeBucket& b : buckets) {
        *ok << double(b.total - b.blocked);
        *blocked << double(b.blocked);
        max = std::max(max, b.total);
        const QString iso = QString::fromStdString(formatIso(b.startMs));
        labels << (days ? iso.mid(5, 5) : iso.mid(5, 11).replace(QLatin1Char('T'), QLatin1Char(' ')));
    }
    auto* series = new QStackedBarSeries;
    series->append(ok);
    series->append(blocked);
    series->setBarWidth(0.9);
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(labels);
    axisX->setLabelsAngle(-60);
    QFont small = axisX->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    axisX->setLabelsFont(small);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, double(std::max<uint64_t>(max, 1)) * 1.05);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTickCount(4);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    connect(series, &QStackedBarSeries::clicked, this, [this](int index, QBarSet*) { clickBucket(index); });
}

void TimeChart::clickBucket(int index)
{
    if (index < 0 || index >= int(m_buckets.size())) return;
    const int64_t start = m_buckets[size_t(index)].startMs;
    const int64_t end = index + 1 < int(m_buckets.size()) ? m_buckets[size_t(index) + 1].startMs
                                                          : start + (m_buckets.size() > 1 ? m_buckets[1].startMs - m_buckets[0].startMs : 3600000);
    emit filterRequested(QStringLiteral("after:%1 before:%2").arg(QString::fromStdString(formatIso(start)),
                                                                  QString::fromStdString(formatIso(end))));
}

} // namespace calens
