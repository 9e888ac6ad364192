using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Makemore.Benchmarks;

/// <summary>
/// A short job so the whole suite takes minutes on a busy 2-core machine: few iterations, ratios against each
/// category's reference (the machine is shared, so absolute times drift between runs; ratios measured in the same run
/// much less). In process: a separately built benchmark process would copy libtorch (0.5 GB) per build.
/// </summary>
static class BenchmarkConfig
{
    public static IConfig Create() => ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(9)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean)
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
        .WithOptions(ConfigOptions.JoinSummary);
}
