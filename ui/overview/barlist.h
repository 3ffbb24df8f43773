// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractButton>
#include <QWidget>

#include <vector>

class QVBoxLayout;

namespace calens {

// One clickable entry of a bar list: its label (elided, whole in the tooltip), its count, and a bar as long as
// the count is against the list's largest. Drawn with the palette's roles, so it reads in a dark palette too.
class BarEntry : public QAbstractButton
{
    Q_OBJECT
public:
    BarEntry(const QString& label, quint64 count, quint64 max, QWidget* parent = nullptr);
    QString label() const { return m_label; }
    quint64 count() const { return m_count; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QString m_label;
    quint64 m_count, m_max;
    bool m_hover = false;
};

// A short ranked list ("top blocking policies") whose entries are buttons: clicking one emits its position.
class BarList : public QWidget
{
    Q_OBJECT
public:
    explicit BarList(QWidget* parent = nullptr);
    struct Item
    {
        QString label;
        quint64 count = 0;
        QString toolTip;
    };
    void setItems(const std::vector<Item>& items);
    int count() const { return int(m_entries.size()); }
    BarEntry* entry(int index) const { return m_entries.at(size_t(index)); }

signals:
    void activated(int index);

private:
    QVBoxLayout* m_layout;
    std::vector<BarEntry*> m_entries;
};

} // namespace calens
