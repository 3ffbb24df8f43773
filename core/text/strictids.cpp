// SPDX-License-Identifier: MIT
#include "strictids.h"

#include <arpa/inet.h>

namespace calens::text {

bool isCanonicalGuid(const QString& text)
{
    if (text.size() != 36) return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = text[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-') return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

std::optional<QString> canonicalIp(const QString& text)
{
    if (text.isEmpty() || text.size() > 45) return std::nullopt;
    for (QChar c : text)
        if (c.unicode() > 0x7f) return std::nullopt;
    const QByteArray latin = text.toLatin1();
    unsigned char bytes[16];
    char out[INET6_ADDRSTRLEN];
    // inet_pton is the strict parser: no scope ids, no "1.2.3", no octal-looking "010.0.0.1", no spaces.
    const int family = text.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    if (inet_pton(family, latin.constData(), bytes) != 1) return std::nullopt;
    if (!inet_ntop(family, bytes, out, sizeof out)) return std::nullopt;
    return QString::fromLatin1(out);
}

std::optional<QString> canonicalCidr(const QString& text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0) return std::nullopt;
    const auto ip = canonicalIp(text.left(slash));
    if (!ip) return std::nullopt;
    const QString prefix = text.mid(slash + 1);
    if (prefix.isEmpty() || prefix.size() > 3 || (prefix.size() > 1 && prefix.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    for (QChar c : prefix)
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) return std::nullopt;
    const int bits = prefix.toInt();
    if (bits > (ip->contains(QLatin1Char(':')) ? 128 : 32)) return std::nullopt;
    return *ip + QLatin1Char('/') + QString::number(bits);
}

} // namespace calens::text
