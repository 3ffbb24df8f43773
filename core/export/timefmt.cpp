// SPDX-License-Identifier: MIT
#include "timefmt.h"

#include <cstdio>

namespace calens::exporter {

namespace {
void two(std::string& out, int v)
{
    out += char('0' + v / 10);
    out += char('0' + v % 10);
}
void datePart(std::string& out, const Civil& c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", c.year);
    out += buf;
    out += '-';
    two(out, c.month);
    out += '-';
    two(out, c.day);
}
void timePart(std::string& out, const Civil& c)
{
    two(out, c.hour);
    out += ':';
    two(out, c.minute);
    out += ':';
    two(out, c.second);
}
void fraction7(std::string& out, const Civil& c)
{
    out += '.';
    out += char('0' + c.millis / 100);
    two(out, c.millis % 100);
    out += "0000";
}
} // namespace

void appendDate(std::string& out, int64_t ms)
{
    datePart(out, civilFromMs(ms));
}

void appendIsoSeconds(std::string& out, int64_t ms)
{
    const Civil c = civilFromMs(ms);
    datePart(out, c);
    out += 'T';
    timePart(out, c);
    out += 'Z';
}

void appendIso7(std::string& out, int64_t ms)
{
    const Civil c = civilFromMs(ms);
    datePart(out, c);
    out += 'T';
    timePart(out, c);
    fraction7(out, c);
    out += 'Z';
}

void appendIsoOffset(std::string& out, int64_t ms)
{
    const Civil c = civilFromMs(ms);
    datePart(out, c);
    out += 'T';
    timePart(out, c);
    fraction7(out, c);
    out += "+00:00";
}

void appendUsLocale(std::string& out, int64_t ms)
{
    const Civil c = civilFromMs(ms);
    const int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d/%d/%04d, %d:%02d:%02d.%03d %s", c.month, c.day, c.year, h12, c.minute, c.second,
        c.millis, c.hour < 12 ? "AM" : "PM");
    out += buf;
}

} // namespace calens::exporter
