// SPDX-License-Identifier: MIT
// libFuzzer over the small parsers that read text from logs, policies and the network, one per build
// (FUZZ_PARSER): the device-filter rule, CIDR/IP, the token-endpoint error body, a Graph page, timestamps,
// the filter language, the flowchart data.
#include "diagnosis/flowchart.h"
#include "graph/grapherror.h"
#include "graph/pageinspector.h"
#include "ingest/timestamp.h"
#include "model/iprange.h"
#include "query/filter.h"
#include "whatif/devicefilter.h"

#include <QByteArray>

#include <string_view>

using namespace calens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
#if FUZZ_PARSER == 1
    const auto f = whatif::DeviceFilter::parse(text);
    if (f.valid())
        f.evaluate([](std::string_view p) {
            return whatif::PropertyValue { whatif::PropertyValue::Kind::Value, std::string(p) };
        });
#elif FUZZ_PARSER == 2
    if (auto r = IpRange::parseCidr(text)) {
        if (auto ip = IpAddress::parse(text.substr(0, text.find('/')))) (void)r->contains(*ip);
    }
#elif FUZZ_PARSER == 3
    (void)graph::parseTokenError(400, bytes).text();
    (void)graph::parseGraphError(429, bytes).text();
#elif FUZZ_PARSER == 4
    (void)graph::inspectPage(bytes, true);
#elif FUZZ_PARSER == 5
    const int64_t t = parseTimestamp(text);
    (void)formatIso(t);
#elif FUZZ_PARSER == 6
    (void)parseFilter(QString::fromUtf8(bytes));
#elif FUZZ_PARSER == 7
    QString error;
    (void)Flowchart::parse(std::string(text), &error);
#endif
    return 0;
}
