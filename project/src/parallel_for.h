// Work spread over threads: the build's and the project check's loops over independent items.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace policyloc {

// How many threads `jobs` asks for, for n items: at least one, at most one per item.
inline unsigned thread_count(size_t n, unsigned jobs) {
    return std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(n)));
}

// Runs work(i, t) for i in [0, n) on thread_count(n, jobs) threads (the caller's among them);
// t is the thread's number, 0 the caller's. Items are taken in index order.
template <typename Work> void parallel_for(size_t n, unsigned jobs, Work work) {
    std::atomic<size_t> next{0};
    auto loop = [&](unsigned t) {
        for (size_t k; (k = next.fetch_add(1)) < n;) work(k, t);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < thread_count(n, jobs); ++t) pool.emplace_back(loop, t);
    loop(0);
    for (std::thread& t : pool) t.join();
}

} // namespace policyloc
