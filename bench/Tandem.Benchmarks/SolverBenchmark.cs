using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Benchmarks;

/// <summary>
/// Plain Stopwatch harness (the big runs take seconds, BenchmarkDotNet's statistics add nothing but
/// minutes). Writes its own marked section of docs/benchmarks.md.
/// </summary>
internal static class SolverBenchmark
{
    private const string Begin = "<!-- solver:begin -->", End = "<!-- solver:end -->";

    public static int Run(string[] args)
    {
        bool largeAllPairs = args.Contains("--large-all-pairs");
        int docAt = Array.IndexOf(args, "--doc");
        string doc = docAt >= 0 ? args[docAt + 1] : FindDoc();
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"## Optimal matcher (solver)");
        md.AppendLine();
        md.AppendLine(inv, $"Command: `dotnet run -c Release --project bench/Tandem.Benchmarks -- solver{(largeAllPairs ? " --large-all-pairs" : "")}`");
        md.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores (nproc), {CpuModel()}, .NET {Environment.Version}; " +
            $"load average at start {LoadAverage()} (the machine is shared with other builds, so wall times are pessimistic).");
        md.AppendLine(inv, $"Run at {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC. Synthetic instance: fixed seed 2026 (see `SyntheticPairSource`). Objective: most matched, then total score.");
        md.AppendLine();
        md.AppendLine("Greedy and deferred acceptance coincide here: both sides rank by the same pair score, and then the greedy " +
            "matching is the unique stable one. Wall time on a loaded 2-core machine overstates single-thread runs; the CPU column is the process CPU time.");
        md.AppendLine();

        foreach (var (n, m, runs, allPairs) in new[] { (50_000, 10_000, 5, true), (200_000, 40_000, 3, largeAllPairs) })
        {
            Console.WriteLine($"== {n:N0} × {m:N0}");
            var source = new SyntheticPairSource(n, m);
            var sw = Stopwatch.StartNew();
            var top = source.TopArcs(50, 2);
            double scanMs = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"top-50 arcs: {top.ArcMentor.Length:N0} in {scanMs:F0} ms");

            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var (optMs, opt) = Median(runs, () => OptimalMatcher.Solve(top, MatchObjective.MostMatchedThenScore));
            double optCpu = LastCpuMedian;
            long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (runs + 1);
            var (totalMs, optTotal) = Median(runs, () => OptimalMatcher.Solve(top, MatchObjective.TotalScore));
            double totalCpu = LastCpuMedian;
            var (greedyMs, greedy) = Median(runs, () => GreedyMatcher.Solve(top));
            double greedyCpu = LastCpuMedian;
            var (stableMs, stable) = Median(runs, () => StableMatcher.Solve(top));
            double stableCpu = LastCpuMedian;
            var topCheck = CertificateChecker.Check(top, opt, MatchObjective.MostMatchedThenScore);
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"optimal {optMs:F0} ms, total-objective {totalMs:F0} ms, greedy {greedyMs:F0} ms, stable {stableMs:F0} ms, check {topCheck.Ok}");

            md.AppendLine(inv, $"### {n:N0} mentees × {m:N0} mentors, top-50 arcs ({top.ArcMentor.Length:N0} arcs)");
            md.AppendLine();
            md.AppendLine("| matcher (top-50 arcs) | median wall | median CPU | matched | total score | score gap to optimal on these arcs |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            md.AppendLine(inv, $"| optimal, most matched then score | {optMs:F0} ms | {optCpu:F0} ms | {opt.Matched:N0} | {opt.TotalScore:N0} | — |");
            md.AppendLine(inv, $"| optimal, total score | {totalMs:F0} ms | {totalCpu:F0} ms | {optTotal.Matched:N0} | {optTotal.TotalScore:N0} | — |");
            md.AppendLine(inv, $"| greedy | {greedyMs:F0} ms | {greedyCpu:F0} ms | {greedy.Matched:N0} | {greedy.TotalScore:N0} | {Gap(greedy.TotalScore, opt.TotalScore)} |");
            md.AppendLine(inv, $"| deferred acceptance | {stableMs:F0} ms | {stableCpu:F0} ms | {stable.Matched:N0} | {stable.TotalScore:N0} | {Gap(stable.TotalScore, opt.TotalScore)} |");
            md.AppendLine();
            md.AppendLine(inv, $"Median of {runs} runs after one warm-up, single thread. Optimal solve allocates {allocated / 1e6:F0} MB per run; " +
                $"process peak working set so far {peak / 1e6:F0} MB (includes the scorer and the arc set). " +
                $"Scoring all pairs for the top-50 shortlist: {scanMs:F0} ms on 2 threads. Certificate on the top-50 arcs: {(topCheck.Ok ? "ok" : "FAILED")}.");
            md.AppendLine();

            if (allPairs)
            {
                var times = new List<double>();
                var cpuTimes = new List<double>();
                AllPairsResult? all = null;
                for (int rep = 0; rep < (n <= 50_000 ? 3 : 1); rep++)
                {
                    sw.Restart();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    all = OptimalMatcher.SolveAllPairs(source, MatchObjective.MostMatchedThenScore, 50, 2,
                        new SyncProgress(s => Console.WriteLine($"  {sw.Elapsed.TotalSeconds:F1}s {s}")));
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                }
                long peakAll = Process.GetCurrentProcess().PeakWorkingSet64;
                times.Sort();
                double allMs = times[times.Count / 2];
                sw.Restart();
                var check = CertificateChecker.Check(source, all!.Result, MatchObjective.MostMatchedThenScore);
                double checkMs = sw.Elapsed.TotalMilliseconds;
                long best = all.Result.TotalScore;
                Console.WriteLine($"all pairs {allMs:F0} ms, rounds {all.Rounds}, check {check.Ok} in {checkMs:F0} ms");
                md.AppendLine(inv, $"**Over all feasible pairs** (`SolveAllPairs`, 2 threads, shortlist 50): median {allMs:F0} ms of {times.Count} " +
                    $"({string.Join(", ", times.Select(t => t.ToString("F0", inv)))} ms; process CPU time {string.Join(", ", cpuTimes.Select(t => t.ToString("F0", inv)))} ms), {all.Rounds} solves, {all.ArcsAdded:N0} arcs added by pricing, " +
                    $"final arc set {all.FinalArcs.ArcMentor.Length:N0}, process peak working set {peakAll / 1e6:F0} MB. Matched {all.Result.Matched:N0}, total {best:N0}. " +
                    $"Certificate checked over all {(long)n * m:N0} pairs: {(check.Ok ? "ok" : "FAILED: " + check)} ({checkMs:F0} ms, 1 thread).");
                md.AppendLine();
                md.AppendLine("| vs optimum over all pairs | matched | total score | score gap |");
                md.AppendLine("|---|---:|---:|---:|");
                md.AppendLine(inv, $"| optimal over all pairs | {all.Result.Matched:N0} | {best:N0} | — |");
                md.AppendLine(inv, $"| optimal on top-50 only | {opt.Matched:N0} | {opt.TotalScore:N0} | {Gap(opt.TotalScore, best)} |");
                md.AppendLine(inv, $"| greedy on top-50 | {greedy.Matched:N0} | {greedy.TotalScore:N0} | {Gap(greedy.TotalScore, best)} |");
                md.AppendLine(inv, $"| deferred acceptance on top-50 | {stable.Matched:N0} | {stable.TotalScore:N0} | {Gap(stable.TotalScore, best)} |");
                md.AppendLine();
            }
            else
            {
                md.AppendLine("All-pairs run not done for this size in this run (pass `--large-all-pairs`).");
                md.AppendLine();
            }
        }

        WriteSection(doc, md.ToString());
        Console.WriteLine($"wrote {doc}");
        return 0;
    }

    /// <summary>Median wall time; runs are single-threaded, so CPU time is also recorded (the machine is shared).</summary>
    private static (double Ms, MatchResult Result) Median(int runs, Func<MatchResult> run)
    {
        var result = run(); // warm-up
        var times = new double[runs];
        var cpus = new double[runs];
        for (int k = 0; k < runs; k++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            result = run();
            times[k] = sw.Elapsed.TotalMilliseconds;
            cpus[k] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        }
        Array.Sort(cpus);
        LastCpuMedian = cpus[runs / 2];
        Array.Sort(times);
        return (times[runs / 2], result);
    }

    private static double LastCpuMedian;

    private static string Gap(long value, long best)
        => best == 0 ? "n/a" : ((best - value) * 100.0 / best).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return "unknown CPU"; }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static string FindDoc()
    {
        var dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tandem.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Environment.CurrentDirectory, "docs", "benchmarks.md");
    }

    /// <summary>Replaces only the solver's marked section, leaving the rest of the file to others.</summary>
    private static void WriteSection(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        string section = $"{Begin}\n{body.TrimEnd()}\n{End}";
        int b = text.IndexOf(Begin, StringComparison.Ordinal), e = text.IndexOf(End, StringComparison.Ordinal);
        text = b >= 0 && e > b ? text[..b] + section + text[(e + End.Length)..] : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }
}
