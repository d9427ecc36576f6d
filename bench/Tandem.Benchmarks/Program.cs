using System.Diagnostics;
using Tandem.Benchmarks;
using Tandem.Matching;
using Tandem.Matching.Solver;

if (args.Length > 0 && args[0] == "cohort")
    return CohortBenchmark.Run(args[1..]);

if (args.Length > 0 && args[0] == "quick")
{
    int n = int.Parse(args[1]), m = int.Parse(args[2]);
    var src = new SyntheticPairSource(n, m);
    var sw = Stopwatch.StartNew();
    var p = src.TopArcs(50, 2);
    Console.WriteLine($"top-50 arcs {p.ArcMentor.Length:N0} in {sw.ElapsedMilliseconds} ms");
    foreach (var obj in new[] { MatchObjective.MostMatchedThenScore, MatchObjective.TotalScore })
    {
        for (int rep = 0; rep < 2; rep++)
        {
            sw.Restart();
            var r = OptimalMatcher.Solve(p, obj);
            Console.WriteLine($"{obj}: {sw.ElapsedMilliseconds} ms matched={r.Matched} total={r.TotalScore}");
        }
        var g = GreedyMatcher.Solve(p, obj);
        Console.WriteLine($"greedy matched={g.Matched} total={g.TotalScore}");
    }
    if (args.Length < 4) return 0;
    sw.Restart();
    var all = OptimalMatcher.SolveAllPairs(src, MatchObjective.MostMatchedThenScore, progress: new Progress<string>(Console.WriteLine));
    Console.WriteLine($"allpairs {sw.ElapsedMilliseconds} ms rounds={all.Rounds} added={all.ArcsAdded} matched={all.Result.Matched} total={all.Result.TotalScore}");
    return 0;
}
return 0;
