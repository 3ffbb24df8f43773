// SPDX-License-Identifier: MIT
#pragma once

#include "query/aggregate.h"

#include <QWidget>

#include <vector>

namespace calens {

// A titled horizontal bar chart of the top groups; clicking a bar asks for its filter term.
// The only place (with TimeChart) that knows Qt Charts, so it can be swapped for Qt Graphs later.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    explicit BarChart(const QString& title, QWidget* parent = nullptr);
    void setBars(const std::vector<Bar>& bars);
    int barCount() const { return int(m_bars.size()); }
    void clickBar(int index); // what a mouse click does; for tests and keyboard use

signals:
    void filterRequested(const QString& term);

private:
    class Impl;
    Impl* m_impl;
    std::vector<Bar> m_bars;
};

} // namespace calens
