#include "ratio_reporter.h"

#include <cstdio>
#include <utility>

namespace policyloc::bench {

namespace {

const char* const kReference = "cmark_parse";

} // namespace

RatioReporter::RatioReporter(std::map<std::string, double> targets)
    : targets_(std::move(targets)) {}

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
        if (run.error_occurred || run.run_type != Run::RT_Iteration || run.iterations == 0)
            continue;
        std::string name = run.benchmark_name();
        size_t slash = name.find('/');
        if (slash == std::string::npos) continue;
        double per_iteration = run.GetAdjustedCPUTime() *
                               benchmark::GetTimeUnitMultiplier(benchmark::kNanosecond) /
                               benchmark::GetTimeUnitMultiplier(run.time_unit);
        figures_.push_back({name.substr(0, slash), name.substr(slash + 1), per_iteration});
    }
}

void RatioReporter::Finalize() {
    ConsoleReporter::Finalize();
    std::map<std::string, double> reference;
    for (const Figure& f : figures_)
        if (f.step == kReference) reference[f.input] = f.cpu_ns;
    std::FILE* out = stdout;
    std::fprintf(out, "\nCPU time per iteration as a ratio to cmark-gfm parsing the same input\n");
    std::fprintf(out, "%-6s %-26s %-26s %12s %8s  %s\n", "", "step", "input", "ms", "x cmark",
                 "target");
    for (const Figure& f : figures_) {
        auto ref = reference.find(f.input);
        if (ref == reference.end() || ref->second <= 0) continue;
        double ratio = f.cpu_ns / ref->second;
        std::string verdict;
        if (auto t = targets_.find(f.step); t != targets_.end()) {
            char buf[48];
            std::snprintf(buf, sizeof buf, "<= %.1fx %s", t->second,
                          ratio <= t->second ? "met" : "MISSED");
            verdict = buf;
        }
        std::fprintf(out, "%-6s %-26s %-26s %12.3f %8.2f  %s\n", "ratio", f.step.c_str(),
                     f.input.c_str(), f.cpu_ns / 1e6, ratio, verdict.c_str());
    }
    std::fflush(out);
}

} // namespace policyloc::bench
