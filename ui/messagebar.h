// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;

namespace calens {

// A bar above the views that says what went wrong (or what to do) where the admin looks, until closed or
// replaced. Plain text only: file names and reasons come from the data and are never read as markup.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Info,
        Warning,
        Error
    };
    explicit MessageBar(QWidget* parent = nullptr);
    void show(Kind kind, const QString& text);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_text;
    Kind m_kind = Kind::Info;
};

} // namespace calens
