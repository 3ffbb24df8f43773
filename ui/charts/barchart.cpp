// SPDX-License-Identifier: MIT
#include "barchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>

namespace calens {

class BarChart::Impl
{
public:
    QChart* chart = new QChart;
    QChartView* view = new QChartView(chart);
};

BarChart::BarChart(const QString& title, QWidget* parent) : QWidget(parent), m_impl(new Impl)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_impl->chart->setTitle(title);
    m_impl->chart->legend()->hide();
    m_impl->chart->setMargins(QMargins(2, 2, 2, 2));
    m_impl->chart->setBackgroundRoundness(0);
    m_impl->view->setRenderHint(QPainter::Antialiasing);
    m_impl->view->setMinimumHeight(170);
    m_impl->view->setAccessibleName(title);
    layout->addWidget(m_impl->view);
    setObjectName(title);
}

void BarChart::setBars(const std::vector<Bar>& bars)
{
    m_bars = bars;
    QChart* chart = m_impl->chart;
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto* set = new QBarSet(QString());
    set->setColor(QColor(0x1f, 0x6f, 0xb5));
    QStringList categories;
    uint64_t max = 0;
    // Largest on top: horizontal bar series draw from the bottom up.
    for (auto it = bars.rbegin(); it != bars.rend(); ++it) {
        QString label = it->label;
        if (label.size() > 34) label = label.left(32) + QStringLiteral("…");
        categories << QStringLiteral("%1 (%2)").arg(label).arg(it->count);
        *set << double(it->count);
        max = std::max(max, it->count);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, double(std::max<uint64_t>(max, 1)) * 1.05);
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTickCount(3);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    connect(series, &QHorizontalBarSeries::clicked, this, [this](int index, QBarSet*) { clickBar(int(m_bars.size()) - 1 - index); });
}

void BarChart::clickBar(int index)
{
    if (index < 0 || index >= int(m_bars.size()) || m_bars[size_t(index)].filterTerm.isEmpty()) return;
    emit filterRequested(m_bars[size_t(index)].filterTerm);
}

} // namespace calens
