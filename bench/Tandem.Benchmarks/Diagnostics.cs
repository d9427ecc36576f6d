using System.Diagnostics;
using Tandem.Matching.Solver;

namespace Tandem.Benchmarks;

/// <summary>Small probes used while tuning the all-pairs scan (not part of docs/benchmarks.md).</summary>
internal static class Diagnostics
{
    /// <summary>`scan N M [seed]`: the first shortlist pass alone, three times.</summary>
    public static int Scan(string[] args)
    {
    var src = new SyntheticPairSource(int.Parse(args[1]), int.Parse(args[2]));
    var caps = Enumerable.Range(0, src.MentorCount).Select(src.Capacity).ToArray();
    for (int rep = 0; rep < 3; rep++)
    {
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var scan = ShortlistScan.Run(src, caps, 50, new AllPairsOptions(MentorSeed: args.Length > 3 ? int.Parse(args[3]) : 10), 2, default);
        Console.WriteLine($"scan {sw.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms cpu, arcs {scan.Rows.ToProblem(src.MentorCount, caps).ArcMentor.Length}");
    }
    return 0;
}

    /// <summary>`tiles N M [block] [floor]`: scoring by rows against tiles (and a check that both agree), and the threshold filter alone.</summary>
    public static int Tiles(string[] args)
    {
    // Raw scoring speed, one thread: rows against tiles, and a check that both agree.
    var src = new SyntheticPairSource(int.Parse(args[1]), int.Parse(args[2]));
    int mentees = Math.Min(src.MenteeCount, 4000), m = src.MentorCount, block = args.Length > 3 ? int.Parse(args[3]) : 2048;
    Console.WriteLine($"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}");
    var row = new long[m];
    var tile = new long[8 * block];
    long sum = 0;
    var sw = Stopwatch.StartNew();
    for (int i = 0; i < mentees; i++) { src.ScoreRow(i, row); sum += row[i % m]; }
    double rowMs = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    var ids = new int[8];
    for (int i = 0; i < mentees; i += 8)
    {
        for (int r = 0; r < 8; r++) ids[r] = i + r;
        for (int j0 = 0; j0 < m; j0 += block) { int w = Math.Min(block, m - j0); src.ScoreTile(ids, j0, w, tile.AsSpan(0, 8 * w)); sum += tile[0]; }
    }
    double tileMs = sw.Elapsed.TotalMilliseconds;
    // The filter alone, over one scored block, many times.
    for (int r = 0; r < 8; r++) ids[r] = r;
    src.ScoreTile(ids, 0, Math.Min(block, m), tile.AsSpan(0, 8 * Math.Min(block, m)));
    var topk = new TopK(50);
    long rest = 0, mx = 0, mn = 0;
    sw.Restart();
    int reps = mentees * m / (8 * Math.Min(block, m));
    for (int q = 0; q < reps; q++)
    {
        topk.Clear();
        topk.SetFloor(args.Length > 4 ? long.Parse(args[4]) : long.MinValue);
        for (int r = 0; r < 8; r++) PairTiles.Offer(tile.AsSpan(r * Math.Min(block, m), Math.Min(block, m)), default, 0, topk, long.MinValue, ref rest, ref mx, ref mn, null, r);
    }
    Console.WriteLine($"filter: {sw.Elapsed.TotalMilliseconds * 1e6 / ((double)reps * 8 * Math.Min(block, m)):F2} ns/pair");
    for (int i = 0; i < 64; i += 8)
    {
        for (int r = 0; r < 8; r++) ids[r] = i + r;
        for (int j0 = 0; j0 < m; j0 += block)
        {
            int w = Math.Min(block, m - j0);
            src.ScoreTile(ids, j0, w, tile.AsSpan(0, 8 * w));
            for (int r = 0; r < 8; r++)
            {
                src.ScoreRow(i + r, row);
                for (int c = 0; c < w; c++) if (tile[r * w + c] != row[j0 + c]) { Console.WriteLine($"MISMATCH {i + r} {j0 + c}"); return 1; }
            }
        }
    }
    Console.WriteLine($"{mentees} mentees x {m} mentors: rows {rowMs:F0} ms ({rowMs * 1e6 / mentees / m:F2} ns/pair), tiles {tileMs:F0} ms ({tileMs * 1e6 / mentees / m:F2} ns/pair); agree; {sum}");
    return 0;
}

    /// <summary>`cohort-solve`: on the 2,000-person cohort's allowed pairs, all-pairs pricing against one solve over all of them.</summary>
    public static int CohortSolve()
    {
        var input = Tandem.Matching.Cohorts.SyntheticCohort.Generate(1400, 600, 2026);
        var compiled = Tandem.Matching.Cohorts.CompiledCohort.Compile(input);
        var feasible = Tandem.Matching.Cohorts.FeasibleArcs.Build(compiled, default);
        var locked = new int[compiled.MenteeCount];
        Array.Fill(locked, -1);
        foreach (var pair in input.Locked) locked[compiled.MenteeIndex(pair.MenteeId)] = compiled.MentorIndex(pair.MentorId);
        var residual = feasible.Residual(compiled, locked);
        var source = new MatrixSource(residual);
        var a = new List<double>();
        var b = new List<double>();
        for (int r = 0; r < 25; r++)
        {
            var sw = Stopwatch.StartNew();
            var x = OptimalMatcher.SolveAllPairs(source, input.Objective, 16, 2);
            a.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var y = OptimalMatcher.Solve(residual, input.Objective);
            b.Add(sw.Elapsed.TotalMilliseconds);
            if (x.Result.TotalScore != y.TotalScore) throw new InvalidOperationException("differ");
        }
        a.Sort();
        b.Sort();
        Console.WriteLine($"SolveAllPairs(16) median {a[12]:F1} ms min {a[0]:F1}; Solve(all {residual.ArcMentor.Length} arcs) median {b[12]:F1} ms min {b[0]:F1}");
        return 0;
    }

    private sealed class MatrixSource(Tandem.Matching.ArcProblem p) : Tandem.Matching.IPairSource
    {
        public int MenteeCount => p.MenteeCount;
        public int MentorCount => p.MentorCount;
        public int Capacity(int mentor) => p.Capacities[mentor];

        public void ScoreRow(int mentee, Span<long> scores)
        {
            scores[..p.MentorCount].Fill(long.MinValue);
            for (var a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++) scores[p.ArcMentor[a]] = p.ArcScore[a];
        }
    }
}
