// SPDX-License-Identifier: MIT
#pragma once

#include "query/aggregate.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace calens {

// Sign-ins over time, blocked ones apart; clicking a bucket narrows the filter to its time span.
class TimeChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeChart(QWidget* parent = nullptr);
    ~TimeChart() override;
    void setBuckets(const std::vector<TimeBucket>& buckets);
    void clickBucket(int index);

signals:
    void filterRequested(const QString& term);

protected:
    void changeEvent(QEvent* event) override; // a palette change (dark/light) restyles the chart

private:
    void applyPalette();
    class Impl;
    std::unique_ptr<Impl> m_impl; // the chart and its view inside belong to this widget through Qt parents
    std::vector<TimeBucket> m_buckets;
};

} // namespace calens
