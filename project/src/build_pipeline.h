// The build's schedule: catalogs are read one after another on the calling thread (libgettextpo,
// which reads PO files, keeps process-wide state and cannot run on two threads), while the other
// threads extract the pages and start merging every job whose catalogs are already read. With
// one thread this is the plain order: all catalogs, all pages, all jobs. Once every catalog is
// read and every page cut, a gate decides whether the jobs still to start may also finish their
// work (write their page) at once; those that started before it finish later, after the run.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace policyloc {

struct PipelineShape {
    size_t reads = 0;    // steps run in order on the calling thread (catalogs)
    size_t prepares = 0; // independent steps every job waits for (pages)
    // needs[k]: how many reads job k waits for; jobs are taken in index order, so sort them by
    // needs for the threads never to wait behind a job whose catalog comes late.
    std::vector<size_t> needs;
    unsigned threads = 1;
};

// Runs read(r) for r in order on the calling thread, prepare(p, t) and then job(k, t, gated) on
// `threads` threads (the caller's joins them after its reads); t is the thread's number, 0 the
// caller's. Every prepare returns before any job starts, and job k starts after
// read(needs[k] - 1). gate() runs once, on whichever thread completes the last read or prepare,
// with every read and prepare done; `gated` is true for the jobs that start after it returned
// true.
template <typename Read, typename Prepare, typename Gate, typename Job>
void pipeline_run(const PipelineShape& shape, Read read, Prepare prepare, Gate gate, Job job) {
    std::mutex m;
    std::condition_variable changed;
    size_t reads_done = 0, prepares_done = 0;
    bool gate_run = false, gate_open = false;
    std::atomic<size_t> next_prepare{0}, next_job{0};
    auto ready = [&](size_t k) {
        return prepares_done == shape.prepares && reads_done >= shape.needs[k];
    };
    auto pass_gate = [&] { // under the lock
        if (gate_run || prepares_done != shape.prepares || reads_done != shape.reads) return;
        gate_run = true;
        gate_open = gate();
    };
    auto work = [&](unsigned t) {
        for (size_t p; (p = next_prepare.fetch_add(1)) < shape.prepares;) {
            prepare(p, t);
            std::lock_guard<std::mutex> lock(m);
            if (++prepares_done == shape.prepares) {
                pass_gate();
                changed.notify_all();
            }
        }
        for (size_t k; (k = next_job.fetch_add(1)) < shape.needs.size();) {
            bool gated = false;
            {
                std::unique_lock<std::mutex> lock(m);
                changed.wait(lock, [&] { return ready(k); });
                gated = gate_open;
            }
            job(k, t, gated);
        }
    };
    const unsigned threads = std::max(1u, shape.threads);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    for (size_t r = 0; r < shape.reads; ++r) {
        read(r);
        std::lock_guard<std::mutex> lock(m);
        ++reads_done;
        pass_gate();
        changed.notify_all();
    }
    {
        std::lock_guard<std::mutex> lock(m);
        pass_gate(); // no reads at all
    }
    work(0);
    for (std::thread& t : pool) t.join();
}

} // namespace policyloc
