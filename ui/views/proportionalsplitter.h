// SPDX-License-Identifier: MIT
#pragma once

#include <QSplitter>

#include <vector>

namespace calens {

// A splitter that starts in proportions rather than pixels: the first time it is laid out visible, its
// panes get their share of whatever size it has (a tab shown late included); later the admin's dragging
// wins, and growth is shared in the same proportions.
class ProportionalSplitter : public QSplitter
{
    Q_OBJECT
public:
    explicit ProportionalSplitter(Qt::Orientation orientation, QWidget* parent = nullptr);
    void setProportions(std::vector<int> weights); // one per pane, e.g. { 2, 1 }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    std::vector<int> m_weights;
    bool m_applied = false;
};

} // namespace calens
