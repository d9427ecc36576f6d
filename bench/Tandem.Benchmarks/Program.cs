using Tandem.Benchmarks;
using Tandem.Matching;
using Tandem.Matching.Solver;

// dotnet run -c Release --project bench/Tandem.Benchmarks -- references [--runs 5] [--no-large]   (ours vs LEMON and OR-Tools; writes docs/benchmarks.md)
// dotnet run -c Release --project bench/Tandem.Benchmarks -- cohort   (a 2,000-person cohort end to end with explanations)
// dotnet run -c Release --project bench/Tandem.Benchmarks -- allpairs 50000 10000 [--shortlist K] [--check]   (one traced SolveAllPairs run)
// dotnet run -c Release --project bench/Tandem.Benchmarks -- write-arcs 50000 10000 DIR   (the instance files the references read)
if (args.Length > 0 && args[0] == "demo-seed") return await DemoSeedBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "cohort")
    return CohortBenchmark.Run(args[1..]);

if (args.Length > 0 && args[0] == "allpairs")
{
    var src = new SyntheticPairSource(int.Parse(args[1]), int.Parse(args[2]));
    var sw = System.Diagnostics.Stopwatch.StartNew();
    int at = Array.IndexOf(args, "--shortlist");
    int shortlist = at > 0 ? int.Parse(args[at + 1]) : 50;
    var options = new AllPairsOptions(Warm: !args.Contains("--cold"));
    var r = OptimalMatcher.SolveAllPairs(src, MatchObjective.MostMatchedThenScore, shortlist, options, 2,
        new SyncProgress(s => Console.WriteLine($"  {sw.Elapsed.TotalSeconds:F2}s {s}")), default);
    Console.WriteLine($"{sw.ElapsedMilliseconds} ms rounds={r.Rounds} total={r.Result.TotalScore} matched={r.Result.Matched} arcs={r.FinalArcs.ArcMentor.Length}");
    if (args.Contains("--check"))
    {
        sw.Restart();
        var check = CertificateChecker.Check(src, r.Result, MatchObjective.MostMatchedThenScore);
        Console.WriteLine($"certificate {(check.Ok ? "ok" : "FAILED")} ({sw.ElapsedMilliseconds} ms, 1 thread)");
        if (!check.Ok) return 1;
    }
    return 0;
}
if (args.Length > 0 && args[0] == "write-arcs")
{
    var inst = ArcFiles.Ensure(args[3], int.Parse(args[1]), int.Parse(args[2]));
    Console.WriteLine($"{inst.Arcs} ({inst.ArcCount:N0} arcs), {inst.Capacities}");
    return 0;
}
if (args.Length > 0 && args[0] == "references") return ReferenceBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == "ortools") return ReferenceBenchmark.OrTools(args[1..]);
if (args.Length > 0 && args[0] == "scan") return Tandem.Benchmarks.Diagnostics.Scan(args);
if (args.Length > 0 && args[0] == "cohort-solve") return Tandem.Benchmarks.Diagnostics.CohortSolve();
if (args.Length > 0 && args[0] == "tiles") return Tandem.Benchmarks.Diagnostics.Tiles(args);
Console.Error.WriteLine("usage: Tandem.Benchmarks references [--runs N] [--no-large] | cohort | allpairs <mentees> <mentors> [--check] | write-arcs <mentees> <mentors> <dir>");
return 2;

internal sealed class SyncProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
