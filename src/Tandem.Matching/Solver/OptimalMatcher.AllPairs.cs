namespace Tandem.Matching.Solver;

/// <summary>Result of <see cref="OptimalMatcher.SolveAllPairs"/>: optimal over every allowed pair.</summary>
/// <param name="FinalArcs">The arc set of the last solve; the certificate holds over all pairs.</param>
/// <param name="Rounds">Solves performed (1 = the shortlist was already optimal).</param>
/// <param name="ArcsAdded">Arcs added by pricing beyond the initial shortlist.</param>
public sealed record AllPairsResult(MatchResult Result, ArcProblem FinalArcs, int Rounds, int ArcsAdded);

public static partial class OptimalMatcher
{
    /// <summary>Violating pairs added per mentee per pricing round (largest reduced cost first).</summary>
    private const int MaxAddedPerRowPerRound = 32;

    /// <summary>
    /// Optimal over all allowed pairs of <paramref name="source"/> without materialising them
    /// (column generation): solve on each mentee's top-<paramref name="shortlist"/> pairs, then scan
    /// every pair and add those with positive reduced cost w' − u_i − v_j, and re-solve until none
    /// is left. The final duals are then feasible for every pair, so the result is optimal overall.
    /// </summary>
    public static AllPairsResult SolveAllPairs(IPairSource source, MatchObjective objective, int shortlist = 50,
        int threads = 2, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(shortlist, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = source.MenteeCount, m = source.MentorCount;
        var caps = new int[m];
        for (int j = 0; j < m; j++) caps[j] = source.Capacity(j);

        progress?.Report($"Scoring {n:N0} × {m:N0} pairs for the top-{shortlist} shortlist");
        var scan = ShortlistScan.Run(source, shortlist, threads, ct);
        var rows = new RowArcs(scan);
        // BigM must hold for all pairs, so it comes from the full score range, not the shortlist.
        long bigM = objective == MatchObjective.MostMatchedThenScore
            ? LexicographicWeight.BigM(scan.MaxScore, scan.MinScore, Math.Min(scan.MenteesWithPair, SumOf(caps)))
            : 0;
        if (objective == MatchObjective.TotalScore)
            LexicographicWeight.CheckTotalFits(scan.MaxScore, Math.Min(scan.MenteesWithPair, SumOf(caps)));

        int rounds = 0, added = 0;
        AugmentingPathEngine? previous = null;
        List<int> pending = [];
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var p = rows.ToProblem(m, caps);
            var w = new long[p.ArcScore.Length];
            for (int a = 0; a < w.Length; a++) w[a] = p.ArcScore[a] + bigM;
            var engine = new AugmentingPathEngine(p, w);
            if (previous is null)
            {
                engine.Run(ct);
            }
            else
            {
                // The previous duals stay valid on the old arcs; only mentees that got new arcs are redone.
                engine.Restore(previous.U, previous.V, previous.MentorOf);
                engine.Reinsert(pending, ct);
            }
            previous = engine;
            rounds++;
            var result = engine.ToResult(p, bigM);
            progress?.Report($"Round {rounds}: {p.ArcMentor.Length:N0} arcs, matched {result.Matched:N0}; pricing all pairs");
            pending = PriceOut(source, rows, result.Certificate, bigM, threads, ct);
            if (pending.Count == 0) return new AllPairsResult(result, p, rounds, added);
            foreach (int i in pending) added += rows.CountAdded(i);
        }
    }

    private static long SumOf(int[] caps)
    {
        long s = 0;
        foreach (int c in caps) s += c;
        return s;
    }

    /// <summary>Adds, per mentee, up to a few pairs whose reduced cost is positive. Returns those mentees, ascending.</summary>
    private static List<int> PriceOut(IPairSource source, RowArcs rows, DualCertificate c, long bigM, int threads, CancellationToken ct)
    {
        int n = source.MenteeCount, m = source.MentorCount;
        var extra = new (int[] Mentor, long[] Score)?[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        Parallel.For(0, threads, options, t =>
        {
            var row = new long[m];
            var top = new TopK(MaxAddedPerRowPerRound);
            for (int i = t; i < n; i += threads)
            {
                source.ScoreRow(i, row);
                long ui = c.MenteePrice[i];
                top.Clear();
                var v = c.MentorPrice;
                for (int j = 0; j < m; j++)
                {
                    long s = row[j];
                    if (s == long.MinValue) continue;
                    long reduced = s + bigM - ui - v[j];
                    if (reduced > 0) top.Offer(reduced, j);
                }
                if (top.Count == 0) continue;
                var ms = top.Items();
                var ss = new long[ms.Length];
                for (int k = 0; k < ms.Length; k++) ss[k] = row[ms[k]];
                extra[i] = (ms, ss);
            }
        });
        var pending = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (extra[i] is not { } e) continue;
            rows.Add(i, e.Mentor, e.Score);
            pending.Add(i);
        }
        return pending;
    }
}
