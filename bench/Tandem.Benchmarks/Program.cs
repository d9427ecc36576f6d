using Tandem.Benchmarks;

// dotnet run -c Release --project bench/Tandem.Benchmarks -- solver [--large-all-pairs] [--doc docs/benchmarks.md]
// dotnet run -c Release --project bench/Tandem.Benchmarks -- cohort   (a 2,000-person cohort end to end with explanations)
// dotnet run -c Release --project bench/Tandem.Benchmarks -- allpairs 50000 10000   (one traced SolveAllPairs run)
if (args.Length > 0 && args[0] == "demo-seed") return await DemoSeedBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "cohort")
    return CohortBenchmark.Run(args[1..]);

if (args.Length > 0 && args[0] == "allpairs")
{
    var src = new SyntheticPairSource(int.Parse(args[1]), int.Parse(args[2]));
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var r = Tandem.Matching.Solver.OptimalMatcher.SolveAllPairs(src, Tandem.Matching.MatchObjective.MostMatchedThenScore, 50, 2,
        new SyncProgress(s => Console.WriteLine($"  {sw.Elapsed.TotalSeconds:F2}s {s}")));
    Console.WriteLine($"{sw.ElapsedMilliseconds} ms rounds={r.Rounds} total={r.Result.TotalScore}");
    return 0;
}
if (args.Length > 0 && args[0] == "solver") return SolverBenchmark.Run(args[1..]);
Console.Error.WriteLine("usage: Tandem.Benchmarks solver [--large-all-pairs] [--doc path] | cohort | allpairs <mentees> <mentors>");
return 2;

internal sealed class SyncProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
