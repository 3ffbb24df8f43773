// SPDX-License-Identifier: MIT
#pragma once

#include "query/aggregate.h"

#include <QWidget>

#include <vector>

namespace calens {

// A titled horizontal bar chart of the top groups; clicking a bar asks for its filter term.
// Painted by hand rather than with Qt Charts: its category axis elides long labels (policy names,
// UPNs) to "..." in a narrow side panel, and here the label is the point.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    explicit BarChart(const QString& title, QWidget* parent = nullptr);
    void setBars(const std::vector<Bar>& bars);
    int barCount() const { return int(m_bars.size()); }
    void clickBar(int index); // what a mouse click does; for tests and keyboard use
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override; // narrow panels elide the labels rather than scroll

signals:
    void filterRequested(const QString& term);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    int barAt(QPoint pos) const;
    int rowHeight() const;
    int top() const;
    QString m_title;
    std::vector<Bar> m_bars;
    int m_hover = -1;
};

} // namespace calens
