namespace Tandem.Matching.Cohorts;

/// <summary>Stable mode: mentee-proposing deferred acceptance with capacities over the allowed pairs.</summary>
internal static class CohortStable
{
    /// <summary>Rankings: a mentee lists the mentors it ranked (allowed ones, in its order) first, then the
    /// other allowed mentors by score; a mentor prefers mentees by score. Ties break by input order.</summary>
    public static int[] Solve(CompiledCohort c, FeasibleArcs arcs, ArcProblem residual, CancellationToken ct)
    {
        int n = c.MenteeCount, m = c.MentorCount;
        var menteeRanking = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var start = residual.RowStart[i];
            var count = residual.RowStart[i + 1] - start;
            var mentors = residual.ArcMentor.AsSpan(start, count).ToArray();
            var scores = residual.ArcScore.AsSpan(start, count).ToArray();
            var order = Enumerable.Range(0, count)
                .OrderBy(k => c.MenteeRank(i, mentors[k]) is var r && r > 0 ? r : int.MaxValue)
                .ThenByDescending(k => scores[k])
                .ThenBy(k => mentors[k]);
            menteeRanking[i] = [.. order.Select(k => mentors[k])];
        }
        return DeferredAcceptance(n, m, residual.Capacities, menteeRanking, (i, j) => arcs.Score(i, j) ?? long.MinValue, ct);
    }

    internal static int[] DeferredAcceptance(int n, int m, int[] capacities, int[][] menteeRanking, Func<int, int, long> mentorScore, CancellationToken ct)
    {
        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        var next = new int[n];
        // Each mentor holds its current mentees; the weakest (lowest score, then latest in input) is dropped first.
        var held = new SortedSet<(long Score, int NegMentee)>[m];
        for (var j = 0; j < m; j++)
            held[j] = [];
        var free = new Queue<int>(Enumerable.Range(0, n));
        var steps = 0;
        while (free.Count > 0)
        {
            if ((++steps & 1023) == 0)
                ct.ThrowIfCancellationRequested();
            var i = free.Dequeue();
            if (next[i] >= menteeRanking[i].Length)
                continue;
            var j = menteeRanking[i][next[i]++];
            if (capacities[j] <= 0)
            {
                free.Enqueue(i);
                continue;
            }
            var key = (mentorScore(i, j), -i);
            if (held[j].Count < capacities[j])
            {
                held[j].Add(key);
                mentorOf[i] = j;
                continue;
            }
            var weakest = held[j].Min;
            if (weakest.CompareTo(key) < 0)
            {
                held[j].Remove(weakest);
                held[j].Add(key);
                mentorOf[i] = j;
                var dropped = -weakest.NegMentee;
                mentorOf[dropped] = -1;
                free.Enqueue(dropped);
            }
            else
                free.Enqueue(i);
        }
        return mentorOf;
    }
}
