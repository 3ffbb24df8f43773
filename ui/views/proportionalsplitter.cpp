// SPDX-License-Identifier: MIT
#include "proportionalsplitter.h"

#include <numeric>

namespace calens {

ProportionalSplitter::ProportionalSplitter(Qt::Orientation orientation, QWidget* parent)
    : QSplitter(orientation, parent)
{ }

void ProportionalSplitter::setProportions(std::vector<int> weights)
{
    m_weights = std::move(weights);
    m_applied = false;
    for (int i = 0; i < int(m_weights.size()) && i < count(); ++i) setStretchFactor(i, m_weights[size_t(i)]);
}

void ProportionalSplitter::resizeEvent(QResizeEvent* event)
{
    QSplitter::resizeEvent(event);
    if (m_applied || !isVisible() || m_weights.empty()) return;
    const int total = orientation() == Qt::Horizontal ? width() : height();
    const int sum = std::accumulate(m_weights.begin(), m_weights.end(), 0);
    if (total <= 0 || sum <= 0) return;
    m_applied = true;
    QList<int> sizes;
    for (int w : m_weights) sizes << total * w / sum;
    setSizes(sizes);
}

} // namespace calens
