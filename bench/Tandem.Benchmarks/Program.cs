using System.Diagnostics;
using Tandem.Benchmarks;
using Tandem.Matching;
using Tandem.Matching.Solver;

if (args.Length > 0 && args[0] == "quick")
{
    int n = int.Parse(args[1]), m = int.Parse(args[2]);
    var src = new SyntheticPairSource(n, m);
    var sw = Stopwatch.StartNew();
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var rowBuf = new long[m];
    long allowed = 0;
    for (int i = 0; i < n; i++) { src.ScoreRow(i, rowBuf); foreach (long x in rowBuf) if (x != long.MinValue) allowed++; }
    Console.WriteLine($"raw scan 1 thread: {sw.ElapsedMilliseconds} ms cpu={(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds} allowed={allowed}");
    sw.Restart();
    var p = src.TopArcs(50, 2);
    Console.WriteLine($"top-50 arcs {p.ArcMentor.Length:N0} in {sw.ElapsedMilliseconds} ms");
    foreach (var obj in new[] { MatchObjective.MostMatchedThenScore, MatchObjective.TotalScore })
    {
        for (int rep = 0; rep < 2; rep++)
        {
            sw.Restart();
            var r = OptimalMatcher.Solve(p, obj);
            Console.WriteLine($"{obj}: {sw.ElapsedMilliseconds} ms cpu={System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds} matched={r.Matched} total={r.TotalScore}");
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
