namespace Tandem.Matching.Solver;

/// <summary>
/// Baseline: take arcs by score (highest first, ties by mentee then mentor index) while both
/// sides are free. For <see cref="MatchObjective.TotalScore"/> non-positive arcs are skipped.
/// No optimality certificate (<see cref="DualCertificate.None"/>).
/// </summary>
public static class GreedyMatcher
{
    public static MatchResult Solve(ArcProblem p, MatchObjective objective = MatchObjective.MostMatchedThenScore)
    {
        ArcProblemChecks.Validate(p);
        int arcs = p.ArcMentor.Length;
        var order = new int[arcs];
        var menteeOf = new int[arcs];
        for (int i = 0; i < p.MenteeCount; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++) menteeOf[a] = i;
        }
        var scores = p.ArcScore;
        // Sort by score descending through primitive keys, then order ties by arc index (arc
        // indices follow mentee order), so the result is deterministic.
        var keys = new long[arcs];
        for (int a = 0; a < arcs; a++) { order[a] = a; keys[a] = ~scores[a]; }
        Array.Sort(keys, order);
        for (int start = 0; start < arcs;)
        {
            int end = start + 1;
            while (end < arcs && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }

        var mentorOf = new int[p.MenteeCount];
        Array.Fill(mentorOf, -1);
        var load = new int[p.MentorCount];
        int matched = 0;
        long total = 0;
        foreach (int a in order)
        {
            if (objective == MatchObjective.TotalScore && scores[a] <= 0) break;
            int i = menteeOf[a], j = p.ArcMentor[a];
            if (mentorOf[i] >= 0 || load[j] >= p.Capacities[j]) continue;
            mentorOf[i] = j;
            load[j]++;
            matched++;
            total += scores[a];
        }
        return new MatchResult(mentorOf, matched, total, DualCertificate.None);
    }
}
