using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tandem.Cli;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Benchmarks;

/// <summary>
/// `references`: ours and the reference solvers on the same instances in one run, repetitions
/// interleaved (so a burst of load hits every contender alike), medians and ratios to LEMON
/// NetworkSimplex measured within the run, load average before and after each table. Writes the
/// marked solver section of docs/benchmarks.md.
/// </summary>
internal static class ReferenceBenchmark
{
    private const string Marker = "solver";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Contender(string Name, string File, string[] Args);

    private sealed record Sample(double WallMs, double CpuMs, long PeakKb, string Stdout, string Stderr);

    public static int Run(string[] args)
    {
        int runs = IntArg(args, "--runs", 5);
        string dir = StringArg(args, "--dir", Path.Combine(Path.GetTempPath(), "tandem-bench"));
        bool large = !args.Contains("--no-large"), onlyLarge = args.Contains("--only-large");
        string repo = RepoRoot();
        string lemon = EnsureLemon(repo);
        string tandem = Path.Combine(repo, "src", "Tandem.Cli", "bin", "Release", "net10.0", "tandem");
        if (!File.Exists(tandem)) throw new InvalidOperationException($"{tandem} is missing: build with `dotnet build -c Release src/Tandem.Cli`.");
        string self = Path.Combine(AppContext.BaseDirectory, "Tandem.Benchmarks.dll");

        var md = new StringBuilder();
        md.AppendLine(onlyLarge ? "## Matching engine and command line against reference solvers: 200k × 40k" : "## Matching engine and command line against reference solvers");
        md.AppendLine();
        string flags = onlyLarge ? " --only-large" : large ? "" : " --no-large";
        md.Append(Inv, $"Command: `dotnet run -c Release --project bench/Tandem.Benchmarks -- references --runs {runs}{flags}` ");
        md.AppendLine(Inv, $"(builds the LEMON harness with `{LemonBuild}` when it is missing).");
        md.Append(Inv, $"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}, {LemonVersion()}, Google.OrTools 9.15.6755. ");
        md.Append(Inv, $"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC. The machine is shared with other builds and tests: ");
        md.AppendLine("every figure is a median of interleaved repetitions, and ratios are taken within this run.");
        md.AppendLine();
        md.AppendLine("Instances: the fixed-seed synthetic program of `SyntheticPairSource` (seed 2026), each mentee's 50 best allowed mentors as arcs, " +
            "written once as `arcs.csv` (mentee,mentor,score; integer scores; grouped by mentee) and `capacities.csv`, and as a binary arc file (`tandem convert`). " +
            "Objective everywhere: most pairs, then the highest total score (w' = score + BigM); every solver must report the same pairs count and total.");
        md.AppendLine();

        var sizes = new List<(int N, int M)>();
        if (!onlyLarge) sizes.Add((50_000, 10_000));
        if (large || onlyLarge) sizes.Add((200_000, 40_000));
        foreach (var (n, m) in sizes)
        {
            var inst = ArcFiles.Ensure(dir, n, m);
            string bin = Path.Combine(dir, inst.Name + ".tarc");
            if (!File.Exists(bin)) Exec(tandem, ["convert", "--arcs", inst.Arcs, "--capacities", inst.Capacities, "--out", bin]);
            string outCsv = Path.Combine(dir, "pairs-out.csv");
            var contenders = new[]
            {
                new Contender("tandem match --arcs (CSV)", tandem, ["match", "--arcs", inst.Arcs, "--capacities", inst.Capacities, "--out", outCsv, "--timings"]),
                new Contender("tandem match --arcs (binary)", tandem, ["match", "--arcs", bin, "--out", outCsv, "--timings"]),
                new Contender("LEMON NetworkSimplex", lemon, [inst.Arcs, inst.Capacities, "--algo", "ns", "--out", outCsv]),
                new Contender("LEMON CostScaling", lemon, [inst.Arcs, inst.Capacities, "--algo", "cs", "--out", outCsv]),
            };
            Console.WriteLine($"== {inst.Name}: {inst.ArcCount:N0} arcs");
            string loadBefore = LoadAverage();
            var samples = contenders.ToDictionary(c => c.Name, _ => new List<Sample>());
            for (int r = 0; r < runs; r++)
            {
                foreach (var c in contenders)
                {
                    var sample = Measure(c.File, c.Args);
                    samples[c.Name].Add(sample);
                    Console.WriteLine($"  {c.Name}: {sample.WallMs:F0} ms, {sample.PeakKb / 1024} MB, {sample.Stdout.Trim()} | {sample.Stderr.Trim()}");
                }
            }
            string loadAfter = LoadAverage();
            string expected = samples[contenders[2].Name][0].Stdout.Trim();
            var lemonNs = samples["LEMON NetworkSimplex"];
            double lemonWall = Median(lemonNs.Select(s => s.WallMs)), lemonKb = Median(lemonNs.Select(s => (double)s.PeakKb));

            md.AppendLine(Inv, $"### {n / 1000}k mentees × {m / 1000}k mentors, top 50 ({inst.ArcCount:N0} arcs)");
            md.AppendLine();
            md.AppendLine(Inv, $"Whole process, file in → pairs.csv out; median of {runs}; load average {loadBefore} before, {loadAfter} after.");
            md.AppendLine();
            md.AppendLine("| program | median wall | × LEMON NS wall | median CPU | peak RSS | × LEMON NS RSS | result | phases (last run) |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var c in contenders)
            {
                var s = samples[c.Name];
                double wall = Median(s.Select(x => x.WallMs)), cpu = Median(s.Select(x => x.CpuMs)), kb = Median(s.Select(x => (double)x.PeakKb));
                string result = s.All(x => x.Stdout.Trim() == expected) ? s[0].Stdout.Trim() : "DIFFERS: " + string.Join(" / ", s.Select(x => x.Stdout.Trim()).Distinct());
                md.AppendLine(Inv, $"| {c.Name} | {wall:F0} ms | {wall / lemonWall:F2} | {cpu:F0} ms | {kb / 1024:F0} MB | {kb / lemonKb:F2} | `{result}` | {s[^1].Stderr.Trim().Replace("\n", "; ", StringComparison.Ordinal)} |");
            }
            md.AppendLine();
            SolverOnly(md, inst, runs, samples, self, IntArg(args, "--ortools-limit", 240));
        }

        AllPairs(md, self, sizes, runs);
        WriteSection(Path.Combine(repo, "docs", "benchmarks.md"), onlyLarge ? Marker + "-large" : Marker, md.ToString());
        Console.WriteLine("wrote docs/benchmarks.md");
        return 0;
    }

    /// <summary>
    /// The solvers alone on the same arcs: ours in this process; OR-Tools each in a child process of
    /// this program (`ortools mcf|lsa`, the .NET API in that process), under a time limit; LEMON's
    /// solve phase as its harness reports it.
    /// </summary>
    private static void SolverOnly(StringBuilder md, ArcFiles.Instance inst, int runs, Dictionary<string, List<Sample>> samples, string self, int limitSeconds)
    {
        var problem = ArcsInput.Load(inst.Arcs, inst.Capacities).Problem;
        string loadBefore = LoadAverage();
        var ours = new List<double>();
        MatchResult? result = null;
        OptimalMatcher.Solve(problem, MatchObjective.MostMatchedThenScore); // warm-up (JIT)
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            result = OptimalMatcher.Solve(problem, MatchObjective.MostMatchedThenScore);
            ours.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine($"  ours {ours[^1]:F0} ms");
        }
        var check = CertificateChecker.Check(problem, result!, MatchObjective.MostMatchedThenScore);
        problem = null;
        GC.Collect();
        var orTools = new List<(string Name, Sample? Sample)>();
        // The doubled assignment graph has each arc once per mentor place, twice: about 60 million
        // arcs at 200k × 40k, past what a shared 2-core machine finishes in a benchmark run.
        foreach (string kind in inst.Mentees <= 100_000 ? ["mcf", "lsa"] : new[] { "mcf" })
        {
            var sample = MeasureWithLimit("dotnet", [self, "ortools", kind, inst.Arcs, inst.Capacities], limitSeconds);
            orTools.Add((kind, sample));
            Console.WriteLine($"  OR-Tools {kind}: {(sample is null ? "no result within the limit" : sample.Stdout.Trim())}");
        }
        string loadAfter = LoadAverage();
        double oursMs = Median(ours);
        double lemonSolve = Median(samples["LEMON NetworkSimplex"].Select(s => Phase(s.Stderr, "solve")));
        double lemonCs = Median(samples["LEMON CostScaling"].Select(s => Phase(s.Stderr, "solve")));
        string expected = $"matched={result!.Matched} total={result.TotalScore}";

        md.Append(Inv, $"Solvers alone on the same arcs (ours: `OptimalMatcher.Solve` including its setup, one thread, median of {runs} after a warm-up, certificate {(check.Ok ? "verified" : "FAILED")}; ");
        md.Append(Inv, $"OR-Tools: one run each, in a child process, `{expected}` expected, stopped after {limitSeconds} s; LEMON: the solve phase its harness reports above); ");
        md.AppendLine(Inv, $"load average {loadBefore} before, {loadAfter} after.");
        md.AppendLine();
        md.AppendLine("| solver | solve | × ours | network build | peak RSS of its process | result |");
        md.AppendLine("|---|---:|---:|---:|---:|---|");
        md.AppendLine(Inv, $"| Tandem `OptimalMatcher.Solve` | {oursMs:F0} ms | 1.00 | — | see above | `{expected}` |");
        md.AppendLine(Inv, $"| LEMON NetworkSimplex | {lemonSolve:F0} ms | {lemonSolve / oursMs:F1} | in its harness | see above | same |");
        md.AppendLine(Inv, $"| LEMON CostScaling | {lemonCs:F0} ms | {lemonCs / oursMs:F1} | in its harness | see above | same |");
        if (orTools.Count == 1)
            md.AppendLine("| OR-Tools LinearSumAssignment | not run | | | | the doubled assignment graph would have about 60 million arcs |");
        foreach (var (kind, sample) in orTools)
        {
            string name = kind == "mcf" ? "OR-Tools SimpleMinCostFlow (`MinCostFlow`)" : "OR-Tools LinearSumAssignment (doubled graph, one arc per mentor place)";
            if (sample is null)
            {
                md.AppendLine(Inv, $"| {name} | > {limitSeconds} s | > {limitSeconds * 1000 / oursMs:F0} | | | no result within {limitSeconds} s |");
                continue;
            }
            // "build 877 ms solve 16848 ms matched=21848 total=91199022 arcs=…"
            var f = sample.Stdout.Trim().Split(' ');
            double build = double.Parse(f[1], Inv), solve = double.Parse(f[4], Inv);
            string got = $"{f[6]} {f[7]}";
            md.AppendLine(Inv, $"| {name} | {solve:F0} ms | {solve / oursMs:F1} | {build:F0} ms ({f[8]}) | {sample.PeakKb / 1024} MB | {(got == expected ? "same" : "DIFFERS: " + got)} |");
        }
        md.AppendLine();
    }

    /// <summary>`ortools mcf|lsa arcs.csv capacities.csv`: one OR-Tools solve, printed as "build X ms solve Y ms matched=N total=S arcs=A".</summary>
    public static int OrTools(string[] args)
    {
        var problem = ArcsInput.Load(args[1], args[2]).Problem;
        long bigM = OptimalMatcher.BigMFor(problem, MatchObjective.MostMatchedThenScore);
        var o = args[0] == "lsa" ? OrToolsReference.LinearSumAssignment(problem, bigM) : OrToolsReference.MinCostFlowSolve(problem, bigM);
        Console.WriteLine(string.Create(Inv, $"build {o.BuildMs:F0} ms solve {o.SolveMs:F0} ms matched={o.Matched} total={o.Total} arcs={o.Arcs}"));
        return o.Matched < 0 ? 1 : 0;
    }

    /// <summary>`SolveAllPairs` over every allowed pair, each run its own process (peak RSS is the whole process).</summary>
    private static void AllPairs(StringBuilder md, string self, List<(int N, int M)> sizes, int runs)
    {
        md.AppendLine("### All pairs (`OptimalMatcher.SolveAllPairs`, 2 threads, shortlist 50, mentor seeds 10 × capacity)");
        md.AppendLine();
        md.AppendLine("Every allowed pair of the synthetic program is a candidate (500 million at 50k × 10k, 8 billion at 200k × 40k), scored on demand in tiles; " +
            "each run is its own process (`allpairs N M`), the last one also checks the certificate over every pair.");
        md.AppendLine();
        md.AppendLine("| instance | runs | median SolveAllPairs wall | median process wall | median CPU | peak RSS | rounds | result | certificate over all pairs | load average before / after |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var (n, m) in sizes)
        {
            int count = n <= 50_000 ? Math.Max(3, runs) : 1;
            string before = LoadAverage();
            var samples = new List<Sample>();
            for (int r = 0; r < count; r++)
            {
                var a = new List<string> { self, "allpairs", n.ToString(Inv), m.ToString(Inv) };
                if (r == count - 1) a.Add("--check");
                samples.Add(Measure("dotnet", [.. a]));
                Console.WriteLine($"  all pairs {n}x{m}: {samples[^1].Stdout.Trim().Split('\n')[^1]} | {samples[^1].WallMs:F0} ms, {samples[^1].PeakKb / 1024} MB");
            }
            string after = LoadAverage();
            var last = samples[^1].Stdout.Trim().Split('\n');
            string summary = last.First(l => l.Contains("rounds=", StringComparison.Ordinal));
            double solveMs = Median(samples.Select(s => double.Parse(s.Stdout.Trim().Split('\n').First(l => l.Contains("rounds=", StringComparison.Ordinal)).Split(' ')[0], Inv)));
            string cert = last.FirstOrDefault(l => l.StartsWith("certificate", StringComparison.Ordinal)) ?? "not checked";
            md.Append(Inv, $"| {n / 1000}k × {m / 1000}k | {count} | {solveMs:F0} ms | {Median(samples.Select(s => s.WallMs)):F0} ms | {Median(samples.Select(s => s.CpuMs)):F0} ms | ");
            md.AppendLine(Inv, $"{Median(samples.Select(s => (double)s.PeakKb)) / 1024:F0} MB | {summary.Split(' ')[2].Split('=')[1]} | `{summary.Split(' ')[3]}` | {cert} | {before} / {after} |");
        }
        md.AppendLine();
    }

    private static double Phase(string stderr, string name)
    {
        // "lemon ns: read 465 ms, build 195 ms, solve 3296 ms, write 18 ms"
        int at = stderr.IndexOf(name + " ", StringComparison.Ordinal);
        if (at < 0) return double.NaN;
        var rest = stderr[(at + name.Length + 1)..];
        return double.Parse(rest[..rest.IndexOf(' ', StringComparison.Ordinal)], Inv);
    }

    /// <summary>Runs a program under GNU time: wall, user+system CPU, peak RSS.</summary>
    private static Sample Measure(string file, string[] args)
    {
        string timing = Path.GetTempFileName();
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in (string[])["-f", "%e %U %S %M", "-o", timing, file, .. args]) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
            var f = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
            return new Sample(double.Parse(f[0], Inv) * 1000, (double.Parse(f[1], Inv) + double.Parse(f[2], Inv)) * 1000, long.Parse(f[3], Inv), output, err.Result);
        }
        finally
        {
            File.Delete(timing);
        }
    }

    /// <summary>Like <see cref="Measure"/>, but null when the program has not finished within the limit (it is stopped).</summary>
    private static Sample? MeasureWithLimit(string file, string[] args, int seconds)
    {
        string timing = Path.GetTempFileName();
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in (string[])["-f", "%e %U %S %M", "-o", timing, file, .. args]) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(seconds)))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
                return null;
            }
            if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {err.Result}");
            var f = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
            return new Sample(double.Parse(f[0], Inv) * 1000, (double.Parse(f[1], Inv) + double.Parse(f[2], Inv)) * 1000, long.Parse(f[3], Inv), output.Result, err.Result);
        }
        finally
        {
            File.Delete(timing);
        }
    }

    private static void Exec(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file);
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}");
    }

    private const string LemonBuild = "g++ -O2 -std=c++17 -o bench/lemon/lemon_match bench/lemon/lemon_match.cpp -llemon";

    /// <summary>The LEMON harness, built by the documented g++ command when missing or older than its source.</summary>
    private static string EnsureLemon(string repo)
    {
        string exe = Path.Combine(repo, "bench", "lemon", "lemon_match"), src = exe + ".cpp";
        if (File.Exists(exe) && File.GetLastWriteTimeUtc(exe) >= File.GetLastWriteTimeUtc(src)) return exe;
        var psi = new ProcessStartInfo("g++") { WorkingDirectory = repo };
        foreach (string a in LemonBuild.Split(' ').Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"`{LemonBuild}` failed (is liblemon-dev installed?)");
        return exe;
    }

    private static string LemonVersion()
    {
        try
        {
            var psi = new ProcessStartInfo("dpkg-query", "-W -f=${Version} liblemon-dev") { RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            string v = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return "LEMON " + v + " (Debian liblemon-dev, g++ -O2)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "LEMON (version unknown)";
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).OrderBy(x => x).ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    internal static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { return "unknown CPU"; }
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], Inv) : fallback;
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    internal static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Tandem.slnx"))) return d.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Replaces only this marked section of docs/benchmarks.md; the rest belongs to others.</summary>
    private static void WriteSection(string path, string marker, string body)
    {
        string begin = $"<!-- {marker}:begin -->", end = $"<!-- {marker}:end -->";
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        string section = $"{begin}\n{body.TrimEnd()}\n{end}";
        int b = text.IndexOf(begin, StringComparison.Ordinal), e = text.IndexOf(end, StringComparison.Ordinal);
        text = b >= 0 && e > b ? text[..b] + section + text[(e + end.Length)..] : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }
}
