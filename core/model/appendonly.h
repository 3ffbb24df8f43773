// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>

namespace calens {

// A vector that never moves what it holds: storage grows in chunks that double in size and stay where
// they are, so one thread can append while others read what was there before (the rows of a file
// that is still loading). Readers take size() first (acquire) and read below it; set()/load() are the
// atomic pair for the few values a writer rewrites after other threads may see them. Growing copies
// nothing and leaves at most the unused half of the last chunk, which the OS commits only when touched.
template<typename T> class AppendOnly
{
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    static constexpr unsigned kFirstBits = 8; // the first chunk holds 256 values
    static constexpr unsigned kMaxChunks = 40; // 2^48 values: more than any index type here can name

public:
    AppendOnly() = default;
    AppendOnly(const AppendOnly&) = delete;
    AppendOnly& operator=(const AppendOnly&) = delete;
    AppendOnly(AppendOnly&& other) noexcept { *this = std::move(other); }
    AppendOnly& operator=(AppendOnly&& other) noexcept
    {
        if (this == &other) return *this;
        release();
        std::copy(std::begin(other.m_chunks), std::end(other.m_chunks), std::begin(m_chunks));
        std::fill(std::begin(other.m_chunks), std::end(other.m_chunks), nullptr);
        m_size.store(other.m_size.load());
        other.m_size.store(0);
        return *this;
    }
    ~AppendOnly() { release(); }

    size_t size() const { return m_size.load(std::memory_order_acquire); }
    bool empty() const { return size() == 0; }

    // A value no other thread rewrites once it can see it (pooled strings, policy evaluations).
    const T& operator[](size_t i) const { return slot(i); }
    // A value a writer may rewrite while others read (a sign-in replaced by a richer copy of itself).
    T load(size_t i) const { return std::atomic_ref<T>(const_cast<T&>(slot(i))).load(std::memory_order_acquire); }
    void set(size_t i, T value) { std::atomic_ref<T>(slot(i)).store(value, std::memory_order_release); }

    void push_back(const T& value)
    {
        const size_t n = m_size.load(std::memory_order_relaxed);
        ensure(n);
        new (&slot(n)) T(value);
        m_size.store(n + 1, std::memory_order_release);
    }

    // Appends `count` default values that sit next to each other (one sign-in's policy list is one span)
    // and returns the index of the first; skips, with default values, what is left of a chunk too short.
    size_t appendRun(size_t count)
    {
        size_t n = m_size.load(std::memory_order_relaxed);
        if (count == 0) return n;
        while (chunkOf(n) != chunkOf(n + count - 1)) { // chunks double: this ends within a few steps
            ensure(n);
            for (const size_t next = chunkStart(chunkOf(n) + 1); n < next; ++n) new (&slot(n)) T();
        }
        ensure(n);
        for (size_t i = 0; i < count; ++i) new (&slot(n + i)) T();
        m_size.store(n + count, std::memory_order_release);
        return n;
    }
    // The values of a run appendRun() made: contiguous by construction.
    const T* run(size_t first) const { return &slot(first); }
    T* run(size_t first) { return &slot(first); }

    size_t bytesReserved() const
    {
        size_t n = 0;
        for (unsigned c = 0; c < kMaxChunks && m_chunks[c]; ++c) n += chunkSize(c) * sizeof(T);
        return n;
    }

private:
    static unsigned chunkOf(size_t i) { return unsigned(std::bit_width((i >> kFirstBits) + 1) - 1); }
    static size_t chunkStart(unsigned c) { return ((size_t(1) << c) - 1) << kFirstBits; }
    static size_t chunkSize(unsigned c) { return size_t(1) << (kFirstBits + c); }

    const T& slot(size_t i) const
    {
        const unsigned c = chunkOf(i);
        return m_chunks[c][i - chunkStart(c)];
    }
    T& slot(size_t i)
    {
        const unsigned c = chunkOf(i);
        return m_chunks[c][i - chunkStart(c)];
    }
    // Chunk pointers are written before the values in them are published, and never change after.
    void ensure(size_t i)
    {
        const unsigned c = chunkOf(i);
        if (!m_chunks[c]) m_chunks[c] = std::allocator<T>().allocate(chunkSize(c));
    }
    void release()
    {
        for (unsigned c = 0; c < kMaxChunks; ++c)
            if (m_chunks[c]) {
                std::allocator<T>().deallocate(m_chunks[c], chunkSize(c));
                m_chunks[c] = nullptr;
            }
    }

    T* m_chunks[kMaxChunks] = {};
    std::atomic<size_t> m_size { 0 };
};

} // namespace calens
