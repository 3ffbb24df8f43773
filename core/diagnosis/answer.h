// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace calens {

enum class Answer
{
    Yes,
    No,
    Unknown
};

inline const char* answerName(Answer a)
{
    return a == Answer::Yes ? "yes" : a == Answer::No ? "no" : "unknown";
}

// What the data says about one question: the answer and the facts quoted from the records behind it.
struct Fact
{
    Answer answer = Answer::Unknown;
    QStringList evidence;
};

} // namespace calens
