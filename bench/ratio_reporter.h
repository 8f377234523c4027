// A console reporter that, after the runs, prints every figure as a ratio to the reference
// benchmark on the same input: benchmarks are named "STEP/INPUT" and the reference step is
// "cmark_parse", so "extract/privacy.md" is divided by "cmark_parse/privacy.md".
#pragma once
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace policyloc::bench {

class RatioReporter : public benchmark::ConsoleReporter {
  public:
    // `targets`: step -> the DESIGN ratio it should stay within ("extract" -> 1.5).
    explicit RatioReporter(std::map<std::string, double> targets);
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

  private:
    struct Figure {
        std::string step;
        std::string input;
        double cpu_ns = 0; // CPU time per iteration
    };
    std::map<std::string, double> targets_;
    std::vector<Figure> figures_;
};

} // namespace policyloc::bench
