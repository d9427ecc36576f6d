using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tandem.Matching.Cohorts;
using Tandem.Matching.Solver;

namespace Tandem.Benchmarks;

/// <summary>
/// End-to-end cohort matching (validate + compile + score every pair + exact solve + certificate
/// check + explanations) on a fixed-seed 2,000-person cohort. A plain stopwatch harness: the figure
/// that matters is one call's wall time, and the median of many runs is stable enough for it.
/// </summary>
internal static class CohortBenchmark
{
    private const int Mentees = 1400, Mentors = 600, Seed = 2026, Warmup = 3, Runs = 21;
    private const string Begin = "<!-- cohort:begin -->", End = "<!-- cohort:end -->";

    public static int Run(string[] args)
    {
        var loadBefore = LoadAverage();
        var input = SyntheticCohort.Generate(Mentees, Mentors, Seed);
        CohortResult? result = null;
        for (var k = 0; k < Warmup; k++)
            result = CohortMatcher.Match(input);

        var total = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var compile = new List<double>();
        var arcs = new List<double>();
        var solve = new List<double>();
        for (var k = 0; k < Runs; k++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            result = CohortMatcher.Match(input);
            total.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);

            // Phases, timed separately on the same input (the sum is close to, not equal to, the total).
            sw.Restart();
            var compiled = CompiledCohort.Compile(input);
            compile.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var feasible = FeasibleArcs.Build(compiled, CancellationToken.None);
            arcs.Add(sw.Elapsed.TotalMilliseconds);
            var locked = new int[compiled.MenteeCount];
            Array.Fill(locked, -1);
            foreach (var pair in input.Locked)
                locked[compiled.MenteeIndex(pair.MenteeId)] = compiled.MentorIndex(pair.MentorId);
            var residual = feasible.Residual(compiled, locked);
            sw.Restart();
            OptimalMatcher.SolveAllPairs(new ResidualSource(residual), input.Objective, shortlist: 16, threads: Environment.ProcessorCount);
            solve.Add(sw.Elapsed.TotalMilliseconds);
        }

        var t = result!.Totals!;
        var inv = CultureInfo.InvariantCulture;
        var section = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine("## Cohort matching, end to end")
            .AppendLine()
            .AppendLine("`dotnet run -c Release --project bench/Tandem.Benchmarks -- cohort`")
            .AppendLine()
            .AppendLine(inv, $"Fixed-seed synthetic cohort (`SyntheticCohort.Generate({Mentees}, {Mentors}, seed {Seed})`): {Mentees} mentees, {Mentors} mentors, {input.Locked.Count} locks, {input.PreviousPairs.Count} earlier pairs, {input.Forbidden.Count} forbids.")
            .AppendLine(inv, $"`CohortMatcher.Match` = validate + compile + score all {Mentees * Mentors:N0} pairs + exact solve over the {t.FeasiblePairs:N0} allowed ones + certificate check + explanations for every pair and unmatched person.")
            .AppendLine(inv, $"Median of {Runs} runs after {Warmup} warm-up runs, {Environment.ProcessorCount} cores, .NET {Environment.Version}, measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, load average before/after {loadBefore} / {LoadAverage()} (the machine is shared; min is the best case).")
            .AppendLine()
            .AppendLine("| what | median ms | min ms | max ms |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(Row("Match, end to end", total))
            .AppendLine(Row("Match, CPU time of the process (all threads, incl. GC)", cpu))
            .AppendLine(Row("  compile profiles", compile))
            .AppendLine(Row("  score every pair (parallel)", arcs))
            .AppendLine(Row("  OptimalMatcher.SolveAllPairs (shortlist 16)", solve))
            .AppendLine()
            .AppendLine(inv, $"Outcome: {t.Matched} matched, {result.UnmatchedMentees.Count} mentees and {result.UnmatchedMentors.Count} mentors unmatched (explained), total score {t.TotalScore:0.###}, certificate verified: {t.Certificate.Verified}.")
            .AppendLine(End)
            .ToString();
        Console.Write(section);
        WriteSection(section);
        return t.Certificate.Verified ? 0 : 1;
    }

    private sealed class ResidualSource(Tandem.Matching.ArcProblem p) : Tandem.Matching.IPairSource
    {
        public int MenteeCount => p.MenteeCount;
        public int MentorCount => p.MentorCount;
        public int Capacity(int mentor) => p.Capacities[mentor];

        public void ScoreRow(int mentee, Span<long> scores)
        {
            scores[..p.MentorCount].Fill(long.MinValue);
            for (var a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++)
                scores[p.ArcMentor[a]] = p.ArcScore[a];
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(1)) : "n/a";

    private static string Row(string what, List<double> ms)
    {
        ms.Sort();
        var median = ms.Count % 2 == 1 ? ms[ms.Count / 2] : (ms[(ms.Count / 2) - 1] + ms[ms.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {median:0.0} | {ms[0]:0.0} | {ms[^1]:0.0} |");
    }

    // Only the text between our markers is ours; the rest of the file belongs to others.
    private static void WriteSection(string section)
    {
        var path = Path.Combine(FindRepoRoot(), "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? string.Concat(text.AsSpan(0, begin), section.TrimEnd('\n', '\r'), text.AsSpan(end + End.Length))
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote {path}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
