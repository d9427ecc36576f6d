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
}
