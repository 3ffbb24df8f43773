// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <cstddef>

namespace calens::graph {

// What one Graph list page says about itself, checked before any record is taken: a page that is
// not complete JSON (a truncated body) is refused so that the same page can be asked for again.
struct PageInfo
{
    bool ok = false;
    QString error;
    QUrl nextLink; // followed verbatim
    size_t records = 0;
    size_t withoutCaPolicies = 0; // sign-ins with no appliedConditionalAccessPolicies key at all
};

PageInfo inspectPage(const QByteArray& body, bool signIns);

} // namespace calens::graph
