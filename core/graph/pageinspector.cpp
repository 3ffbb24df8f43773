// SPDX-License-Identifier: MIT
#include "pageinspector.h"

#include <simdjson.h>

namespace calens::graph {

PageInfo inspectPage(const QByteArray& body, bool signIns)
{
    PageInfo info;
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(body.constData(), size_t(body.size()));
    simdjson::dom::element root;
    if (const auto err = parser.parse(padded).get(root)) {
        info.error = QStringLiteral("the page is not complete JSON (%1)")
                         .arg(QString::fromLatin1(simdjson::error_message(err)));
        return info;
    }
    simdjson::dom::object page;
    if (root.get_object().get(page)) {
        info.error = QStringLiteral("the page is not a JSON object");
        return info;
    }
    simdjson::dom::array value;
    if (page["value"].get_array().get(value)) {
        info.error = QStringLiteral("the page has no \"value\" list");
        return info;
    }
    std::string_view next;
    if (!page["@odata.nextLink"].get_string().get(next))
        info.nextLink = QUrl::fromEncoded(QByteArray(next.data(), qsizetype(next.size())), QUrl::TolerantMode);
    for (simdjson::dom::element record : value) {
        ++info.records;
        simdjson::dom::object obj;
        if (signIns && !record.get_object().get(obj) && obj["appliedConditionalAccessPolicies"].error())
            ++info.withoutCaPolicies;
    }
    info.ok = true;
    return info;
}

} // namespace calens::graph
