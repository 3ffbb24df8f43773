// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <cstdio>

namespace calens {

int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    // Howard Hinnant's algorithm.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return int64_t(era) * 146097 + int64_t(doe) - 719468;
}

namespace {

struct Cursor
{
    std::string_view s;
    size_t i = 0;
    bool atEnd() const { return i >= s.size(); }
    char peek() const { return i < s.size() ? s[i] : '\0'; }
    bool digits(int minCount, int maxCount, int& out)
    {
        int n = 0;
        out = 0;
        while (n < maxCount && i < s.size() && s[i] >= '0' && s[i] <= '9') {
            out = out * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        return n >= minCount;
    }
    bool eat(char c)
    {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    void spaces()
    {
        while (peek() == ' ') ++i;
    }
};

bool validDate(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int64_t compose(int y, int mo, int d, int h, int mi, int sec, int ms, int offsetMinutes)
{
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || sec > 60) return kNoTime;
    const int64_t days = daysFromCivil(y, unsigned(mo), unsigned(d));
    return ((days * 24 + h) * 60 + mi - offsetMinutes) * 60000 + int64_t(sec) * 1000 + ms;
}

// Reads ".fffffff" and returns milliseconds.
int fraction(Cursor& c)
{
    if (!c.eat('.') && !c.eat(',')) return 0;
    int ms = 0, n = 0;
    while (c.peek() >= '0' && c.peek() <= '9') {
        if (n < 3) ms = ms * 10 + (c.peek() - '0');
        ++n;
        ++c.i;
    }
    while (n++ < 3) ms *= 10;
    return ms;
}

int64_t parseIso(Cursor c)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!c.digits(4, 4, y) || !c.eat('-') || !c.digits(1, 2, mo) || !c.eat('-') || !c.digits(1, 2, d)) return kNoTime;
    int ms = 0, offset = 0;
    if (c.eat('T') || c.eat('t') || c.eat(' ')) {
        if (!c.digits(1, 2, h) || !c.eat(':') || !c.digits(2, 2, mi)) return kNoTime;
        if (c.eat(':') && !c.digits(2, 2, sec)) return kNoTime;
        ms = fraction(c);
        c.spaces();
        if (c.eat('Z') || c.eat('z')) {
        } else if (c.peek() == '+' || c.peek() == '-') {
            const int sign = c.peek() == '-' ? -1 : 1;
            ++c.i;
            int oh, om = 0;
            if (!c.digits(2, 2, oh)) return kNoTime;
            c.eat(':');
            c.digits(0, 2, om);
            offset = sign * (oh * 60 + om);
        }
    }
    c.spaces();
    if (c.eat('U')) c.eat('T') && c.eat('C');
    c.spaces();
    if (!c.atEnd()) return kNoTime;
    return compose(y, mo, d, h, mi, sec, ms, offset);
}

int64_t parseSlashed(Cursor c)
{
    int a, b, y, h = 0, mi = 0, sec = 0, ms = 0;
    if (!c.digits(1, 2, a) || !c.eat('/') || !c.digits(1, 2, b) || !c.eat('/') || !c.digits(4, 4, y)) return kNoTime;
    int mo = a, d = b;
    if (a > 12 && b <= 12) std::swap(mo, d); // day first
    c.eat(',');
    c.spaces();
    if (!c.atEnd()) {
        if (!c.digits(1, 2, h) || !c.eat(':') || !c.digits(2, 2, mi)) return kNoTime;
        if (c.eat(':') && !c.digits(2, 2, sec)) return kNoTime;
        ms = fraction(c);
        c.spaces();
        const char p = c.peek();
        if (p == 'A' || p == 'a' || p == 'P' || p == 'p') {
            ++c.i;
            if (!c.eat('M') && !c.eat('m')) return kNoTime;
            if (h < 1 || h > 12) return kNoTime;
            if (h == 12) h = 0;
            if (p == 'P' || p == 'p') h += 12;
        }
        c.spaces();
        if (c.eat('U')) c.eat('T') && c.eat('C');
        c.spaces();
        if (c.eat('Z')) { }
        if (!c.atEnd()) return kNoTime;
    }
    return compose(y, mo, d, h, mi, sec, ms, 0);
}

} // namespace

int64_t parseTimestamp(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
    if (text.size() < 8 || text.size() > 48) return kNoTime;
    if (text.front() == '/' || text.front() == '\\') {
        // Windows PowerShell: "/Date(1617204872000)/" (optionally with an offset we can ignore: it is UTC ms).
        const size_t open = text.find('(');
        if (open == std::string_view::npos) return kNoTime;
        int64_t v = 0;
        bool neg = false;
        size_t i = open + 1;
        if (i < text.size() && text[i] == '-') {
            neg = true;
            ++i;
        }
        size_t n = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && n < 18; ++i, ++n) v = v * 10 + (text[i] - '0');
        if (n == 0 || (i < text.size() && text[i] >= '0' && text[i] <= '9')) return kNoTime; // more than 18 digits
        v = neg ? -v : v;
        // Years 1 to 9999, like the ISO forms: anything else cannot be written back as a date.
        constexpr int64_t kMinMs = -62135596800000, kMaxMs = 253402300799999;
        return v < kMinMs || v > kMaxMs ? kNoTime : v;
    }
    Cursor c { text };
    if (text.size() > 4 && text[4] == '-') return parseIso(c);
    if (text.find('/') != std::string_view::npos) return parseSlashed(c);
    return kNoTime;
}

Civil civilFromMs(int64_t ms)
{
    int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const int64_t rem = ms - days * 86400000;
    days += 719468; // Howard Hinnant's civil_from_days
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const int y = int(int64_t(yoe) + era * 400 + (m <= 2));
    return { y, int(m), int(d), int(rem / 3600000), int(rem / 60000 % 60), int(rem / 1000 % 60), int(rem % 1000) };
}

std::string formatIso(int64_t ms)
{
    if (ms == kNoTime) return {};
    const Civil c = civilFromMs(ms);
    char buf[40];
    if (c.millis)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year, c.month, c.day, c.hour, c.minute,
            c.second, c.millis);
    else
        std::snprintf(
            buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
    return buf;
}

} // namespace calens
