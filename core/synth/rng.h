// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace calens::synth {

// xoshiro256** seeded through splitmix64. Hand-rolled on purpose: std:: distributions are
// implementation-defined, and the same seed must give the same bytes on every platform.
class Rng
{
public:
    explicit Rng(uint64_t seed)
    {
        for (uint64_t& s : m_s) s = splitmix(seed);
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    // Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant here).
    uint32_t below(uint32_t n) { return uint32_t(((next() >> 32) * uint64_t(n)) >> 32); }
    int range(int lo, int hi) { return lo + int(below(uint32_t(hi - lo + 1))); }
    bool chance(uint32_t perMille) { return below(1000) < perMille; }
    template<typename T, size_t N> const T& pick(const T (&items)[N]) { return items[below(uint32_t(N))]; }

    // A version-4 style GUID in lower-case hex.
    void guid(std::string& out)
    {
        static const char* hex = "0123456789abcdef";
        const uint64_t a = next(), b = next();
        char buf[36];
        int k = 0;
        for (int i = 0; i < 32; ++i) {
            if (i == 8 || i == 12 || i == 16 || i == 20) buf[k++] = '-';
            uint64_t w = i < 16 ? a : b;
            unsigned nib = unsigned(w >> ((i % 16) * 4)) & 15u;
            if (i == 12) nib = 4;
            if (i == 16) nib = 8 | (nib & 3);
            buf[k++] = hex[nib];
        }
        out.assign(buf, 36);
    }
    std::string guid()
    {
        std::string s;
        guid(s);
        return s;
    }
    // A 22-character base64url token like uniqueTokenIdentifier.
    void token(std::string& out)
    {
        static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        uint64_t a = next(), b = next();
        out.resize(22);
        for (int i = 0; i < 22; ++i) {
            uint64_t& w = i < 11 ? a : b;
            out[size_t(i)] = b64[w & 63];
            w >>= 6;
        }
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static uint64_t splitmix(uint64_t& x)
    {
        uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    uint64_t m_s[4];
};

} // namespace calens::synth
